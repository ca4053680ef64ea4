"""Search benchmark: /api/v1/search over HTTP at 10,000 and 100,000 exemplars, next to Wagtail's
own database `search()` on the same pages, measured in the same run, on SQLite and PostgreSQL.

What it does, per backend (a fresh database: /tmp/guongsang-bench/bench.sqlite3, or the
PostgreSQL database `guongsang_bench`, dropped and recreated):
1. migrate; create the place tree, vocabularies and the exemplar index;
2. build REAL exemplar pages (10,000 by default) with Wagtail's tree API (`add_child`, live),
   which also fills Wagtail's own search index; index them into our search documents with the
   real indexing code (`search.indexing.rebuild`);
3. measure: our API over HTTP (gunicorn, 2 workers, on 127.0.0.1:8124/8125) and Wagtail's
   `ExemplarPage.objects.live().search(q, order_by_relevance=False)[:20]` in-process;
4. grow to 100,000: bulk-insert 90,000 more tree pages (plain `Page` rows with treebeard paths)
   and their search documents and facet rows directly (building pages one by one is too slow);
   Wagtail's index is not built for those, so Wagtail's search is only compared at 10,000;
5. measure our API again.
Text: titles are Vietnamese names and model/collective names; bodies ~320 syllables drawn from
the 2024 Lý Sơn report in /work/shared/seed (or a built-in list when it is absent).

    .venv/bin/python benchmarks/search_bench.py [--real 10000] [--total 100000] [--backends sqlite,postgres]
    .venv/bin/python benchmarks/search_bench.py --quick --backends sqlite     # only 100k, cached data

Built datasets are cached (SQLite: a file under /tmp/guongsang-bench/cache/; PostgreSQL: a
template database `gsbench_…`, or `<--pg-db>_c_…`), keyed by dataset size, data version and schema version (a hash
of every migration file name). A cache of an older schema is copied and migrated forward, so
after a new migration only the migration runs. `--quick` skips the 10,000 stage and the
comparison with Wagtail's search() and measures the 100,000 dataset only (built once, then
reused: the first run still takes the full build). `--no-cache` builds from scratch.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
# Where the datasets live: overridable (--dir, --pg-db, or these environment variables), so that
# several people on one machine never share, drop or overwrite each other's benchmark databases.
BENCH_DIR = Path(os.environ.get("SEARCH_BENCH_DIR", "/tmp/guongsang-bench"))
CACHE_DIR = BENCH_DIR / "cache"
PG_DB = os.environ.get("SEARCH_BENCH_PG_DB", "guongsang_bench")
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
# Cached datasets are template databases named after PG_DB ("guongsang_bench" keeps the old
# "gsbench_" names).
PG_CACHE_PREFIX = "gsbench_" if PG_DB == "guongsang_bench" else f"{PG_DB}_c_"
PG_ARGS = ["-h", "127.0.0.1", "-U", "postgres"]
# Bump when what the builders write changes (titles, bodies, facets, columns filled by hand).
# 3: the word counts (`SearchTerm`, behind prefix completion, typo correction and plan choice)
# are recounted after the bulk insert; version 2 counted only the 10,000 built pages, so "moi"
# held 8 % of the documents by the counts and 84 % in fact. A version-2 cache is upgraded
# (recounted) rather than rebuilt: see `UPGRADES`.
DATA_VERSION = 3

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Trương",
    "Bùi",
    "Đặng",
    "Đỗ",
    "Ngô",
    "Hồ",
    "Dương",
    "Lý",
    "Đinh",
    "Đoàn",
]
MIDDLE = ["Văn", "Thị", "Đình", "Hữu", "Minh", "Ngọc", "Đức", "Thanh", "Xuân", "Công", "Quốc", "Thành"]
GIVEN = [
    "Hùng",
    "Hồng",
    "Thời",
    "Hữu",
    "Đức",
    "Dũng",
    "Lữ",
    "Trọng",
    "Mai",
    "Toàn",
    "Tâm",
    "Ngọc",
    "Bích",
    "Hải",
    "Sơn",
    "Đông",
    "Phước",
    "Lợi",
    "Nghĩa",
    "Thủy",
    "Hương",
    "Cường",
]
GROUPS = [
    "Đội tàu cá",
    "Chi đoàn thôn",
    "Hợp tác xã tỏi",
    "Tổ tự quản",
    "Câu lạc bộ",
    "Mô hình nuôi heo đất",
    "Tổ hợp tác",
]
FALLBACK_WORDS = [
    "dân",
    "vận",
    "khéo",
    "chung",
    "tay",
    "vì",
    "người",
    "nghèo",
    "xây",
    "dựng",
    "nông",
    "thôn",
    "mới",
    "đảo",
    "lý",
    "sơn",
    "biển",
    "đảo",
    "ngư",
    "dân",
]

QUERIES = {
    "name": ["nguyen van hung", "Trần Thị Hồng", "le dinh dung", "dang duc"],
    "phrase": ["dan van kheo", "chung tay vi nguoi ngheo", "xay dung nong thon moi"],
    "broad": ["ly son", "bien", "thi dua"],
    # as typed: the last word cut off (matched as a prefix), a slip of one letter (no result:
    # the correction is looked up, checked as a phrase and its results fetched), full accents
    "prefix": ["nguyen van hu", "tran thi ho", "chung tay vi nguoi ng", "xay dung nong th"],
    "typo": ["nguyn van hung", "tran thj hong", "le dinh dnug", "xay dugn nong thon moi"],
    "accented": ["Nguyễn Văn Hùng", "Đặng Đức", "nông thôn mới", "biển"],
}


def words_from_seed() -> list[str]:
    seed = Path("/work/shared/seed")
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt"))) if seed.exists() else ""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    return words or FALLBACK_WORDS


def title(rng, i) -> str:
    if i % 5 == 4:
        return f"{rng.choice(GROUPS)} {rng.choice(GIVEN)} {i}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def body(rng, words) -> str:
    start = rng.randrange(0, max(1, len(words) - 320))
    return " ".join(words[start : start + 320])


def _set_locations() -> None:
    global BENCH_DIR, CACHE_DIR, PG_DB, PG_URL, PG_CACHE_PREFIX
    BENCH_DIR = Path(os.environ.get("SEARCH_BENCH_DIR", "/tmp/guongsang-bench"))
    CACHE_DIR = BENCH_DIR / "cache"
    PG_DB = os.environ.get("SEARCH_BENCH_PG_DB", "guongsang_bench")
    PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
    PG_CACHE_PREFIX = "gsbench_" if PG_DB == "guongsang_bench" else f"{PG_DB}_c_"


def migration_names() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("**/migrations/0*.py") if ".venv" not in p.parts)


def schema_version() -> str:
    return hashlib.sha1("\n".join(migration_names()).encode()).hexdigest()[:10]


def dataset_key(real: int, total: int, version: int = DATA_VERSION) -> str:
    return f"r{real}-t{total}-d{version}"


def recount_words() -> None:
    """The bulk insert writes search rows directly, past the indexing code that keeps the word
    counts: count them again from the full-text index, as `search.vocabulary.rebuild` does."""
    from search import vocabulary

    t = time.perf_counter()
    words = vocabulary.rebuild()
    print(f"  word counts rebuilt: {words} words in {time.perf_counter() - t:.0f} s", flush=True)


# What turns a cached dataset of an older data version into the current one, by version.
UPGRADES = {2: recount_words}


def psql(sql: str, db: str = "postgres") -> str:
    out = subprocess.run(["psql", *PG_ARGS, "-d", db, "-Atc", sql], check=True, capture_output=True, text=True)
    return out.stdout


def setup_django(backend: str):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(40)
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    # Production queues tasks for `run_worker`; the benchmark has no worker, so run them inline.
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    # Every request is sent with X-Bench-No-Cache, which this lets through the API response
    # cache (core.http_cache): the search itself is measured, not a cached answer.
    os.environ["API_CACHE_ALLOW_BYPASS"] = "1"
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if backend == "postgres":
        os.environ["DATABASE_URL"] = PG_URL
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"
    import django

    django.setup()


def reset_database(backend: str) -> None:
    """An empty, migrated database."""
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    if backend == "postgres":
        subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", PG_DB], check=True)
        subprocess.run(["createdb", *PG_ARGS, PG_DB], check=True)
    else:
        for f in BENCH_DIR.glob("bench.sqlite3*"):
            f.unlink()
    call_command("migrate", verbosity=0)


def restore_cached(backend: str, real: int, total: int) -> bool:
    """Load the cached dataset (`real` built pages, `total` in all) if there is one; a cache of
    an older schema is loaded and migrated forward (and cached again under the new schema)."""
    from django.core.management import call_command
    from django.db import connections

    key, schema = dataset_key(real, total), schema_version()
    candidates = []  # (data version, exact schema?, name)
    for version in [DATA_VERSION, *[v for v in UPGRADES if v < DATA_VERSION]]:
        vkey = dataset_key(real, total, version)
        if backend == "postgres":
            prefix = PG_CACHE_PREFIX + vkey.replace("-", "_")
            for name in psql(f"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}_%'").split():
                candidates.append((version, name.endswith(schema), name))
        else:
            for path in CACHE_DIR.glob(f"dataset-{vkey}-*.sqlite3"):
                candidates.append((version, path.stem.endswith(schema), str(path)))
    if not candidates:
        return False
    version, _, source = max(candidates)
    t = time.perf_counter()
    connections.close_all()
    if backend == "postgres":
        subprocess.run(["dropdb", *PG_ARGS, "--if-exists", "--force", PG_DB], check=True)
        subprocess.run(["createdb", *PG_ARGS, "-T", source, PG_DB], check=True)
    else:
        for f in BENCH_DIR.glob("bench.sqlite3*"):
            f.unlink()
        shutil.copyfile(source, BENCH_DIR / "bench.sqlite3")
    print(f"  dataset {key} restored from cache {source} in {time.perf_counter() - t:.0f} s", flush=True)
    # Migrate even when the names say the schema is current: a build that ran while a migration
    # was being added saves its cache under the newer name without having applied it.
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    migrate = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    if migrate:
        t = time.perf_counter()
        call_command("migrate", verbosity=0)
        settle(full=True)
        print(f"  migrated forward (and compacted) in {time.perf_counter() - t:.0f} s", flush=True)
    for old in range(version, DATA_VERSION):
        UPGRADES[old]()
        print(f"  data version {old} upgraded to {old + 1}", flush=True)
    if version < DATA_VERSION:
        settle()
    if migrate or version < DATA_VERSION:
        save_cache(backend, real, total)
    return True


def save_cache(backend: str, real: int, total: int) -> None:
    from django.db import connection, connections

    key, schema = dataset_key(real, total), schema_version()
    connections.close_all()
    if backend == "postgres":
        prefix = PG_CACHE_PREFIX + key.replace("-", "_")
        for name in psql(f"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}_%'").split():
            subprocess.run(["dropdb", *PG_ARGS, "--if-exists", name], check=True)
        subprocess.run(["createdb", *PG_ARGS, "-T", PG_DB, f"{prefix}_{schema}"], check=True)
    else:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with connection.cursor() as cursor:  # fold the WAL into the main file before copying
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connections.close_all()
        for old in CACHE_DIR.glob(f"dataset-{key}-*.sqlite3"):
            old.unlink()
        shutil.copyfile(BENCH_DIR / "bench.sqlite3", CACHE_DIR / f"dataset-{key}-{schema}.sqlite3")
    print(f"  dataset {key} cached (schema {schema})", flush=True)


def build_real(n: int, words, rng) -> None:
    from django.db import transaction

    from exemplars.models import ExemplarPage
    from search import indexing
    from tests import factories

    places = factories.place_tree()
    fields = [factories.field(n) for n in ("Khai thác hải sản", "Giáo dục", "Nhân đạo từ thiện", "Dân vận")]
    index = factories.exemplar_index()
    for c, name in enumerate(
        ["Dân vận khéo", "Lý Sơn chung tay vì người nghèo", "Lý Sơn chung sức xây dựng nông thôn mới"]
    ):
        factories.campaign(name, summary=f"Phong trào {name}.", slug=f"phong-trao-{c}")
    t = time.perf_counter()
    for start in range(0, n, 500):
        with transaction.atomic():
            for i in range(start, min(n, start + 500)):
                page = ExemplarPage(
                    title=title(rng, i),
                    slug=f"dh-{i}",
                    kind="collective" if i % 2 else "model",
                    place=places["dong"] if i % 3 else places["tay"],
                    summary=body(rng, words)[:300],
                    body=[("paragraph", f"<p>{body(rng, words)}</p>")],
                    live=True,
                )
                index.add_child(instance=page)
                page.fields.set([fields[i % len(fields)]])
        print(f"  real pages: {min(n, start + 500)}/{n} ({time.perf_counter() - t:.0f} s)", flush=True)
    t = time.perf_counter()
    indexing.rebuild(progress=lambda d, tot: d % 2000 == 0 and print(f"  indexed {d}/{tot}", flush=True))
    print(f"  search documents built with the real indexing code in {time.perf_counter() - t:.0f} s", flush=True)


def grow_bulk(total: int, words, rng) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Locale, Page

    from exemplars.models import ExemplarIndexPage, Field, Place
    from search.models import SearchDocument, SearchFacet
    from search.text import facet_token, fold

    index = ExemplarIndexPage.objects.get()
    existing = index.get_children().count()
    ct = ContentType.objects.get_for_model(Page)
    locale = Locale.get_default()
    places = list(Place.objects.filter(kind="village").values_list("pk", flat=True))
    zone_ids = [str(p.pk) for p in Place.objects.exclude(kind="village").exclude(kind="district")]
    slugs = list(Field.objects.values_list("slug", flat=True))
    t = time.perf_counter()
    for start in range(existing, total, 5000):
        stop = min(total, start + 5000)
        with transaction.atomic():
            pages = [
                Page(
                    title=title(rng, i),
                    slug=f"dh-{i}",
                    path=Page._get_path(index.path, index.depth + 1, i + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}dh-{i}/",
                    live=True,
                    content_type=ct,
                    locale=locale,
                    draft_title=title(rng, i),
                )
                for i in range(start, stop)
            ]
            pages = Page.objects.bulk_create(pages)
            docs, facets = [], []
            for page in pages:
                summary, text = body(rng, words)[:300], body(rng, words)
                docs.append(
                    SearchDocument(
                        page_id=page.pk,
                        doc_type="exemplar",
                        title=page.title,
                        url=f"/dien-hinh/{page.slug}/",
                        summary=summary,
                        body=text,
                        title_folded=fold(page.title),
                        summary_folded=fold(summary),
                        body_folded=fold(text),
                    )
                )
                kind = "collective" if page.pk % 2 else "model"
                keys = [
                    ("type", "exemplar"),
                    ("kind", kind),
                    ("field", rng.choice(slugs)),
                    ("place", str(rng.choice(places))),
                    *[("place", z) for z in zone_ids],
                    ("year", str(2015 + page.pk % 10)),
                ]
                docs[-1].facet_tokens = " ".join(facet_token(name, value) for name, value in keys)
                facets += [SearchFacet(document_id=page.pk, name=name, value=value) for name, value in keys]
            SearchDocument.objects.bulk_create(docs, batch_size=500)
            SearchFacet.objects.bulk_create(facets, batch_size=2000)
        print(f"  bulk documents: {stop}/{total} ({time.perf_counter() - t:.0f} s)", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=total)
    recount_words()
    settle()


def settle(full: bool = False) -> None:
    """What autovacuum would have done on a live site by the time anyone searches: statistics,
    the visibility map and (PostgreSQL) GIN pending lists. `full`: also compact the tables, so
    that a dataset migrated forward is laid out as a freshly built one would be (a migration
    that rewrites every search row leaves the table half dead rows)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM (FULL, ANALYZE)" if full else "VACUUM ANALYZE")
        else:
            cursor.execute("VACUUM" if full else "ANALYZE")
            cursor.execute("ANALYZE")


