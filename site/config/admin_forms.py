"""Admin form overrides: Vietnamese labels and messages, lockouts and reset throttling.

Wagtail's LoginForm declares its password field without a label, so Django falls back to the
field name ("Password"), which no catalogue can translate. Giving it a translatable label lets
site/locale/vi render "Mật khẩu" on the sign-in screen.

When django-axes refuses a sign-in (too many failures for the account or the address), the
form says so instead of "wrong password", so the person knows to wait. The password-reset form
sends mail only within the per-account and per-address limits (config.login_protection).
"""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from core import throttle

from .login_protection import locked_out_message

logger = logging.getLogger(__name__)


class LoginForm(WagtailLoginForm):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(locked_out_message(self.request), code="locked_out")
        return super().get_invalid_login_error()


def _rate(name: str, default: tuple[int, int]) -> tuple[int, int]:
    return tuple(getattr(settings, name, default))


class PasswordResetForm(WagtailPasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        """Send reset mails only within the limits; beyond them, silently send nothing."""
        if request is not None:
            limit, window = _rate("PASSWORD_RESET_RATE_PER_ADDRESS", (10, 3600))
            if not throttle.hit(request, "password-reset:address", limit, window).allowed:
                logger.warning("Password reset refused: too many requests from this address")
                return
        self._request = request
        return super().save(*args, request=request, **kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        user = context.get("user")
        request = getattr(self, "_request", None)
        if user is not None and request is not None:
            limit, window = _rate("PASSWORD_RESET_RATE_PER_ACCOUNT", (3, 3600))
            decision = throttle.hit(
                request, "password-reset:account", limit, window, key=lambda group, request: f"user:{user.pk}"
            )
            if not decision.allowed:
                logger.warning("Password reset mail not sent: too many for user id %s", user.pk)
                return
        super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
