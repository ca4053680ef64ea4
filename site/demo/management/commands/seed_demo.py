"""`manage.py seed_demo`: load the Lý Sơn demo content and print the admin login."""

import io

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import accounts
from demo.seeding import Seeder, non_demo_content, planned_keys, radio_week, resolve_records


class Command(BaseCommand):
    help = (
        "Tạo trang trình diễn từ báo cáo năm 2024 của Lý Sơn: địa bàn, lĩnh vực, phong trào, điển hình, "
        "tin việc tốt (nhân vật hư cấu, ảnh minh họa vẽ bằng Pillow), và tài khoản quản trị. "
        "Chạy lại không tạo trùng. Không ghi vào cơ sở dữ liệu đang có nội dung thật, trừ khi dùng --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Vẫn thêm dữ liệu mẫu dù cơ sở dữ liệu đã có nội dung không phải dữ liệu mẫu.",
        )

    def handle(self, *args, force=False, **options):
        write = self.stdout.write
        keys = planned_keys()
        missing = [key for key in keys if key not in resolve_records()]
        if not missing:
            write(self.style.SUCCESS(f"Dữ liệu mẫu đã đầy đủ ({len(keys)} đối tượng): không thay đổi gì."))
        else:
            foreign = non_demo_content()
            if foreign and not force:
                listing = ", ".join(f"{count} {label}" for label, count in foreign.items())
                raise CommandError(
                    f"Cơ sở dữ liệu đã có nội dung không phải dữ liệu mẫu ({listing}); không thay đổi gì. "
                    "Dùng --force nếu vẫn muốn thêm dữ liệu mẫu, hoặc dùng một cơ sở dữ liệu trống."
                )
            write(f"Tạo dữ liệu mẫu: còn thiếu {len(missing)}/{len(keys)} đối tượng.")
            seeder = Seeder(write)
            seeder.run()
            write(self.style.SUCCESS(f"Xong: tạo mới {seeder.total_created} đối tượng."))

        # Accounts first, so that this week's script is approved by a real account (the radio
        # editor), not by nobody; their passwords are printed with the login below.
        with transaction.atomic():
            login = accounts.ensure_admin()
            roles = io.StringIO()
            accounts.ensure_role_users(roles)

        # This week's broadcast script, in the running order the demo content gives (idempotent).
        from radio.demo import seed_radio_demo

        with transaction.atomic():
            seed_radio_demo(log=write, proposals=radio_week())

        self.print_login(login, roles.getvalue())

    def print_login(self, login, roles: str):
        url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        bar = "=" * 60
        self.stdout.write(bar)
        self.stdout.write(f"Trang quản trị: {url}")
        self.stdout.write(f"Tên đăng nhập:  {login.username}")
        if login.password:
            self.stdout.write(f"Mật khẩu:       {login.password}")
            self.stdout.write(f"(lưu tại {accounts.login_file()}; không đưa tệp này lên git)")
        else:
            self.stdout.write(
                "Mật khẩu:       đã được đổi nên không in ra. Đặt mật khẩu mới bằng: "
                f"python manage.py changepassword {login.username}"
            )
        self.stdout.write("Người dùng mẫu theo vai trò biên tập:")
        self.stdout.write(roles, ending="")
        self.print_reset_hints(login.username)
        self.stdout.write(bar)

    def print_reset_hints(self, admin_username):
        """Passwords are shown once; say how to set a new one for every account seed_demo made."""
        from home.demo_users import DEMO_USERS

        self.stdout.write("Đặt lại mật khẩu của một tài khoản (khi quên, hoặc trước khi bàn giao):")
        for username in [admin_username, *(user[0] for user in DEMO_USERS)]:
            self.stdout.write(f"  python manage.py changepassword {username}")
