"""`manage.py run_worker`: the one background process production needs (docs/deployment.md).

Runs the database task queue and Wagtail's scheduled publishing (every minute by default) in
one process. Run exactly one, with the same environment as the web servers (database, cache,
MEDIA_ROOT), under a process manager that restarts it. SIGTERM or Ctrl+C stops it after the
task in hand.
"""

import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string

from ops.worker import ScheduledPublisher, TaskLoop


def _seconds(value: str) -> float:
    number = float(value)
    if not 0 < number < 86400:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Chạy tiến trình nền: thực hiện các tác vụ trong hàng đợi (cơ sở dữ liệu) và đăng/gỡ các trang "
        "đã hẹn giờ mỗi PUBLISH_SCHEDULED_INTERVAL giây (mặc định 60). Chỉ chạy một tiến trình."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--publish-interval",
            type=_seconds,
            default=settings.PUBLISH_SCHEDULED_INTERVAL,
            help="Số giây giữa hai lần đăng theo lịch (mặc định: PUBLISH_SCHEDULED_INTERVAL, %(default)s).",
        )
        parser.add_argument(
            "--poll-interval",
            type=_seconds,
            default=settings.WORKER_POLL_INTERVAL,
            help="Số giây chờ khi hàng đợi trống (mặc định: WORKER_POLL_INTERVAL, %(default)s).",
        )
        parser.add_argument("--backend", default="default", help="Tên backend trong TASKS (mặc định: default).")

    def handle(self, *args, publish_interval, poll_interval, backend, verbosity=1, **options):
        from django_tasks import task_backends
        from django_tasks.exceptions import InvalidTaskBackendError
        from django_tasks_db.backend import DatabaseBackend

        self._configure_logging(verbosity)
        try:
            queue_backend = task_backends[backend]
        except InvalidTaskBackendError as error:
            raise CommandError(f"Không dùng được backend tác vụ {backend!r}: {error}") from error

        stop = threading.Event()
        loop = None
        if isinstance(queue_backend, DatabaseBackend):
            loop = TaskLoop(backend, ["*"], poll_interval, worker_id=f"run_worker-{get_random_string(12)}")
        else:
            self.stdout.write(
                f"TASKS[{backend!r}] là {type(queue_backend).__name__}: tác vụ chạy ngay trong tiến trình web, "
                "nên tiến trình này chỉ đăng các trang đã hẹn giờ."
            )

        def shutdown(signum, frame):
            if stop.is_set():
                raise SystemExit(1)  # second signal: do not wait for the task in hand
            self.stdout.write(f"Nhận {signal.Signals(signum).name}: dừng sau tác vụ đang chạy.")
            stop.set()
            if loop is not None:
                loop.stop()

        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, shutdown)

        publisher = ScheduledPublisher(publish_interval, stop, prune=loop is not None)
        publisher.start()
        self.stdout.write(
            f"Tiến trình nền đã chạy: hàng đợi {'cơ sở dữ liệu' if loop else 'không có'}, "
            f"đăng theo lịch mỗi {publish_interval:g} giây."
        )
        self.stdout.flush()
        if loop is not None:
            loop.run()
        else:
            while not stop.wait(3600):
                pass
        publisher.join(timeout=30)
        self.stdout.write("Tiến trình nền đã dừng.")

    def _configure_logging(self, verbosity: int) -> None:
        """What the worker does at -v1; each task's start and end (django-tasks' INFO) from -v2 on.

        Failed tasks are always logged with their traceback (django-tasks logs them at ERROR).
        """
        level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
        task_level = logging.WARNING if verbosity <= 1 else logging.DEBUG
        handler = logging.StreamHandler(self.stdout)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        for name, log_level in (("ops.worker", level), ("django_tasks", task_level), ("django_tasks_db", level)):
            log = logging.getLogger(name)
            log.setLevel(log_level)
            log.addHandler(handler)
            log.propagate = False
