"""`manage.py seed_radio_demo`: the demo programme, a presenter and this week's approved script."""

from django.core.management.base import BaseCommand, CommandError

from radio.demo import seed_radio_demo
from radio.weeks import InvalidWeek, IsoWeek


class Command(BaseCommand):
    help = (
        "Tạo chương trình “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”, một phát thanh viên và "
        "kịch bản đã duyệt cho tuần này từ các tin, điển hình đã xuất bản. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--week", help="Tuần ISO, ví dụ 2026-W48 (mặc định: tuần này, giờ Việt Nam).")

    def handle(self, *args, week=None, **options):
        try:
            iso = IsoWeek.parse(week) if week else None
        except InvalidWeek as exc:
            raise CommandError(str(exc)) from exc
        seed_radio_demo(iso, log=self.stdout.write)
