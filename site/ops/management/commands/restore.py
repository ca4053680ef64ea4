"""`manage.py restore FILE`: put a `manage.py backup` archive back, into an empty database."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.http_cache import bump_generation, clear_memo
from ops.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một tệp của `manage.py backup` vào cơ sở dữ liệu TRỐNG mà DATABASE_URL trỏ tới "
        "(cùng loại: PostgreSQL hoặc SQLite) và vào MEDIA_ROOT, rồi áp dụng các migration mới hơn bản sao lưu (nếu có)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp guongsang-….tar do `manage.py backup` tạo.")

    def handle(self, *args, file, **options):
        try:
            manifest = restore_backup(file, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # Cached API answers describe whatever this database held before: drop them everywhere.
        bump_generation()
        clear_memo()
        if settings.ELASTICSEARCH_URL:
            self.stdout.write("Elasticsearch: dựng lại chỉ mục từ dữ liệu vừa khôi phục.")
            call_command("rebuild_search", stdout=self.stdout)
        # Migrations newer than the backup (code updated since) are applied as on any deploy.
        call_command("migrate", "--noinput", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục bản sao lưu lúc {manifest['created']} từ {file}."))
