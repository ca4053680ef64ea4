"""Gunicorn configuration: the one production entry point, run from the repository root.

    .venv/bin/gunicorn -c site/gunicorn.conf.py

Everything an operator may change comes from the environment (docs/deployment.md), so the
command never changes between machines. Before any worker starts, the master runs Django's
deployment checks and refuses to start on an error (for example static files that were never
collected), instead of answering 500 on every page later.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        sys.exit(f"gunicorn.conf.py: {name}={value!r} is not a whole number.")


# The project package (`config`) and the apps live in site/ and the repository root.
chdir = str(ROOT)
pythonpath = f"{ROOT / 'site'},{ROOT}"
wsgi_app = "config.wsgi:application"

# Loopback by default: a reverse proxy (nginx) in front terminates HTTPS and serves the world.
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",") if address.strip()]
# Sync workers: one request at a time each. Default 2 × cores + 1, at most 8 (WEB_CONCURRENCY
# is the name many platforms set; GUNICORN_WORKERS wins when both are set).
workers = _int("GUNICORN_WORKERS", _int("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, 8)))
# A request still running after this many seconds is killed (its worker is replaced).
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle each worker after this many requests (0: never), with jitter so they do not all restart at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
# Access and error logs to standard output / error (journald or the process manager keeps them).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# X-Forwarded-* headers are trusted from these addresses only (gunicorn also reads FORWARDED_ALLOW_IPS).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "guongsang"
# gunicorn's control socket (`gunicornc`) sits at one path per user by default, shared by every
# gunicorn that user runs; it is off unless GUNICORN_CONTROL_SOCKET names this server's own path.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "") or "gunicorn.ctl"
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")


def on_starting(server):
    """Run `manage.py check --deploy` in the master; stop here on any error.

    Warnings are logged and do not stop the server; errors (a missing static manifest, a
    placeholder secret key) stop it with the check's own message and exit status 1. The
    connections opened by the checks are closed before workers fork.
    """
    import django
    from django.core import management
    from django.core.management.base import SystemCheckError
    from django.db import connections

    try:
        django.setup()
        management.call_command("check", deploy=True, fail_level="ERROR", stdout=sys.stderr)
    except SystemCheckError as error:
        server.log.error("Refusing to start: the deployment check found errors.\n%s", error)
        sys.exit(1)
    except Exception as error:  # ImproperlyConfigured from the settings, a missing module...
        server.log.error("Refusing to start: %s: %s", type(error).__name__, error)
        sys.exit(1)
    finally:
        connections.close_all()
