"""The background worker: the database task queue, and Wagtail's scheduled publishing.

One process, two threads. The main thread runs django-tasks-db's worker loop: the tasks Wagtail
enqueues (admin search index, reference index, image focal points, deleting replaced files).
A second thread runs Wagtail's `publish_scheduled` every PUBLISH_SCHEDULED_INTERVAL seconds, so
a page scheduled in the admin goes live (or expires) on time without a cron line. A database
that goes away does not end the process: each loop logs the error, drops its connection and
tries again after a pause, so the worker recovers by itself when the database returns.
"""

from __future__ import annotations

import io
import logging
import threading
import time

from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone

from wagtail.models import Page, Revision

logger = logging.getLogger("ops.worker")
RETRY_SECONDS = 5.0
PRUNE_EVERY_SECONDS = 24 * 3600  # finished task results older than 14 days are deleted daily


def publish_scheduled() -> tuple[int, int]:
    """Run Wagtail's publish_scheduled once; return (revisions published, pages expired)."""
    now = timezone.now()
    due = Revision.objects.filter(approved_go_live_at__lt=now).count()
    expired = Page.objects.filter(live=True, expire_at__lt=now).count()
    call_command("publish_scheduled", stdout=io.StringIO())
    return due, expired


def prune_task_results() -> None:
    """django-tasks-db keeps every result; drop finished ones older than its default 14 days."""
    call_command("prune_db_task_results", queue_name="*", verbosity=0, stdout=io.StringIO())


class ScheduledPublisher(threading.Thread):
    """Calls publish_scheduled now, then every `interval` seconds until `stop` is set.

    With the database queue (`prune`), it also prunes old task results once a day.
    """

    def __init__(self, interval: float, stop: threading.Event, prune: bool = False):
        super().__init__(name="publish_scheduled", daemon=True)
        self.interval = interval
        self.stop = stop
        self.next_prune = time.monotonic() if prune else None

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                due, expired = publish_scheduled()
                if due or expired:
                    logger.info("Đăng theo lịch: %d phiên bản được đăng, %d trang hết hạn được gỡ.", due, expired)
                if self.next_prune is not None and time.monotonic() >= self.next_prune:
                    self.next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
                    prune_task_results()
                close_old_connections()
            except Exception:
                logger.exception("publish_scheduled lỗi; thử lại sau %s giây.", self.interval)
                connections.close_all()
            self.stop.wait(self.interval)
        connections.close_all()


class TaskLoop:
    """django-tasks-db's own worker loop, restarted after a database error instead of exiting."""

    def __init__(self, backend_name: str, queue_names: list[str], poll_interval: float, worker_id: str):
        from django_tasks_db.management.commands.db_worker import Worker

        self.worker = Worker(
            queue_names=queue_names,
            interval=poll_interval,
            batch=False,
            backend_name=backend_name,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
        )
        self.stopped = threading.Event()

    def stop(self) -> None:
        """Finish the task in hand (if any), then return from run() within one poll interval."""
        self.stopped.set()
        self.worker.running = False

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                self.worker.run()
            except DatabaseError as error:
                logger.warning("Hàng đợi tác vụ: cơ sở dữ liệu lỗi (%s); thử lại sau %s giây.", error, RETRY_SECONDS)
                connections.close_all()
                self.stopped.wait(RETRY_SECONDS)
