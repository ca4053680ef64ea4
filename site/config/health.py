"""`GET /healthz`: the state of the database, the cache, the search engine and the task worker.

For load balancers, uptime monitors and people on call (see docs/security.md, "Health and
outages"). The answer is JSON, never cached, and names no host, password or error message (only
the kind of error), because the endpoint is public:

- 200 while the database answers. A cache, Elasticsearch or task backend that does not answer
  is reported as "degraded": the site keeps working without it (pages are computed afresh, the
  search falls back to the embedded engine).
- 503 when the database does not answer; pages then answer 503 too (config.errors).
"""

from __future__ import annotations

import time
import uuid

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.engines import elastic_engine


def _timed(check):
    started = time.perf_counter()
    try:
        result = check()
    except Exception as exc:  # noqa: BLE001 - any failure is a state to report, not to raise
        result = {"status": "down", "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _database():
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": "ok", "vendor": connection.vendor}


def _cache():
    cache = caches["default"]
    backend = type(cache).__name__
    key = f"healthz:{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    ok = cache.get(key) == token
    cache.delete(key)
    result = {"status": "ok" if ok else "degraded", "backend": backend}
    if backend == "LocMemCache":
        result["shared"] = False  # each worker process has its own: rate limits are per process
    return result


def _search(database_ok: bool):
    engine = elastic_engine()
    if engine is None:
        return {"status": "ok" if database_ok else "down", "engine": "embedded"}
    if engine.client.ping():
        return {"status": "ok", "engine": "elasticsearch"}
    # The search service falls back to the embedded engine (search.service) while ES is away.
    return {"status": "degraded", "engine": "elasticsearch", "fallback": "embedded"}


def _tasks():
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    backend = type(task_backends[DEFAULT_TASK_BACKEND_ALIAS]).__name__
    if backend == "ImmediateBackend":
        return {"status": "ok", "backend": backend, "mode": "inline"}  # run in the web process
    if backend == "DummyBackend":
        return {"status": "degraded", "backend": backend, "mode": "not run"}
    return {"status": "ok", "backend": backend, "mode": "queued"}


def _degraded(checks: dict) -> bool:
    return any(check["status"] != "ok" for check in checks.values())


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _timed(_database)}
    database_ok = checks["database"]["status"] == "ok"
    checks["cache"] = _timed(_cache)
    checks["search"] = _timed(lambda: _search(database_ok))
    checks["tasks"] = _timed(_tasks)
    if not database_ok:
        status, code = "down", 503
    else:
        status, code = ("degraded" if _degraded(checks) else "ok"), 200
    response = JsonResponse({"status": status, "checks": checks}, status=code)
    if code == 503:
        response["Retry-After"] = "60"
    return response
