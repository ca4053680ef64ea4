"""Benchmark of the two API doors and the public HTML pages under the production settings and
gunicorn, on loopback.

    make bench-api                      # SQLite, 10,000 exemplars
    python benchmarks/api_bench.py --postgres --exemplars 10000 --duration 8
    python benchmarks/api_bench.py --cache memory   # the embedded default: no Redis

What it does, all in one run so the ratios compare like with like:
1. builds N published exemplars (with places, fields, awards, consent) in a separate database
   (a SQLite file in a temporary directory, or a fresh PostgreSQL database with --postgres);
2. starts gunicorn with `config.settings.production` on 127.0.0.1 (Redis cache when reachable,
   under its own key prefix; otherwise, or with `--cache memory`, each worker's memory cache with
   the content generation read from the database on every request);
3. drives it with wrk (Debian package `wrk`; `apt-get install wrk`) — each scenario is bounded
   in time (--duration) on loopback only — or, without wrk, with a bounded Python load generator;
4. prints requests/s and p50/p99 latency per scenario and the ratios against the static file
   (served by whitenoise in the same server) and against Wagtail's API v2 list;
5. measures each cached scenario again in `--rounds` pairs (the static file, then the scenario,
   back to back) and judges the cached target on the median ratio, which other load on a shared
   machine affects far less than one pass that measures the two minutes apart.

"Uncached" requests send `X-Bench-No-Cache: 1`, which the cache middleware honours only when
API_CACHE_ALLOW_BYPASS=1 (set here, never in production): the view then runs in full, with the
per-process memos that production keeps per content generation (the Site of the host, the place
paths, and the exact count of a list for the same filters — what paging through a list after a
publish costs). `X-Bench-No-Cache: all` skips those memos too: the "nothing memoised" line is the
first request after a publish.
The HTML lines are anonymous visitors' pages (home, a profile, the exemplar list) from the same
response cache, and uncached for reference.
Targets: cached (API and HTML) ≥ 50% of the static file's throughput; uncached list ≥ 5× the v2 list.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
V2_FIELDS = "kind,summary,place,fields"
STOCK_V2 = "stock Wagtail v2 list, 20 + fields"
PROJECT_V2 = "site v2 list, 20 + fields, uncached"
COLD = "v1 exemplars list, nothing memoised"
STATIC = "static file (whitenoise)"


# -- building the data set (runs in a child process with Django configured) -------------------


def build(n: int) -> None:
    import datetime
    import uuid

    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page

    from exemplars.models import Award, AwardType, ConsentRecord, ExemplarIndexPage, ExemplarPage, Field, Place
    from home.models import HomePage

    home = HomePage.objects.get()
    index = ExemplarIndexPage(title="Điển hình tiên tiến", slug="dien-hinh")
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()

    province = Place.objects.create(name="Quảng Ngãi", kind="province")
    zone = Place.objects.create(name="Lý Sơn", kind="special_zone", parent=province)
    villages = [Place.objects.create(name=f"Thôn {i}", kind="village", parent=zone) for i in range(1, 11)]
    fields = [Field.objects.create(name=f"Lĩnh vực {i}", slug=f"linh-vuc-{i}") for i in range(1, 9)]
    types = [
        AwardType.objects.create(name=name, category=cat, level="district", slug=slug)
        for name, cat, slug in [
            ("Giấy khen", "commendation", "giay-khen"),
            ("Bằng khen", "commendation", "bang-khen"),
            ("Chiến sĩ thi đua cơ sở", "emulation_title", "chien-si-thi-dua-co-so"),
            ("Lao động tiên tiến", "emulation_title", "lao-dong-tien-tien"),
        ]
    ]
    content_type = ContentType.objects.get_for_model(ExemplarPage)
    locale = Locale.get_default()
    now = timezone.now()
    kinds = ["individual", "collective", "household", "model"]
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def step(i: int) -> str:
        out = ""
        for _ in range(4):
            i, r = divmod(i, 36)
            out = alphabet[r] + out
        return out

    with transaction.atomic():
        pages = []
        for i in range(1, n + 1):
            slug = f"dien-hinh-{i}"
            pages.append(
                Page(
                    title=f"Điển hình tiên tiến số {i}",
                    draft_title=f"Điển hình tiên tiến số {i}",
                    slug=slug,
                    path=index.path + step(i),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now - datetime.timedelta(minutes=i),
                    last_published_at=now - datetime.timedelta(minutes=i),
                )
            )
        Page.objects.bulk_create(pages, batch_size=500)
        Page.objects.filter(pk=index.pk).update(numchild=n)
        ids = list(Page.objects.filter(content_type=content_type).order_by("path").values_list("pk", flat=True))
        body = json.dumps([{"type": "paragraph", "value": "<p>Câu chuyện về một tấm gương sáng.</p>", "id": "x"}])
        for j, pk in enumerate(ids):
            # save_base(raw=True) writes only the child table, as loaddata does for MTI models.
            ExemplarPage(
                page_ptr_id=pk,
                id=pk,
                kind=kinds[j % 4],
                place=villages[j % 10],
                summary="Tấm gương tiêu biểu trong lao động sản xuất và giúp đỡ cộng đồng.",
                body=json.loads(body),
                title=pages[j].title,
                slug=pages[j].slug,
                path=pages[j].path,
                depth=pages[j].depth,
                content_type=content_type,
                locale=locale,
            ).save_base(raw=True)
        through = ExemplarPage.fields.through
        through.objects.bulk_create(
            [through(exemplarpage_id=pk, field_id=fields[j % 8].pk) for j, pk in enumerate(ids)], batch_size=1000
        )
        Award.objects.bulk_create(
            [
                Award(
                    page_id=pk,
                    award_type=types[(j + k) % 4],
                    decision_date=datetime.date(2014 + (j + k) % 11, 5, 1),
                    decision_number=f"{j}/QĐ-UBND",
                    issuer_as_printed="Chủ tịch UBND huyện Lý Sơn",
                    sort_order=k,
                )
                for j, pk in enumerate(ids)
                for k in range(1 + j % 3)
            ],
            batch_size=1000,
        )
        ConsentRecord.objects.bulk_create(
            [
                ConsentRecord(page_id=pk, covers_photo=True, covers_birth_year=True, evidence_note="Phiếu đồng ý")
                for j, pk in enumerate(ids)
                if kinds[j % 4] in ("individual", "household")
            ],
            batch_size=1000,
        )
        ExemplarPage.refresh_publication_allowed()  # raw writes skip save() and the consent signals
    from django.db import connection

    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would have gathered on a live site: without them
        # PostgreSQL estimates one row per filter and every list (stock v2 too) nests loops.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"built {len(ids)} exemplars", flush=True)


# -- load generation -------------------------------------------------------------------------------


def run_wrk(url: str, duration: int, headers: dict) -> dict:
    cmd = ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def run_python(url: str, duration: int, headers: dict, max_requests: int = 20000) -> dict:
    """A bounded fallback: 8 keep-alive threads, stops at `duration` seconds or `max_requests`."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < deadline:
            with lock:
                if len(latencies) >= max_requests:
                    return
            start = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += response.status >= 400

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    qs = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / elapsed, "p50": qs[49], "p99": qs[98], "errors": errors[0]}


