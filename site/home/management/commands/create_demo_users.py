"""Create one demo account per editorial role (Phóng viên, Biên tập viên, Lãnh đạo duyệt,
Biên tập phát thanh). Safe to run again: existing accounts keep their passwords."""

from django.core.management.base import BaseCommand

from home.demo_users import create_demo_users


class Command(BaseCommand):
    help = "Tạo tài khoản mẫu cho mỗi vai trò biên tập; mật khẩu mới chỉ in ra một lần."

    def handle(self, *args, **options):
        self.stdout.write("Tài khoản mẫu (đăng nhập tại /admin/):")
        create_demo_users(self.stdout)
