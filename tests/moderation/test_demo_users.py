"""The demo accounts: one per role, password printed once, idempotent."""

import io
import re

import pytest

from django.contrib.auth import authenticate
from django.core.management import call_command

from home.editorial import ROLES

pytestmark = pytest.mark.django_db


def test_create_demo_users_prints_passwords_once_and_is_idempotent():
    out = io.StringIO()
    call_command("create_demo_users", stdout=out)
    found = dict(re.findall(r"(\w+)\s+mật khẩu: (\S+)", out.getvalue()))
    assert set(found) == {"phongvien", "bientap", "lanhdao", "phatthanh", "thiduakt", "hoidong"}
    for username, password in found.items():
        user = authenticate(username=username, password=password)
        assert user is not None and user.groups.get().name in ROLES
    again = io.StringIO()
    call_command("create_demo_users", stdout=again)
    assert "mật khẩu:" not in again.getvalue()
    assert authenticate(username="bientap", password=found["bientap"]) is not None
