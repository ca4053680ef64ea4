"""The embedded default (SQLite, no REDIS_URL: a memory cache in each process) across processes.

A real site runs in gunicorn with two workers on a fresh SQLite file; a change is made from a
second process (`manage.py shell`, as a cron job, an import or an administrator would), and the
next request to the site — whichever worker answers it — no longer shows what was changed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

import pytest

from .conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
SEED = """
import json
from tests import factories
pages = [factories.exemplar(title) for title in ("Hợp tác xã Liên Tiến", "Tổ hợp tác Đồng Tâm", "Tổ đoàn kết Nghĩa Tình")]
print(json.dumps([{"slug": p.slug, "url": p.url, "title": p.title} for p in pages]))
"""


class Site:
    def __init__(self, base: str, env: dict, pages: list[dict]):
        self.base, self.env, self.pages = base, env, pages

    def get(self, path: str) -> tuple[int, str, str | None]:
        """A request on a new connection (so either worker may answer)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status, response.read().decode(), response.headers.get("X-Cache")
        except HTTPError as error:
            return error.code, error.read().decode(), error.headers.get("X-Cache")

    def shell(self, code: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("embedded-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATA_DIR": str(data),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")]),
        "LOG_LEVEL": "ERROR",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "REQUIRE_POSTGRES"):
        env.pop(name, None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=900)
    seeded = subprocess.run(
        [*manage, "shell", "-c", SEED], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=300
    )
    pages = json.loads(seeded.stdout.strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/api/v1/fields", timeout=5):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.3)
    yield Site(base, env, pages)
    server.terminate()
    server.wait(timeout=30)


def _warm(site: Site, path: str, expected: str) -> None:
    """Request until a worker answers from its cache (each worker keeps its own)."""
    for _ in range(30):
        status, body, cache = site.get(path)
        assert status == 200 and expected in body, (path, status)
        if cache == "hit":
            return
    raise AssertionError(f"{path} was never answered from the cache")


def _unpublish_elsewhere(site: Site, slug: str) -> None:
    site.shell(f"from wagtail.models import Page; Page.objects.get(slug={slug!r}).specific.unpublish()")


def test_an_api_answer_cached_by_the_workers_is_gone_after_another_process_unpublishes(site):
    page = site.pages[0]
    _warm(site, f"/api/v1/exemplars/{page['slug']}", page["title"])
    _warm(site, "/api/v1/exemplars", page["title"])
    _unpublish_elsewhere(site, page["slug"])
    for _ in range(6):  # whichever worker answers
        assert site.get(f"/api/v1/exemplars/{page['slug']}")[0] == 404
        status, body, _ = site.get("/api/v1/exemplars")
        assert status == 200 and page["title"] not in body


def test_a_cached_html_page_is_gone_after_another_process_unpublishes(site):
    page = site.pages[1]
    _warm(site, page["url"], page["title"])
    _warm(site, "/dien-hinh/", page["title"])
    _unpublish_elsewhere(site, page["slug"])
    for _ in range(6):
        assert site.get(page["url"])[0] == 404
        status, body, _ = site.get("/dien-hinh/")
        assert status == 200 and page["title"] not in body


def test_a_vocabulary_change_from_another_process_shows_at_once(site):
    """An edit that is not a publication (here: the title of a place, shown on every card)."""
    page = site.pages[2]
    _warm(site, page["url"], page["title"])
    site.shell(
        f"from exemplars.models import ExemplarPage; p = ExemplarPage.objects.get(slug={page['slug']!r}).place; "
        "p.name = 'Thôn Mới Đổi Tên'; p.save()"
    )
    for _ in range(6):
        status, body, cache = site.get(page["url"])
        assert status == 200 and "Thôn Mới Đổi Tên" in body
