"""`manage.py run_worker`, started as an operator starts it, publishes a scheduled page on time.

The worker runs in a subprocess against the test database, so this needs PostgreSQL (an
in-memory SQLite test database cannot be shared with another process); CI makes it mandatory.
The deploy smoke test (.ci/deploy_smoke.py) checks the same through gunicorn.
"""

import datetime
import os
import signal
import subprocess
import sys
import time

import pytest

from django.db import connection
from django.utils import timezone

from tests import factories

from .helpers import ROOT

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _worker_env() -> dict[str, str]:
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=url,
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_a_page_scheduled_seconds_ahead_goes_live_through_the_worker(migrated_db, client):
    from django_tasks_db.models import DBTaskResult

    page = factories.exemplar("Người được hẹn giờ đăng", publish=False)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=3)
    page.save_revision().publish()  # approved for later: Wagtail keeps it unpublished
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"/dien-hinh/{page.slug}/").status_code == 404

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--publish-interval", "1", "--poll-interval", "0.2"],
        cwd=ROOT,
        env=_worker_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        went_live = _wait_for(lambda: type(page).objects.filter(pk=page.pk, live=True).exists(), 40)
        # Publishing queued tasks in the database (reference and search indexes); the same worker runs them.
        queue_drained = _wait_for(
            lambda: (
                DBTaskResult.objects.exists()
                and not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()
            ),
            30,
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
    assert went_live, output
    assert client.get(f"/dien-hinh/{page.slug}/").status_code == 200
    assert queue_drained, output
    assert not DBTaskResult.objects.filter(status="FAILED").exists(), output
    assert "Đăng theo lịch: 1 phiên bản được đăng" in output
    assert worker.returncode == 0, output  # SIGTERM stops it cleanly
    assert "Tiến trình nền đã dừng." in output
