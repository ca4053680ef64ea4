"""Admin form overrides that exist only to make the Wagtail admin fully Vietnamese.

Wagtail's LoginForm declares its password field without a label, so Django falls back to the
field name ("Password"), which no catalogue can translate. Giving it a translatable label lets
site/locale/vi render "Mật khẩu" on the sign-in screen.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )
