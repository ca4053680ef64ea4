"""/healthz and the site's behaviour while the database is unreachable.

The outage is real: a gunicorn worker started with DATABASE_URL pointing at a local port where
nothing listens (the shared PostgreSQL is never touched), asked as a browser and an API client
would ask.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.db.utils import OperationalError
from django.test import Client, RequestFactory

from config.errors import outage_response

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_reports_each_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "tasks"}
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["tasks"] == {**body["checks"]["tasks"], "status": "ok", "backend": "ImmediateBackend"}


@pytest.mark.django_db
def test_a_cache_that_is_down_is_reported_not_fatal(client, settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["status"] == "down" and body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["status"] == "ok"
    assert str(closed_port) not in response.content.decode()  # no hosts or messages leak out


def test_the_outage_page_needs_no_database():
    # No django_db mark: any database access here raises, so the page provably does not need it.
    response = outage_response(RequestFactory().get("/dien-hinh/"))
    assert response.status_code == 503 and response["Retry-After"] == "60"
    html = response.content.decode()
    assert 'lang="vi"' in html and "tạm thời chưa phục vụ được" in html


@pytest.mark.django_db
def test_a_query_error_with_the_database_up_stays_a_500(monkeypatch):
    from exemplars import nominations_api

    def broken(request):
        raise OperationalError("no such column: nonsense")

    monkeypatch.setattr(nominations_api, "check_rate", broken)
    response = Client(raise_request_exception=False).post("/api/v1/nominations", "{}", content_type="application/json")
    assert response.status_code == 500 and response["Content-Type"] == "application/problem+json"


@pytest.fixture(scope="module")
def server_without_database():
    """gunicorn serving the site with a PostgreSQL URL on a closed local port."""
    import socket

    ports = []
    for _ in range(2):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
    closed, port = ports
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed}/guongsang",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "critical",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/static/css/site.css", timeout=5)  # noqa: S310
                break
            except OSError:  # refused, reset or timed out while the worker starts
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not start")
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(10)


def _get(base, path, accept="text/html"):
    request = urllib.request.Request(base + path, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_healthz_is_503_while_the_database_is_down(server_without_database):
    status, headers, body = _get(server_without_database, "/healthz", "application/json")
    assert status == 503 and headers["Retry-After"]
    data = json.loads(body)
    assert data["status"] == "down"
    assert data["checks"]["database"] == {**data["checks"]["database"], "status": "down", "error": "OperationalError"}
    assert data["checks"]["cache"]["status"] == "ok"  # the rest is still reported


@pytest.mark.parametrize("path", ["/", "/dien-hinh/", "/viec-tot/", "/tim-kiem/?q=bien", "/admin/login/"])
def test_pages_answer_503_in_vietnamese_with_retry_after(server_without_database, path):
    status, headers, body = _get(server_without_database, path)
    assert status == 503, body[:300]
    assert int(headers["Retry-After"]) > 0
    assert headers["Content-Type"].startswith("text/html")
    assert "Content-Security-Policy" in headers
    assert 'lang="vi"' in body and "Trang tạm thời chưa phục vụ được" in body


@pytest.mark.parametrize("path", ["/api/v1/exemplars", "/api/v1/search?q=bien", "/api/v2/pages/"])
def test_the_api_answers_503_problems(server_without_database, path):
    status, headers, body = _get(server_without_database, path, "application/json")
    assert status == 503
    assert headers["Content-Type"] == "application/problem+json" and int(headers["Retry-After"]) > 0
    problem = json.loads(body)
    assert problem["status"] == 503 and "tạm gián đoạn" in problem["detail"]
