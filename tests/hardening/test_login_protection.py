"""Admin sign-in protection (django-axes) and password-reset throttling, through the real
Wagtail login and reset pages."""

import pytest
from axes.models import AccessAttempt

from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.moderation.helpers import role_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RIGHT = "dung-mat-khau-123"
LOCKED = "tạm thời bị khóa"


@pytest.fixture
def editor():
    return User.objects.create_user("bientap", "bientap@lyson.gov.vn", RIGHT, is_staff=True, is_superuser=True)


def _login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_twelve_wrong_passwords_lock_the_account_right_password_included(client, editor):
    statuses = [_login(client, "bientap", f"sai-{n}").status_code for n in range(12)]
    assert statuses[:9] == [200] * 9  # the form says "wrong password" nine times
    assert set(statuses[9:]) == {429}  # the tenth failure locks
    response = _login(client, "bientap", RIGHT)
    assert response.status_code == 429 and not _signed_in(client)
    html = response.content.decode()
    assert LOCKED in html and "Vui lòng thử lại sau 30 phút" in html
    assert 'name="password"' in html  # still the Vietnamese login page, not a bare error
    assert int(response["Retry-After"]) == 30 * 60
    assert AccessAttempt.objects.filter(username="bientap").exists()


def test_lockout_is_per_account_from_any_address(client, editor):
    for n in range(10):
        _login(client, "bientap", f"sai-{n}", REMOTE_ADDR=f"10.1.0.{n + 1}")
    response = _login(client, "bientap", RIGHT, REMOTE_ADDR="10.1.0.99")
    assert response.status_code == 429 and not _signed_in(client)


def test_lockout_is_per_address_across_accounts(client, editor):
    for n in range(10):
        _login(client, f"doan-ten-{n}", "sai", REMOTE_ADDR="10.2.0.1")
    response = _login(client, "bientap", RIGHT, REMOTE_ADDR="10.2.0.1")
    assert response.status_code == 429 and not _signed_in(client)
    # Another address signs in to the same account normally.
    response = _login(client, "bientap", RIGHT, REMOTE_ADDR="10.2.0.2")
    assert response.status_code == 302 and _signed_in(client)


def test_behind_trusted_proxies_each_client_is_counted_apart(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    for n in range(10):  # an attacker behind the proxy, who also forges an X-Forwarded-For entry
        _login(client, f"doan-ten-{n}", "sai", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5", **proxy)
    assert _login(client, "x", "sai", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    # A colleague behind the same proxy is not locked out with the attacker.
    response = _login(client, "bientap", RIGHT, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert response.status_code == 302 and _signed_in(client)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


def test_without_trusted_proxies_a_forged_header_changes_nothing(client, editor):
    for n in range(10):
        _login(client, f"doan-ten-{n}", "sai", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}", REMOTE_ADDR="10.3.0.1")
    assert _login(client, "bientap", RIGHT, REMOTE_ADDR="10.3.0.1").status_code == 429


def test_success_before_the_limit_resets_the_count(client, editor):
    for n in range(9):
        _login(client, "bientap", f"sai-{n}")
    assert _login(client, "bientap", RIGHT).status_code == 302
    client.logout()
    assert _login(client, "bientap", "sai-lan-nua").status_code == 200  # counting starts again


def test_reset_command_unlocks(client, editor):
    for n in range(10):
        _login(client, "bientap", f"sai-{n}")
    assert _login(client, "bientap", RIGHT).status_code == 429
    call_command("axes_reset_username", "bientap")
    response = _login(client, "bientap", RIGHT)
    assert response.status_code == 302 and _signed_in(client)


def test_administrators_see_lockouts_in_the_admin(client, editor):
    for n in range(10):
        _login(client, "nguoi-la", f"sai-{n}", REMOTE_ADDR="10.4.0.1")
    client.force_login(editor)
    index = reverse("khoa_dang_nhap:index")
    html = client.get(index).content.decode()
    assert "Lần đăng nhập sai" in html and "nguoi-la" in html and "10.4.0.1" in html
    assert "access attempt" not in html.lower()
    assert "Số lần sai" in html
    assert "Tên đăng nhập" in html
    settings_menu = client.get("/admin/").content.decode()
    assert index in settings_menu
    # Deleting the row (offered in the listing) lifts the lockout.
    attempt = AccessAttempt.objects.get(username="nguoi-la")
    assert reverse("khoa_dang_nhap:delete", args=[attempt.pk]) in html
    assert reverse("khoa_dang_nhap:inspect", args=[attempt.pk]) in html
    details = client.get(reverse("khoa_dang_nhap:inspect", args=[attempt.pk])).content.decode()
    assert "nguoi-la · 10.4.0.1" in details and "Số lần sai" in details and "Attempted Access" not in details
    response = client.post(reverse("khoa_dang_nhap:delete", args=[attempt.pk]))
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    # Read-only otherwise: no adding or editing.
    assert client.get(reverse("khoa_dang_nhap:add")).status_code in (302, 403)
    assert client.get(reverse("khoa_dang_nhap:edit", args=[1])).status_code in (302, 403, 404)


def test_editors_without_permission_do_not_see_lockouts(client):
    from home.editorial import EDITORS

    client.force_login(role_user(EDITORS))
    response = client.get(reverse("khoa_dang_nhap:index"))
    assert response.status_code in (302, 403)


# -- password reset --------------------------------------------------------------------------


def test_twenty_reset_requests_for_one_account_send_three_mails(client, editor):
    for n in range(20):
        response = client.post("/admin/password_reset/", {"email": "bientap@lyson.gov.vn"}, REMOTE_ADDR=f"10.5.0.{n}")
        assert response.status_code == 302  # the same answer every time: nothing to learn
    assert len(mail.outbox) == 3
    assert all(message.to == ["bientap@lyson.gov.vn"] for message in mail.outbox)


def test_reset_requests_from_one_address_are_limited_across_accounts(client):
    for n in range(15):
        User.objects.create_user(f"user{n}", f"user{n}@lyson.gov.vn", RIGHT, is_staff=True, is_superuser=True)
    for n in range(15):
        client.post("/admin/password_reset/", {"email": f"user{n}@lyson.gov.vn"}, REMOTE_ADDR="10.6.0.1")
    assert len(mail.outbox) == 10