def start_server(port: int):
    env = dict(os.environ)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--pythonpath",
            str(ROOT / "site") + "," + str(ROOT),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?q=ly+son", timeout=5).read()
            return proc
        except Exception:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("server did not start")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"X-Bench-No-Cache": "1"})
    with urllib.request.urlopen(request) as response:
        return response.read()


def measure_http(port: int, reps: int) -> dict[str, tuple[float, float, int]]:
    """p50/p95 per query set. Every round requests every URL once, in a shuffled order, so
    that load from other processes on the machine falls on every query set alike."""
    cases = []  # (row name, url)
    for category, queries in QUERIES.items():
        for label, extra in (
            ("with facets", {"facets": "true"}),
            ("without facets", {"facets": "false"}),
            ("filter kind + facets", {"kind": "collective"}),  # facets respect it: one more count
        ):
            for q in queries:
                query = urllib.parse.urlencode({"q": q, **extra})
                cases.append((f"{category}, {label}", f"http://127.0.0.1:{port}/api/v1/search?{query}"))
    for _, url in cases:
        for _ in range(3):
            fetch(url)
    times: dict[str, list[float]] = {row: [] for row, _ in cases}
    order = random.Random(7)
    for _ in range(reps):
        order.shuffle(cases)
        for row, url in cases:
            t = time.perf_counter()
            fetch(url)
            times[row].append((time.perf_counter() - t) * 1000)
    return {row: (statistics.median(ts), pct(ts, 95), len(ts)) for row, ts in times.items()}