# -- orchestration -----------------------------------------------------------------------------------


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"server did not answer {url}")


def settle(url: str, timeout: float = 120) -> None:
    """Wait until the workers have finished what slow scenarios left queued (wrk gives up on a
    request after 10 s; the server does not): the static file answers within 50 ms again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.monotonic()
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=10):
            if time.monotonic() - started < 0.05:
                return
        time.sleep(0.5)


def redis_reachable(url: str) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except Exception:
        return False


def forget_redis_keys(url: str, prefix: str) -> None:
    """Delete this run's keys (and only them: the Redis database may be shared)."""
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exemplars", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=8, help="seconds per scenario (default 8)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed seconds per scenario first (default 2)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="paired rounds per cached scenario: the static file, then the scenario, --duration/2 s each; "
        "the median ratio is robust to other load on a shared machine (default 5; 0: skip)",
    )
    parser.add_argument("--port", type=int, default=8112)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL at 127.0.0.1:5432 instead of SQLite")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"))
    parser.add_argument(
        "--cache",
        choices=("auto", "redis", "memory"),
        default="auto",
        help="redis: Redis at --redis-url; memory: the embedded default (each worker's memory cache, the "
        "content generation in the database); auto (default): Redis when reachable",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="guongsang-bench-"))
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}{os.pathsep}{ROOT / 'benchmarks'}",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATA_DIR": str(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
        "API_CACHE_ALLOW_BYPASS": "1",
        "LOG_LEVEL": "ERROR",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",
        # Production queues tasks for `run_worker`; the benchmark has no worker, so run them inline.
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    env.pop("DATABASE_URL", None)
    dbname = None
    if args.postgres:
        dbname = f"guongsang_bench_{os.getpid()}"
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {dbname}"], check=True)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    if args.cache == "redis" and not redis_reachable(args.redis_url):
        raise SystemExit(f"Redis is not reachable at {args.redis_url}")
    if args.cache != "memory" and redis_reachable(args.redis_url):
        env["REDIS_URL"] = args.redis_url
        env["CACHE_KEY_PREFIX"] = f"bench{os.getpid()}"
    else:
        env.pop("REDIS_URL", None)
    cache_label = "Redis" if "REDIS_URL" in env else "per-worker memory, generation in the database"
    server = None
    try:
        manage = [PYTHON, str(ROOT / "manage.py")]
        print(f"== database: {'PostgreSQL' if args.postgres else 'SQLite'} in {workdir}; cache: {cache_label}")
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
        started = time.monotonic()
        subprocess.run([PYTHON, __file__, "_build", str(args.exemplars)], env=env, check=True, cwd=ROOT)
        print(f"   built in {time.monotonic() - started:.0f}s")
        manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())
        static_path = "/static/" + manifest["paths"]["css/site.css"]

        server = subprocess.Popen(
            [
                PYTHON, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
                "--pythonpath", f"{ROOT},{ROOT / 'site'},{ROOT / 'benchmarks'}", "--log-level", "warning",
            ],
            # Production settings plus Wagtail's stock page API at /bench/stock-v2/ (the baseline).
            env={**env, "DJANGO_SETTINGS_MODULE": "api_bench_settings"},
            cwd=ROOT,
        )  # fmt: skip
        base = f"http://127.0.0.1:{args.port}"
        wait_for(base + static_path)
        first_slug = "dien-hinh-1"
        v2_query = f"pages/?type=exemplars.ExemplarPage&fields={V2_FIELDS}&limit=20"
        scenarios = [
            (STATIC, base + static_path, {}),
            # Wagtail's own PagesAPIViewSet, unmodified (mounted for this run only): the issue's
            # "vanilla Wagtail v2" baseline. No consent rule, no response cache.
            (STOCK_V2, f"{base}/bench/stock-v2/{v2_query}", {}),
            # The site's v2 (Wagtail's viewset plus the consent and restriction rules), uncached.
            (PROJECT_V2, f"{base}/api/v2/{v2_query}", {"X-Bench-No-Cache": "1"}),
            ("v1 exemplars list, cached", f"{base}/api/v1/exemplars?limit=20", {}),
            ("v1 exemplars list, uncached", f"{base}/api/v1/exemplars?limit=20", {"X-Bench-No-Cache": "1"}),
            # The floor: no response cache and no per-generation memos either (site, places, count).
            (COLD, f"{base}/api/v1/exemplars?limit=20", {"X-Bench-No-Cache": "all"}),
            ("v1 exemplar detail, cached", f"{base}/api/v1/exemplars/{first_slug}", {}),
            ("v1 exemplar detail, uncached", f"{base}/api/v1/exemplars/{first_slug}", {"X-Bench-No-Cache": "1"}),
            # Public HTML pages as an anonymous visitor gets them (the same response cache).
            ("HTML home page, cached", f"{base}/", {}),
            ("HTML profile page, cached", f"{base}/dien-hinh/{first_slug}/", {}),
            ("HTML profile page, uncached", f"{base}/dien-hinh/{first_slug}/", {"X-Bench-No-Cache": "1"}),
            # (uncached, the list of 10,000 with its facets takes seconds per request: not a load test)
            ("HTML exemplar list, cached", f"{base}/dien-hinh/", {}),
        ]
        runner = run_wrk if shutil.which("wrk") else run_python
        print(f"== load: {'wrk -t2 -c16' if runner is run_wrk else 'Python, 8 threads'}, {args.duration}s each, "
              f"gunicorn {args.workers} workers, {args.exemplars} exemplars")  # fmt: skip
        results = {}
        for name, url, headers in scenarios:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
                assert response.status == 200, (url, response.status)  # also warms the cache
            if args.warmup:  # every worker answers this URL once before it is timed (lazy imports, caches)
                runner(url, args.warmup, headers)
            results[name] = runner(url, args.duration, headers)
            r = results[name]
            print(f"{name:36s} {r['rps']:9.1f} req/s   p50 {r['p50']:8.2f} ms   p99 {r['p99']:8.2f} ms"
                  + (f"   errors {r['errors']}" if r["errors"] else ""))  # fmt: skip
        # (a scenario that completed nothing in its time is counted as 0.01 req/s, not divided by)
        static = max(results[STATIC]["rps"], 0.01)
        stock = max(results[STOCK_V2]["rps"], 0.01)
        v2 = max(results[PROJECT_V2]["rps"], 0.01)
        print("== ratios")
        for name, r in results.items():
            print(f"{name:36s} {r['rps'] / static:6.2f} × static   {r['rps'] / stock:7.2f} × stock v2"
                  f"   {r['rps'] / v2:7.2f} × site v2")  # fmt: skip
        uncached = results["v1 exemplars list, uncached"]["rps"]
        cached_names = [n for n in results if n.endswith(", cached")]
        paired = {}
        if args.rounds:
            # Each cached scenario right after the static file, several times: load from elsewhere
            # on the machine then hits both alike, where one pass measures them minutes apart.
            pair = max(1, args.duration // 2)
            settle(base + static_path)
            print(f"== cached against the static file: {args.rounds} paired rounds of {pair}s + {pair}s")
            urls = {name: (url, headers) for name, url, headers in scenarios}
            for name in cached_names:
                ratios = []
                for _ in range(args.rounds):
                    alone = runner(urls[STATIC][0], pair, {})["rps"]
                    ratios.append(runner(urls[name][0], pair, urls[name][1])["rps"] / max(alone, 0.01))
                paired[name] = statistics.median(ratios)
                print(
                    f"{name:36s} {paired[name]:6.2f} × static (median; rounds {', '.join(f'{r:.2f}' for r in ratios)})"
                )
        for kind in ("v1", "HTML"):
            names = [n for n in cached_names if n.startswith(kind)]
            worst = min(paired.get(n, results[n]["rps"] / static) for n in names)
            print(f"target {kind} cached ≥ 50% of static: {'met' if worst >= 0.5 else 'NOT met'} (lowest {worst:.2f}×)")
        for label, baseline in (("stock Wagtail v2 list", stock), ("the site's v2 list", v2)):
            print(f"target uncached list ≥ 5× {label}: {'met' if uncached >= 5 * baseline else 'NOT met'}"
                  f" ({uncached / baseline:.2f}×; with nothing memoised {results[COLD]['rps'] / baseline:.2f}×)")  # fmt: skip
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        if dbname:
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {dbname}"])
        if "REDIS_URL" in env:
            forget_redis_keys(env["REDIS_URL"], env["CACHE_KEY_PREFIX"])
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "_build":
        build(int(sys.argv[2]))
    else:
        main()
