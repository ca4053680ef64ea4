"""`manage.py import_exemplars FILE`: exemplars and awards from a spreadsheet, as drafts."""

import time

from django.core.management.base import BaseCommand, CommandError

from exemplars import importing


class Command(BaseCommand):
    help = (
        "Nhập điển hình và khen thưởng từ tệp .xlsx, .csv (UTF-8) hoặc .json; mỗi dòng một khen thưởng, "
        "các dòng cùng “Mã” thuộc cùng một điển hình. Kiểm tra mọi dòng trước; có dòng lỗi thì không nhập gì "
        "(trừ khi dùng --skip-invalid). Hồ sơ được lưu dạng bản nháp, không bao giờ xuất bản. "
        "Nhập lại cùng tệp không tạo trùng (so theo Mã). Xem README, mục “Importing exemplars”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .xlsx, .csv hoặc .json.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra và báo cáo, không ghi gì.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Bỏ qua các điển hình có dòng lỗi, nhập phần còn lại.",
        )

    def handle(self, *args, file, dry_run=False, skip_invalid=False, **options):
        started = time.perf_counter()
        write = self.stdout.write
        try:
            table = importing.read_table(file)
        except FileNotFoundError as exc:
            raise CommandError(f"Không tìm thấy tệp “{file}”.") from exc
        except importing.ImportFileError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from exc
        write(f"Đọc {len(table.rows)} dòng từ {file}. Đang kiểm tra…")
        result = importing.validate(table)
        for warning in result.warnings:
            write(self.style.WARNING(warning))
        if result.problems:
            self.stderr.write(f"Có {len(result.problems)} lỗi ở {len(result.invalid_codes) or 'một số'} điển hình:")
            for problem in result.problems:
                self.stderr.write(f"  {problem}")
            if not skip_invalid:
                raise CommandError(
                    "Không nhập gì vì tệp có lỗi. Sửa tệp, hoặc dùng --skip-invalid để nhập phần hợp lệ."
                )
            write(self.style.WARNING(f"Bỏ qua {len(result.invalid_codes)} điển hình có lỗi (--skip-invalid)."))
        write(f"{len(result.plans)} điển hình hợp lệ. {'Thử (không ghi)' if dry_run else 'Đang ghi bản nháp'}…")

        def progress(done, total):
            write(f"  {done}/{total}")

        try:
            outcome = importing.apply(result.plans, dry_run=dry_run, progress=progress)
        except importing.ImportFileError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from exc
        verb = "Sẽ" if dry_run else "Đã"
        write(
            self.style.SUCCESS(
                f"{verb} tạo mới {len(outcome.created)}, cập nhật {len(outcome.updated)}, "
                f"không đổi {len(outcome.unchanged)} điển hình "
                f"({time.perf_counter() - started:.1f} giây)."
            )
        )
        if dry_run:
            write("Chạy thử: không có gì được ghi vào cơ sở dữ liệu.")
