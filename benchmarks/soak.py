"""Soak test: mixed traffic against gunicorn while editors publish and withdraw consent, Redis is
killed and restarted, and PostgreSQL restarts. Loopback only, bounded in time.

    make soak                      # 60 s of load after set-up
    .venv/bin/python benchmarks/soak.py --duration 120 --threads 6

Everything it uses is its own: a PostgreSQL cluster created with initdb in a temporary folder on a
free port (never the shared server), a redis-server on a free port (never the shared one), a
gunicorn started with the README's command and `manage.py run_worker`, all with the production
settings and the variables of `.env.example`. Timeline (fractions of --duration): Redis killed at
30 %, started again at 45 %; PostgreSQL restarted (`pg_ctl restart -m fast`) at 65 %.

It prints, per surface: requests, 5xx, connection errors, median and 95th-percentile latency;
per fault window: the 5xx and errors seen; and staleness: for each editor action, how long each
public surface kept showing the old state (page, API detail, API list, search).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "guongsang.example.test"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def venv_bin(name: str) -> str:
    for candidate in (ROOT / ".venv" / "bin" / name, Path(sys.executable).parent / name):
        if candidate.exists():
            return str(candidate)
    sys.exit(f"no {name} in .venv/bin or next to {sys.executable}")


def documented_environment() -> dict[str, str]:
    env = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = (shlex.split(value) or [""])[0]
    return env


# -- our own PostgreSQL and Redis ---------------------------------------------------------------


def _pg_bindir() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


class OwnPostgres:
    """A throw-away cluster: initdb in a temporary folder, trust auth, loopback, its own port."""

    def __init__(self, tmp: Path):
        self.bindir = _pg_bindir()
        self.port = free_port()
        self.data = tmp / "pgdata"
        self.socket_dir = tmp / "pgsock"
        self.as_postgres = os.geteuid() == 0  # PostgreSQL refuses to run as root

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check)

    def start(self) -> str:
        for folder in (self.data, self.socket_dir):
            folder.mkdir(parents=True)
            if self.as_postgres:
                shutil.chown(folder, "postgres", "postgres")
        if self.as_postgres:
            shutil.chown(self.data.parent, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        self._pg_ctl("start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "guongsang_soak")
        return f"postgres://postgres@127.0.0.1:{self.port}/guongsang_soak"

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl",
            action,
            "-D",
            str(self.data),
            "-w",
            "-l",
            str(self.data.parent / "postgres.log"),
            "-o",
            options,
            *extra,
        )

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", check=False)


class OwnRedis:
    def __init__(self, tmp: Path):
        self.port = free_port()
        self.log = tmp / "redis.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> str:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(50):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return f"redis://127.0.0.1:{self.port}/0"
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


# -- traffic ------------------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_surface = defaultdict(lambda: {"n": 0, "5xx": 0, "4xx": 0, "errors": 0, "ms": []})
        self.events: list[tuple[float, str, str]] = []  # (time, surface, "5xx"/"error" + detail)

    def record(self, surface: str, status: int | None, ms: float, detail: str = "") -> None:
        with self.lock:
            row = self.by_surface[surface]
            row["n"] += 1
            row["ms"].append(ms)
            if status is None:
                row["errors"] += 1
                self.events.append((time.monotonic(), surface, f"error {detail}"))
            elif status >= 500:
                row["5xx"] += 1
                self.events.append((time.monotonic(), surface, f"{status}"))
            elif status >= 400:
                row["4xx"] += 1


def fetch(port: int, path: str, timeout: float = 15) -> tuple[int | None, bytes, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": HOST, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback)
            return response.status, response.read(), ""
    except urllib.error.HTTPError as error:
        return error.code, error.read(), ""
    except (OSError, urllib.error.URLError) as error:
        return None, b"", type(error).__name__


def traffic(port: int, surfaces: list[tuple[str, str]], stats: Stats, stop: threading.Event, seed: int) -> None:
    i = seed
    while not stop.is_set():
        surface, path = surfaces[i % len(surfaces)]
        i += 1
        started = time.monotonic()
        status, _, detail = fetch(port, path)
        stats.record(surface, status, (time.monotonic() - started) * 1000, detail)


# -- editors ------------------------------------------------------------------------------------


class Editors:
    """Publishes title changes and withdraws/restores consent through the ORM, as the admin does,
    then measures how long each public surface still shows the old state."""

    def __init__(self, port: int):
        from exemplars.models import ConsentRecord, ExemplarPage

        self.port = port
        self.renamed = ExemplarPage.objects.live().filter(kind="collective").order_by("pk").first()
        record = (
            ConsentRecord.objects.filter(status="given", page__live=True, page__kind="individual")
            .order_by("pk")
            .first()
        )
        self.consent_page = record.page
        self.base_title = self.renamed.title
        self.staleness: dict[str, list[float]] = defaultdict(list)
        self.unconverged: dict[str, int] = defaultdict(int)
        self.failures: list[str] = []
        self.actions = 0

    def _wait(self, surface: str, path: str, shows_new_state, since: float, limit: float = 30) -> None:
        while time.monotonic() - since < limit:
            status, body, _ = fetch(self.port, path)
            if status is not None and shows_new_state(status, body.decode("utf-8", "replace")):
                self.staleness[surface].append(time.monotonic() - since)
                return
            time.sleep(0.1)
        self.unconverged[surface] += 1

    def rename(self, n: int) -> None:
        from exemplars.models import ExemplarPage

        token = f"soak{secrets.token_hex(3)}"
        page = ExemplarPage.objects.get(pk=self.renamed.pk)
        page.title = f"{self.base_title} {token}"
        page.save_revision().publish()
        since = time.monotonic()
        slug = page.slug
        self._wait("page", page.url, lambda s, b: s == 200 and token in b, since)
        self._wait("API detail", f"/api/v1/exemplars/{slug}", lambda s, b: s == 200 and token in b, since)
        self._wait("API list", "/api/v1/exemplars?limit=50", lambda s, b: s == 200 and token in b, since)
        self._wait("search", f"/api/v1/search?q={token}", lambda s, b: s == 200 and slug in b, since)

    def withdraw(self) -> None:
        from exemplars.consent import withdraw_consent
        from exemplars.models import ConsentRecord

        record = ConsentRecord.objects.get(page=self.consent_page, status="given")
        withdraw_consent(record, None, note="Soak test")
        since = time.monotonic()
        slug = self.consent_page.slug
        self._wait("withdrawn: page", self.consent_page.url, lambda s, b: s == 404, since)
        self._wait("withdrawn: API detail", f"/api/v1/exemplars/{slug}", lambda s, b: s == 404, since)
        self._wait("withdrawn: API list", "/api/v1/exemplars?limit=50", lambda s, b: s == 200 and slug not in b, since)

    def restore(self) -> None:
        from exemplars.models import ConsentRecord, ExemplarPage

        ConsentRecord.objects.filter(page=self.consent_page).update(status="given", withdrawn_at=None)
        page = ExemplarPage.objects.get(pk=self.consent_page.pk)
        page.save_revision().publish()
        self._wait("restored: page", page.url, lambda s, b: s == 200, time.monotonic())

    def run(self, stop: threading.Event) -> None:
        from django.db import close_old_connections, connections

        steps = [self.rename, self.withdraw, self.rename, self.restore]
        n = 0
        while not stop.is_set():
            step = steps[n % len(steps)]
            try:
                step(n) if step == self.rename else step()
                self.actions += 1
                n += 1
            except Exception as error:  # the database or Redis is down: the admin would show an error
                self.failures.append(
                    f"{time.strftime('%H:%M:%S')} {step.__name__}: {type(error).__name__}: {str(error)[:120]}"
                )
                connections.close_all()
                stop.wait(1)
            close_old_connections()
            stop.wait(0.5)


# -- the run ------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds of load after set-up (default 60)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args()

    if shutil.which("redis-server") is None:
        sys.exit("redis-server is not installed")
    tmp = Path(tempfile.mkdtemp(prefix="gs-soak-"))
    os.chmod(tmp, 0o755)
    redis, postgres = OwnRedis(tmp), OwnPostgres(tmp)
    processes: list[subprocess.Popen] = []
    try:
        redis_url = redis.start()
        if postgres.bindir is None:
            log("PostgreSQL binaries (initdb, pg_ctl) not found: SQLite, no database restart")
            database_url = None
        else:
            database_url = postgres.start()
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_", "TASKS_"))}
        env.update(documented_environment())
        env.update(
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=HOST,
            PUBLIC_BASE_URL=f"https://{HOST}",
            REDIS_URL=redis_url,
            CACHE_KEY_PREFIX="soak",
            DATA_DIR=str(tmp / "data"),
            MEDIA_ROOT=str(tmp / "media"),
            STATIC_ROOT=str(tmp / "static"),
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS=str(args.workers),
            GUNICORN_ACCESS_LOG="",
            LOG_LEVEL="ERROR",
        )
        if database_url:
            env["DATABASE_URL"] = database_url
        else:
            env.pop("DATABASE_URL", None)
        log(f"set-up in {tmp}: PostgreSQL {database_url or 'none (SQLite)'}, Redis {redis_url}, port {port}")
        python = venv_bin("python")
        for step in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"], ["seed_demo"]):
            subprocess.run([python, "manage.py", *step], cwd=ROOT, env=env, check=True, capture_output=True)
        log("migrated, static collected, demo seeded")
        web = subprocess.Popen([venv_bin("gunicorn"), "-c", "site/gunicorn.conf.py"], cwd=ROOT, env=env,
                               stdout=(tmp / "gunicorn.log").open("w"), stderr=subprocess.STDOUT)  # fmt: skip
        worker = subprocess.Popen([python, "manage.py", "run_worker"], cwd=ROOT, env=env,
                                  stdout=(tmp / "worker.log").open("w"), stderr=subprocess.STDOUT)  # fmt: skip
        processes += [web, worker]
        for _ in range(240):
            if fetch(port, "/robots.txt", timeout=2)[0] == 200:
                break
            time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not start:\n" + (tmp / "gunicorn.log").read_text()[-2000:])

        # This process edits like the admin does, on the same database and Redis.
        os.environ.update(env)
        sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
        import django

        django.setup()
        editors = Editors(port)
        home = fetch(port, "/")[1].decode()
        css = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        image = re.search(r'src="(/media/images/[^"]+)"', home).group(1)
        slug = editors.renamed.slug
        surfaces = [
            ("home", "/"),
            ("exemplar page", editors.renamed.url),
            ("exemplar list page", "/dien-hinh/"),
            ("API list", "/api/v1/exemplars?limit=20"),
            ("API detail", f"/api/v1/exemplars/{slug}"),
            ("search API", "/api/v1/search?q=ly+son"),
            ("search page", "/tim-kiem/?q=ngu+dan"),
            ("story feed", "/viec-tot/feed.json"),
            ("static", css),
            ("media", image),
        ]
        stats, stop = Stats(), threading.Event()
        clients = [
            threading.Thread(target=traffic, args=(port, surfaces, stats, stop, i * 3)) for i in range(args.threads)
        ]
        editor_thread = threading.Thread(target=editors.run, args=(stop,))
        started = time.monotonic()
        log(f"load: {args.threads} client threads, editors publishing and withdrawing consent, {args.duration:.0f}s")
        for thread in [*clients, editor_thread]:
            thread.start()

        windows = {}

        def at(fraction: float) -> None:
            time.sleep(max(0.0, started + fraction * args.duration - time.monotonic()))

        at(0.30)
        redis.kill()
        windows["Redis down"] = [time.monotonic() - started, None]
        log("Redis killed")
        at(0.45)
        redis.start()
        windows["Redis down"][1] = time.monotonic() - started
        log("Redis started again (empty)")
        if database_url:
            at(0.65)
            t0 = time.monotonic() - started
            postgres.restart()
            windows["PostgreSQL restart"] = [t0, time.monotonic() - started]
            log(f"PostgreSQL restarted ({windows['PostgreSQL restart'][1] - t0:.1f}s)")
        at(1.0)
        stop.set()
        for thread in [*clients, editor_thread]:
            thread.join(timeout=60)
        elapsed = time.monotonic() - started

        # -- report ------------------------------------------------------------------------
        print()
        print(
            f"Soak: {elapsed:.0f}s, {args.threads} client threads, gunicorn {args.workers} workers, own PostgreSQL and Redis"
        )
        print(f"{'surface':<20} {'requests':>8} {'5xx':>5} {'errors':>6} {'4xx':>5} {'p50 ms':>7} {'p95 ms':>7}")
        total = {"n": 0, "5xx": 0, "errors": 0}
        for surface, _ in surfaces:
            row = stats.by_surface[surface]
            for key in total:
                total[key] += row[key]
            print(f"{surface:<20} {row['n']:>8} {row['5xx']:>5} {row['errors']:>6} {row['4xx']:>5} "
                  f"{statistics.median(row['ms']) if row['ms'] else 0:>7.0f} {percentile(row['ms'], 0.95):>7.0f}")  # fmt: skip
        print(f"{'total':<20} {total['n']:>8} {total['5xx']:>5} {total['errors']:>6}")
        print()
        print("Faults (seconds into the run) and what clients saw meanwhile (+2 s after):")
        for name, (begin, end) in windows.items():
            seen = [e for e in stats.events if begin <= e[0] - started <= (end or elapsed) + 2]
            by_kind = defaultdict(int)
            for _, surface, kind in seen:
                by_kind[f"{surface}: {kind}"] += 1
            summary = ", ".join(f"{k} ×{v}" for k, v in sorted(by_kind.items())) or "nothing"
            print(f"  {name:<20} {begin:5.1f}–{(end or elapsed):5.1f}s  {summary}")
        outside = [
            e for e in stats.events if not any(b <= e[0] - started <= (en or elapsed) + 2 for b, en in windows.values())
        ]
        print(f"  {'outside faults':<20} {len(outside)} 5xx/errors")
        print()
        print(f"Editors: {editors.actions} actions, {len(editors.failures)} failed")
        for failure in editors.failures[:8]:
            print(f"  failed: {failure}")
        print("Staleness after an edit (seconds until the surface showed it; max / median):")
        for surface, values in sorted(editors.staleness.items()):
            missed = editors.unconverged.get(surface, 0)
            print(f"  {surface:<24} {max(values):5.2f} / {statistics.median(values):5.2f}  ({len(values)} edits"
                  f"{f', {missed} not seen within 30 s' if missed else ''})")  # fmt: skip
        for surface, missed in editors.unconverged.items():
            if surface not in editors.staleness:
                print(f"  {surface:<24} never seen within 30 s ({missed} edits)")
        failed_web = web.poll() is not None
        print(f"gunicorn still running: {not failed_web}; worker still running: {worker.poll() is None}")
        return 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        redis.kill()
        if postgres.bindir is not None and postgres.data.exists():
            postgres.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
