"""Demo accounts, one per editorial role, for trying the two-step workflow locally.

`create_demo_users(stdout)` is idempotent: an account that already exists is left alone (its
password is not changed or shown again); a new one gets a random password printed once.
Called by `seed_demo` and by `manage.py create_demo_users`.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.models import Group, User

from .editorial import APPROVERS, COUNCIL_MEMBERS, EDITORS, EMULATION_OFFICERS, RADIO_EDITORS, WRITERS

DEMO_USERS = [
    ("phongvien", "Phóng viên", "Mẫu", WRITERS),
    ("bientap", "Biên tập", "Mẫu", EDITORS),
    ("lanhdao", "Lãnh đạo", "Mẫu", APPROVERS),
    ("phatthanh", "Phát thanh", "Mẫu", RADIO_EDITORS),
    ("thiduakt", "Thi đua", "Mẫu", EMULATION_OFFICERS),
    ("hoidong", "Hội đồng", "Mẫu", COUNCIL_MEMBERS),
]


def create_demo_users(stdout) -> None:
    for username, first_name, last_name, group_name in DEMO_USERS:
        group = Group.objects.get(name=group_name)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@guongsang.local",
                "is_staff": False,
            },
        )
        user.groups.add(group)
        if created:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
            stdout.write(f"  {group_name:<26} {username:<10} mật khẩu: {password}  (chỉ hiện một lần)\n")
        else:
            stdout.write(f"  {group_name:<26} {username:<10} (đã có, giữ nguyên mật khẩu)\n")