def load_average() -> str:
    try:
        return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3]) + f" on {os.cpu_count()} CPUs"
    except OSError:
        return ""


def measure_wagtail(reps: int) -> dict[str, tuple[float, float, int]]:
    from exemplars.models import ExemplarPage

    rows = {}
    for category, queries in QUERIES.items():
        times = []
        for q in queries:
            for _ in range(reps):
                t = time.perf_counter()
                list(ExemplarPage.objects.live().search(q, order_by_relevance=False)[:20])
                times.append((time.perf_counter() - t) * 1000)
        rows[category] = (statistics.median(times), pct(times, 95), len(times))
    return rows


def report(title_, rows):
    print(f"\n{title_}  [{load_average()}]")
    print(f"  {'query set':38} {'p50 ms':>9} {'p95 ms':>9} {'n':>5}")
    for name, (p50, p95, n) in rows.items():
        print(f"  {name:38} {p50:9.1f} {p95:9.1f} {n:5d}")


def bare_fts(q: str) -> tuple[str, list]:
    """The baseline: the database's own full-text match of the folded words, the 20 newest ids —
    no ranking, count, facets, snippets, HTTP or Django."""
    from django.db import connection

    from search.text import folded_words

    words = folded_words(q)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT page_id FROM search_match WHERE match_vector @@ to_tsquery('simple', %s) "
            "ORDER BY page_id DESC LIMIT 20"
        )
        return sql, [" & ".join(words)]
    expr = "{title_folded summary_folded body_folded} : (" + " AND ".join(f'"{w}"' for w in words) + ")"
    return "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 20", [expr]


