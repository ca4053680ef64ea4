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
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
BENCH_DIR = Path("/tmp/guongsang-bench")
PG_URL = "postgres://postgres@127.0.0.1:5432/guongsang_bench"

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


def setup_django(backend: str):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(40)
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    if backend == "postgres":
        os.environ["DATABASE_URL"] = PG_URL
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "guongsang_bench"], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "guongsang_bench"], check=True)
    else:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for f in BENCH_DIR.glob("bench.sqlite3*"):
            f.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


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
    from search.text import fold

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
                facets += [
                    SearchFacet(document_id=page.pk, name="type", value="exemplar"),
                    SearchFacet(document_id=page.pk, name="kind", value=kind),
                    SearchFacet(document_id=page.pk, name="field", value=rng.choice(slugs)),
                    SearchFacet(document_id=page.pk, name="place", value=str(rng.choice(places))),
                    *[SearchFacet(document_id=page.pk, name="place", value=z) for z in zone_ids],
                    SearchFacet(document_id=page.pk, name="year", value=str(2015 + page.pk % 10)),
                ]
            SearchDocument.objects.bulk_create(docs, batch_size=500)
            SearchFacet.objects.bulk_create(facets, batch_size=2000)
        print(f"  bulk documents: {stop}/{total} ({time.perf_counter() - t:.0f} s)", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=total)
    from django.db import connection

    with connection.cursor() as cursor:
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


def measure_http(port: int, reps: int) -> dict[str, tuple[float, float, int]]:
    rows = {}
    for category, queries in QUERIES.items():
        for facets in (True, False):
            times = []
            for q in queries:
                url = f"http://127.0.0.1:{port}/api/v1/search?" + urllib.parse.urlencode(
                    {"q": q, "facets": str(facets).lower()}
                )
                for _ in range(3):
                    urllib.request.urlopen(url).read()
                for _ in range(reps):
                    t = time.perf_counter()
                    with urllib.request.urlopen(url) as r:
                        r.read()
                    times.append((time.perf_counter() - t) * 1000)
            rows[f"{category}, {'with' if facets else 'without'} facets"] = (
                statistics.median(times),
                pct(times, 95),
                len(times),
            )
        # with a filter active (facets respect it: one more GROUP BY)
        times = []
        for q in queries:
            url = f"http://127.0.0.1:{port}/api/v1/search?" + urllib.parse.urlencode({"q": q, "kind": "collective"})
            urllib.request.urlopen(url).read()
            for _ in range(reps):
                t = time.perf_counter()
                urllib.request.urlopen(url).read()
                times.append((time.perf_counter() - t) * 1000)
        rows[f"{category}, filter kind + facets"] = (statistics.median(times), pct(times, 95), len(times))
    return rows


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
    print(f"\n{title_}")
    print(f"  {'query set':38} {'p50 ms':>9} {'p95 ms':>9} {'n':>5}")
    for name, (p50, p95, n) in rows.items():
        print(f"  {name:38} {p50:9.1f} {p95:9.1f} {n:5d}")


def run_backend(backend: str, args, port: int):
    print(f"\n===== {backend} =====", flush=True)
    setup_django(backend)
    rng = random.Random(42)
    words = words_from_seed()
    build_real(args.real, words, rng)
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
        grow_bulk(args.total, words, rng)
        server = start_server(port)
        try:
            big = measure_http(port, args.reps)
        finally:
            server.terminate()
            server.wait()
        report(f"{backend}, {args.total:,} exemplars — /api/v1/search over HTTP (target p50 ≤ 15, p95 ≤ 40)", big)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=int, default=10_000)
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--wagtail-reps", type=int, default=3)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--port", type=int, default=8124)
    args = parser.parse_args()
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
            ]
            subprocess.run(cmd, check=True)
        return
    run_backend(backends[0], args, args.port)


if __name__ == "__main__":
    main()
