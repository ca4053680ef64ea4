"""`manage.py import_awards FILE [--dry-run]`: award lists into the register (CSV or XLSX)."""

import time

from django.core.management.base import BaseCommand, CommandError

from exemplars import award_import, importing


class Command(BaseCommand):
    help = (
        "Nhập danh sách khen thưởng vào sổ khen thưởng từ tệp .xlsx hoặc .csv (UTF-8), mỗi dòng một khen thưởng. "
        "Cột bắt buộc: Năm, Hình thức khen thưởng, Tên cá nhân/tập thể, Loại đối tượng, Nhóm, Số quyết định, "
        "Ngày quyết định, Người ký; không bắt buộc: Cấp, Địa bàn, Khen thưởng đột xuất (gõ không dấu cũng được). "
        "Kiểm tra mọi dòng trước; có dòng lỗi thì không nhập gì. Nhập lại cùng tệp không tạo trùng (so theo số "
        "quyết định + tên + hình thức). Cấp khen suy ra từ người ký nếu không ghi cột Cấp. Xem docs/awards.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .xlsx hoặc .csv.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra và báo cáo, không ghi gì.")

    def handle(self, *args, file, dry_run=False, **options):
        started = time.perf_counter()
        write = self.stdout.write
        try:
            table = award_import.read_table(file)
        except FileNotFoundError as exc:
            raise CommandError(f"Không tìm thấy tệp “{file}”.") from exc
        except importing.ImportFileError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from exc
        write(f"Đọc {len(table.rows)} dòng từ {file}. Đang kiểm tra…")
        result = award_import.validate(table)
        for warning in result.warnings:
            write(self.style.WARNING(warning))
        if result.problems:
            self.stderr.write(f"Có {len(result.problems)} lỗi:")
            for problem in result.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError("Không nhập gì vì tệp có lỗi. Sửa các dòng trên rồi nhập lại.")
        outcome = award_import.apply(result.rows, dry_run=dry_run)
        verb = "Sẽ" if dry_run else "Đã"
        write(
            self.style.SUCCESS(
                f"{verb} thêm {outcome.created}, cập nhật {outcome.updated}, không đổi {outcome.unchanged} "
                f"khen thưởng ({time.perf_counter() - started:.1f} giây)."
            )
        )
        if dry_run:
            write("Chạy thử: không có gì được ghi vào cơ sở dữ liệu.")