def measure_baseline(reps: int) -> dict[str, tuple[float, float, int]]:
    from django.db import connection

    rows = {}
    with connection.cursor() as cursor:
        for category, queries in QUERIES.items():
            times = []
            for q in queries:
                sql, params = bare_fts(q)
                cursor.execute(sql, params)  # warm
                for _ in range(reps):
                    t = time.perf_counter()
                    cursor.execute(sql, params)
                    cursor.fetchall()
                    times.append((time.perf_counter() - t) * 1000)
            rows[category] = (statistics.median(times), pct(times, 95), len(times))
    return rows


def buffer_counts() -> tuple[int, int] | None:
    """PostgreSQL: (blocks found in shared buffers, blocks read from outside) so far, for the
    benchmark's database — their change over a measurement says whether the cache was warm."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT blks_hit, blks_read FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()


def measure_big(backend: str, args, port: int):
    server = start_server(port)
    before = buffer_counts()
    try:
        big = measure_http(port, args.reps)
    finally:
        server.terminate()
        server.wait()
    time.sleep(1.5)  # the workers report their statistics as they exit
    after = buffer_counts()
    base = measure_baseline(args.reps)
    report(f"{backend}, {args.total:,} exemplars — /api/v1/search over HTTP (target p50 ≤ 15, p95 ≤ 40)", big)
    report(
        f"{backend}, {args.total:,} exemplars — baseline: bare FTS match of the folded words, 20 ids, in-process", base
    )
    for category, (p50, _, _) in base.items():
        ours = big[f"{category}, with facets"][0]
        print(f"  ratio {category}: ours (HTTP, with facets) p50 / bare FTS p50 = {ours / max(p50, 0.001):.1f}×")
    if before and after:
        hits, reads = after[0] - before[0], after[1] - before[1]
        share = hits / max(1, hits + reads)
        state = "warm" if share >= 0.99 else "NOT warm"
        print(
            f"  PostgreSQL buffer cache during the HTTP run: {hits:,} hits, {reads:,} reads ({share:.2%} hits: {state})"
        )
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('shared_buffers'), pg_size_pretty(sum(pg_total_relation_size(c.oid))) "
                "FROM pg_class c WHERE c.relname LIKE 'search\\_%%' AND c.relkind = 'r'"
            )
            buffers, tables = cursor.fetchone()
        print(
            f"  shared_buffers {buffers}; search tables with their indexes {tables} (a block not in shared"
            " buffers is read from the operating system's page cache, not the disk, once the run has read it)"
        )
    print("  JSON " + json.dumps({"backend": backend, "total": args.total, "rows": big, "baseline": base}), flush=True)


def run_backend(backend: str, args, port: int):
    print(f"\n===== {backend} =====", flush=True)
    if args.no_facet_cache:
        os.environ["SEARCH_FACET_CACHE_SECONDS"] = "0"  # inherited by the gunicorn workers
    print(f"  facet count cache: {os.environ.get('SEARCH_FACET_CACHE_SECONDS', '60')} s", flush=True)
    setup_django(backend)
    rng = random.Random(42)
    words = words_from_seed()
    cache = not args.no_cache
    if args.quick:
        if not (cache and restore_cached(backend, args.real, args.total)):
            reset_database(backend)
            build_real(args.real, words, rng)
            grow_bulk(args.total, words, rng)
            if cache:
                save_cache(backend, args.real, args.total)
        if not args.build_only:
            measure_big(backend, args, port)
        return
    if not (cache and restore_cached(backend, args.real, args.real)):
        reset_database(backend)
        build_real(args.real, words, rng)
        settle()
        if cache:
            save_cache(backend, args.real, args.real)
    server = start_server(port)
    try:
        ours = measure_http(port, args.reps)
    finally:
        server.terminate()
        server.wait()
    wag = measure_wagtail(args.wagtail_reps)
    report(f"{backend}, {args.real:,} exemplars — /api/v1/search over HTTP", ours)
    report(f"{backend}, {args.real:,} exemplars — Wagtail database search() in-process, no relevance ordering", wag)
    for category, (p50, _, _) in wag.items():
        our = ours[f"{category}, with facets"][0]
        print(f"  ratio {category}: Wagtail p50 / ours (HTTP, with facets) p50 = {p50 / our:.1f}×")
    if args.total > args.real:
        if not (cache and restore_cached(backend, args.real, args.total)):
            rng = random.Random(4242)  # the 10,000 stage may have come from the cache
            grow_bulk(args.total, words, rng)
            if cache:
                save_cache(backend, args.real, args.total)
        measure_big(backend, args, port)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=int, default=10_000)
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--wagtail-reps", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--quick", action="store_true", help="only the --total dataset, no Wagtail comparison")
    parser.add_argument(
        "--build-only", action="store_true", help="with --quick: build and cache the dataset, no measuring"
    )
    parser.add_argument("--dir", help="directory of the SQLite datasets (default /tmp/guongsang-bench)")
    parser.add_argument("--pg-db", help="PostgreSQL database to (re)create (default guongsang_bench)")
    parser.add_argument("--no-cache", action="store_true", help="build the datasets even if cached")
    parser.add_argument(
        "--no-facet-cache",
        action="store_true",
        help="serve with SEARCH_FACET_CACHE_SECONDS=0 (count facets every time)",
    )
    args = parser.parse_args()
    if args.dir or args.pg_db:
        # inherited by the per-backend processes and read at their import
        os.environ.update({"SEARCH_BENCH_DIR": args.dir or str(BENCH_DIR), "SEARCH_BENCH_PG_DB": args.pg_db or PG_DB})
        _set_locations()
    backends = args.backends.split(",")
    if len(backends) > 1:
        # Django can be set up once per process: run each backend in its own process.
        for i, backend in enumerate(backends):
            cmd = [
                sys.executable,
                __file__,
                "--backends",
                backend,
                "--port",
                str(args.port + i),
                "--real",
                str(args.real),
                "--total",
                str(args.total),
                "--reps",
                str(args.reps),
                "--wagtail-reps",
                str(args.wagtail_reps),
                *(["--quick"] if args.quick else []),
                *(["--build-only"] if args.build_only else []),
                *(["--no-cache"] if args.no_cache else []),
                *(["--no-facet-cache"] if args.no_facet_cache else []),
            ]
            subprocess.run(cmd, check=True)
        return
    run_backend(backends[0], args, args.port)


if __name__ == "__main__":
    main()
