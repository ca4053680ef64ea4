"""`manage.py backup DIR` then `manage.py restore FILE` into an empty database serves the same pages.

Both commands run as an operator runs them (subprocesses from the repository root), on SQLite
and, with the `postgres` marker, on two fresh PostgreSQL databases made for the test.
"""

import json
import os
import subprocess
import uuid

import pytest

from .helpers import manage

# What the site serves, seen from inside it: every live page's URL and title, the bytes of the
# home page, the index pages and a few pages below them (Django's test client), and one image
# rendition's bytes.
SNAPSHOT = """
import hashlib, json
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page
client = Client()
live = list(Page.objects.live().public().exclude(depth=1).order_by("path"))
fetched = [p for p in live if p.depth <= 3] + [p for p in live if p.depth > 3][::10]
pages = {}
for page in fetched:
    response = client.get(page.url)
    pages[page.url] = [response.status_code, hashlib.sha256(response.content).hexdigest()]
rendition = get_image_model().objects.order_by("pk").first().get_rendition("fill-320x320")
media = client.get(rendition.url)
body = b"".join(media.streaming_content) if media.streaming else media.content
print(json.dumps({"live": [[p.url, p.title] for p in live], "pages": pages, "rendition": [rendition.url, media.status_code, hashlib.sha256(body).hexdigest()]}))
"""


def _env(tmp_path, name: str, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_", "TASKS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATA_DIR=str(tmp_path / name / "data"),
        MEDIA_ROOT=str(tmp_path / name / "media"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _postgres_urls():
    from django.db import connection

    db = connection.settings_dict
    server = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    names = [f"gs_backup_test_{uuid.uuid4().hex[:8]}_{side}" for side in ("a", "b")]
    return server, names


def _psql(server: str, sql: str) -> None:
    subprocess.run(["psql", f"{server}/postgres", "-qc", sql], check=True, capture_output=True)


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
@pytest.mark.django_db
def test_restore_into_an_empty_database_serves_the_same_pages(tmp_path, engine):
    urls = {"a": None, "b": None}
    server = names = None
    if engine == "postgresql":
        server, names = _postgres_urls()
        for name in names:
            _psql(server, f"CREATE DATABASE {name}")
        urls = {"a": f"{server}/{names[0]}", "b": f"{server}/{names[1]}"}
    try:
        live = _env(tmp_path, "live", urls["a"])
        _ok(manage("migrate", "--noinput", "-v0", env=live, timeout=300))
        _ok(manage("seed_demo", env=live, timeout=300))
        before = json.loads(_ok(manage("shell", "-c", SNAPSHOT, env=live)).strip().splitlines()[-1])

        out = _ok(manage("backup", str(tmp_path / "backups"), env=live))
        (archive,) = (tmp_path / "backups").glob("guongsang-*.tar")
        assert f"restore {archive}" in out  # says how to restore it
        assert oct(archive.stat().st_mode & 0o777) == "0o600"

        restored = _env(tmp_path, "restored", urls["b"])
        out = _ok(manage("restore", str(archive), env=restored))
        assert "Đã khôi phục" in out
        after = json.loads(_ok(manage("shell", "-c", SNAPSHOT, env=restored)).strip().splitlines()[-1])

        assert len(before["live"]) > 40
        assert len(before["pages"]) > 8
        assert all(status == 200 for status, _ in before["pages"].values())
        assert after == before  # same URLs, same status, same bytes; the same image file

        again = manage("restore", str(archive), env=restored)
        assert again.returncode != 0
        assert "chỉ khôi phục vào cơ sở dữ liệu trống" in again.stderr
    finally:
        for name in names or []:
            _psql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
