"""Admin sign-in protection (django-axes) and password-reset throttling (django-ratelimit).

Axes counts failed sign-ins per account and per client address (the address from
`core.client_address`, which knows the trusted proxies) in its database tables. After
`AXES_FAILURE_LIMIT` failures the account, and separately the address, is refused for
`AXES_COOLOFF_TIME`, the right password included; the login page then says so in Vietnamese
with status 429. Lockouts are logged (logger `config.login_protection`), listed under Cài đặt → Đăng nhập sai in
the admin, and lifted early with `manage.py axes_reset_username <name>` or
`axes_reset_ip <address>`.

Password reset mails are limited per account and per address with the same counters as the
nomination limit (`core.throttle`); beyond the limit no mail is sent and the page says only what
it always says, so nobody learns whether an account exists.
"""

from __future__ import annotations

import logging

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from axes.signals import user_locked_out

from django.conf import settings
from django.dispatch import receiver

logger = logging.getLogger(__name__)

LOCKED_OUT_MESSAGE = (
    "Tài khoản hoặc địa chỉ mạng này đã đăng nhập sai quá nhiều lần nên tạm thời bị khóa. "
    "Vui lòng thử lại sau {minutes} phút, hoặc nhờ quản trị viên mở khóa."
)


def cool_off_seconds(request=None) -> int:
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds()) if cool_off else 0


def locked_out_message(request=None) -> str:
    return LOCKED_OUT_MESSAGE.format(minutes=max(1, round(cool_off_seconds(request) / 60)))


class LockoutBackend(AxesStandaloneBackend):
    """Axes' backend, which needs the request to know who is signing in from where.

    `authenticate()` without a request is never a web sign-in (management commands, the test
    client's `login()`); it is left to the other backends instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """Axes' lockout answer: the login page as the view rendered it, with status 429.

    The login form (config.admin_forms.LoginForm) has already put the Vietnamese lockout
    message on the page; only the status and Retry-After are added here.
    """
    from django.http import HttpResponse

    if original_response is None or original_response.status_code != 200:
        original_response = HttpResponse(locked_out_message(request), content_type="text/plain; charset=utf-8")
    original_response.status_code = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    seconds = cool_off_seconds(request)
    if seconds:
        original_response["Retry-After"] = str(seconds)
    return original_response


@receiver(user_locked_out, dispatch_uid="guongsang_log_lockout")
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    """One clear line per lockout for the people on call (axes' own lines mask both values)."""
    logger.warning("Sign-in locked out: account %r, address %s", username, ip_address)
