"""Deploy smoke test: follow docs/deployment.md from this checkout, on PostgreSQL and Redis.

    .venv/bin/python .ci/deploy_smoke.py

What it does, printing each check and exiting non-zero on the first failure:
  1. the environment of `.env.example`, with a generated SECRET_KEY, a fresh PostgreSQL
     database, its own Redis (a redis-server it starts on a free port, never the shared one),
     temporary MEDIA_ROOT / STATIC_ROOT / DATA_DIR and a free loopback port;
  2. the guide's release steps: migrate, collectstatic, check --deploy (no issue), seed_demo;
  3. the README's command `gunicorn -c site/gunicorn.conf.py` and the worker `manage.py run_worker`;
  4. as the reverse proxy would ask (Host: the public name, X-Forwarded-Proto: https): the home
     page, a static file, an image rendition, links on PUBLIC_BASE_URL, a story scheduled a few
     seconds ahead going live through the worker (page, feed and API), and the task queue drained;
  5. `manage.py backup`, then `manage.py restore` into a new empty database and media folder,
     a second gunicorn on it, and the same pages, byte for byte.
Everything it made is removed at the end (databases, processes, temporary folders).
"""

# ruff: noqa: S603, S607  (a CI script running the project's own commands and psql)

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_HOST = "guongsang.example.test"
PUBLIC_BASE_URL = f"https://{PUBLIC_HOST}"
PG_SERVER = os.environ.get("SMOKE_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
SCHEDULE_SECONDS = 15  # ahead of now: long enough to see it is not public yet on a busy machine

started = time.monotonic()
processes: list[subprocess.Popen] = []
databases: list[str] = []


class SmokeFailure(Exception):
    pass


def say(message: str) -> None:
    print(f"[{time.monotonic() - started:5.1f}s] {message}", flush=True)


def check(condition: bool, what: str, detail: str = "") -> None:
    if not condition:
        raise SmokeFailure(f"{what}{': ' + detail if detail else ''}")
    say(f"ok   {what}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def venv_bin(name: str) -> str:
    """`.venv/bin/<name>` as the guide says; else next to this interpreter (a developer's venv)."""
    for candidate in (ROOT / ".venv" / "bin" / name, Path(sys.executable).parent / name):
        if candidate.exists():
            return str(candidate)
    raise SmokeFailure(f"no {name} in .venv/bin or {Path(sys.executable).parent}")


def documented_environment() -> dict[str, str]:
    env = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = (shlex.split(value) or [""])[0]
    return env


def run(args: list[str], env: dict[str, str], what: str, timeout: float = 300) -> str:
    say(f"run  {' '.join(args)}")
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise SmokeFailure(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    say(f"start {' '.join(args)}  (log: {log})")
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )
    processes.append(process)
    return process


def get(port: int, path: str, timeout: float = 20) -> tuple[int, dict[str, str], bytes]:
    """A request as nginx forwards it: the public Host, HTTPS said by X-Forwarded-Proto."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_serving(port: int, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SmokeFailure(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if get(port, "/robots.txt", timeout=5)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SmokeFailure(f"gunicorn did not answer on port {port} within {seconds:.0f}s:\n{log.read_text()[-3000:]}")


def psql(sql: str) -> None:
    subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True, capture_output=True, text=True)


def create_database(name: str) -> str:
    psql(f"CREATE DATABASE {name}")
    databases.append(name)
    return f"{PG_SERVER}/{name}"


def start_redis(tmp: Path) -> str:
    if os.environ.get("SMOKE_REDIS_URL"):
        return os.environ["SMOKE_REDIS_URL"]
    server = shutil.which("redis-server")
    if server is None:
        raise SmokeFailure("redis-server is not installed (or set SMOKE_REDIS_URL to a Redis database of its own)")
    port = free_port()
    args = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = start(args, dict(os.environ), tmp / "redis.log")
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return f"redis://127.0.0.1:{port}/0"
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    raise SmokeFailure("redis-server did not start")


def first(pattern: str, html: str, what: str) -> str:
    match = re.search(pattern, html)
    if not match:
        raise SmokeFailure(f"no {what} on the home page")
    return match.group(1)


SCHEDULE_STORY = """
import datetime
from django.utils import timezone
from campaigns.models import StoryIndexPage, StoryPage
index = StoryIndexPage.objects.live().first()
story = StoryPage(title="Tin hẹn giờ của phép thử triển khai", slug="tin-hen-gio-trien-khai",
                  lead="Một việc tốt được hẹn giờ đăng.", author="Phép thử triển khai",
                  date=timezone.localdate(), body=[("paragraph", "<p>Đăng theo lịch.</p>")])
index.add_child(instance=story)
story.go_live_at = timezone.now() + datetime.timedelta(seconds=%d)
story.save_revision().publish()
story.refresh_from_db()
assert not story.live
print(story.url)
"""


def smoke(tmp: Path) -> None:
    python, gunicorn = venv_bin("python"), venv_bin("gunicorn")
    tag = f"{os.getpid()}_{secrets.token_hex(3)}"
    redis_url = start_redis(tmp)
    port = free_port()

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_", "TASKS_"))}
    env.update(documented_environment())
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=PUBLIC_HOST,
        CSRF_TRUSTED_ORIGINS=PUBLIC_BASE_URL,
        PUBLIC_BASE_URL=PUBLIC_BASE_URL,
        DATABASE_URL=create_database(f"gs_smoke_{tag}"),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"gs_smoke_{tag}",
        DATA_DIR=str(tmp / "data"),
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        PUBLISH_SCHEDULED_INTERVAL="1",  # the guide's default is 60; a smoke test cannot wait a minute
        PYTHONDONTWRITEBYTECODE="1",
    )
    say(f"database {env['DATABASE_URL']}, Redis {redis_url}, port {port}, files in {tmp}")

    # -- the guide's release steps ---------------------------------------------------------
    run([python, "manage.py", "migrate", "--noinput"], env, "migrate")
    run([python, "manage.py", "collectstatic", "--noinput"], env, "collectstatic")
    report = run([python, "manage.py", "check", "--deploy"], env, "check --deploy")
    check("no issues" in report, "check --deploy reports no issue", report.strip())
    seeded = run([python, "manage.py", "seed_demo"], env, "seed_demo")
    check("changepassword phongvien" in seeded, "seed_demo says how to reset role accounts' passwords")

    web_log, worker_log = tmp / "gunicorn.log", tmp / "worker.log"
    web = start([gunicorn, "-c", "site/gunicorn.conf.py"], env, web_log)
    worker = start([python, "manage.py", "run_worker"], env, worker_log)
    wait_until_serving(port, web, web_log)

    # -- what a visitor gets ---------------------------------------------------------------
    status, _, body = get(port, "/")
    check(status == 200, "home page answers 200", str(status))
    home = body.decode()
    css = first(r'href="(/static/[^"]+\.css)"', home, "stylesheet")
    status, headers, _ = get(port, css)
    check(
        status == 200 and "max-age=315360000" in headers.get("Cache-Control", ""),
        f"static file {css} (hashed, cached for years)",
        f"{status} {headers.get('Cache-Control')}",
    )
    image = first(r'src="(/media/images/[^"]+)"', home, "image rendition")
    status, headers, data = get(port, image)
    check(
        status == 200 and headers.get("Content-Type", "").startswith("image/") and len(data) > 100,
        f"media rendition {image}",
        f"{status} {headers.get('Content-Type')}",
    )
    status, _, _ = get(port, "/media/original_images/" + Path(image).name)
    check(status == 404, "original uploads are not served from /media/", str(status))
    canonical = first(r'<link rel="canonical" href="([^"]+)"', home, "canonical link")
    check(canonical == PUBLIC_BASE_URL + "/", "canonical link on PUBLIC_BASE_URL", canonical)
    feed = json.loads(get(port, "/viec-tot/feed.json")[2])
    check(
        all(item["url"].startswith(PUBLIC_BASE_URL + "/") for item in feed["items"]) and feed["items"],
        "feed links on PUBLIC_BASE_URL",
    )
    status, _, _ = get(port, "/admin/login/")
    check(status == 200, "admin login page answers 200", str(status))

    # -- the worker: scheduled publishing and the task queue -------------------------------
    url = (
        run([python, "manage.py", "shell", "-c", SCHEDULE_STORY % SCHEDULE_SECONDS], env, "schedule a story")
        .strip()
        .splitlines()[-1]
    )
    check(get(port, url)[0] == 404, f"a story scheduled {SCHEDULE_SECONDS}s ahead is not public yet ({url})")
    scheduled_at = time.monotonic()
    deadline = scheduled_at + SCHEDULE_SECONDS + 30
    while time.monotonic() < deadline and get(port, url)[0] != 200:
        if worker.poll() is not None:
            raise SmokeFailure(f"the worker exited with {worker.returncode}:\n{worker_log.read_text()[-3000:]}")
        time.sleep(0.5)
    status = get(port, url)[0]
    check(
        status == 200, f"the worker published it ({time.monotonic() - scheduled_at:.1f}s after scheduling)", str(status)
    )
    feed = json.loads(get(port, "/viec-tot/feed.json")[2])
    check(
        any(item["url"] == PUBLIC_BASE_URL + url for item in feed["items"]),
        "it is in the story feed at once (shared cache)",
    )
    api = json.loads(get(port, "/api/v1/stories?limit=50")[2])
    check(any(item["slug"] == "tin-hen-gio-trien-khai" for item in api["results"]), "and in the API")
    pending = run(
        [python, "manage.py", "shell", "-c",
         "from django_tasks_db.models import DBTaskResult as T; import time\n"
         "for _ in range(60):\n"
         "    n = T.objects.filter(status__in=['READY', 'RUNNING']).count()\n"
         "    if not n: break\n"
         "    time.sleep(0.5)\n"
         "print(n, T.objects.filter(status='SUCCESSFUL').count(), T.objects.filter(status='FAILED').count())"],
        env, "task queue",
    ).split()  # fmt: skip
    waiting, done, failed = map(int, pending[-3:])
    check(
        waiting == 0 and done > 0 and failed == 0, f"the worker drained the task queue ({done} done, {failed} failed)"
    )
    check("Đăng theo lịch: 1 phiên bản" in worker_log.read_text(), "the worker logged the scheduled publication")

    # -- backup, restore into an empty database, same pages --------------------------------
    out = run([python, "manage.py", "backup", str(tmp / "backups")], env, "backup")
    archive = next((tmp / "backups").glob("guongsang-*.tar"))
    check(f"restore {archive}" in out, f"backup wrote {archive.name} ({archive.stat().st_size:,} bytes)")
    restored_port = free_port()
    restored = dict(env)
    restored.update(
        DATABASE_URL=create_database(f"gs_smoke_{tag}_restored"),
        CACHE_KEY_PREFIX=f"gs_smoke_{tag}_restored",
        MEDIA_ROOT=str(tmp / "restored-media"),
        DATA_DIR=str(tmp / "restored-data"),
        GUNICORN_BIND=f"127.0.0.1:{restored_port}",
    )
    run([python, "manage.py", "restore", str(archive)], restored, "restore")
    restored_log = tmp / "gunicorn-restored.log"
    restored_web = start([gunicorn, "-c", "site/gunicorn.conf.py"], restored, restored_log)
    wait_until_serving(restored_port, restored_web, restored_log)
    paths = [
        "/",
        "/dien-hinh/",
        "/phong-trao/",
        "/viec-tot/",
        url,
        "/viec-tot/feed.json",
        "/sitemap.xml",
        image,
        "/api/v1/exemplars?limit=50",
    ]
    for path in paths:
        a, b = get(port, path), get(restored_port, path)
        same = a[0] == b[0] == 200 and hashlib.sha256(a[2]).digest() == hashlib.sha256(b[2]).digest()
        check(same, f"restored site serves {path} identically", f"{a[0]} vs {b[0]}, {len(a[2])} vs {len(b[2])} bytes")
    again = subprocess.run(
        [python, "manage.py", "restore", str(archive)], cwd=ROOT, env=restored, capture_output=True, text=True
    )
    check(again.returncode != 0 and "trống" in again.stderr, "restore refuses a database that is not empty")

    # -- stopping -----------------------------------------------------------------------------
    worker.send_signal(signal.SIGTERM)
    check(worker.wait(timeout=30) == 0, "the worker stops cleanly on SIGTERM")


def cleanup() -> None:
    running = [process for process in processes if process.poll() is None]
    for process in running:  # all at once: each gunicorn master takes a few seconds to stop
        process.send_signal(signal.SIGTERM)
    for process in running:
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
    for name in databases:
        try:
            psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except subprocess.CalledProcessError as error:
            say(f"could not drop {name}: {error.stderr}")


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="gs-deploy-smoke-"))
    try:
        smoke(tmp)
    except Exception as error:  # any failure: say what, show the logs, clean up, exit 1
        say(f"FAIL {type(error).__name__}: {error}")
        for log in sorted(tmp.glob("*.log")):
            print(f"--- {log.name} (last lines)\n{log.read_text(errors='replace')[-2000:]}", flush=True)
        return 1
    finally:
        cleanup()
    shutil.rmtree(tmp, ignore_errors=True)
    say("deploy smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
