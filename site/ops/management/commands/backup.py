"""`manage.py backup DIR`: one archive of the database and the uploaded files (ops.backups)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (PostgreSQL: pg_dump; SQLite: sao chép trực tuyến) và các tệp tải lên "
        "(MEDIA_ROOT, ảnh giới thiệu gương) vào một tệp DIR/guongsang-<thời điểm>.tar. Chạy được khi trang đang phục vụ."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Thư mục chứa tệp sao lưu (tạo nếu chưa có).")

    def handle(self, *args, directory, **options):
        try:
            path = create_backup(directory, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu: {path} ({size:,} byte)"))
        self.stdout.write(f"Khôi phục vào một cơ sở dữ liệu trống: python manage.py restore {path}")
