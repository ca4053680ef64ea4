"""Sign-in lockouts in the Wagtail admin (Cài đặt → Đăng nhập sai, Nhật ký đăng nhập).

django-axes keeps failed sign-ins (AccessAttempt) and successful ones (AccessLog) in its own
tables; administrators see them here in Vietnamese. The lists are read-only: deleting a row of
"Đăng nhập sai" lifts that lockout (like `manage.py axes_reset_username <name>`).
Superusers see both; other staff only with axes' view permission.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessLog

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """No adding or editing through the admin; viewing and deleting by model permission."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AccessAttempt, ReadOnlyPermissionPolicy(AccessAttempt))
register_permission_policy(AccessLog, ReadOnlyPermissionPolicy(AccessLog))


class _Subtitle:
    """Axes names a row "Attempted Access: <time>" in English; name it by account and address."""

    def get_page_subtitle(self):
        return f"{self.object.username or '—'} · {self.object.ip_address or '—'}"


class AccessInspectView(_Subtitle, InspectView):
    pass


class AccessDeleteView(_Subtitle, DeleteView):
    pass


class _ReadOnlyViewSet(ModelViewSet):
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None  # plain database filtering: axes' models are not search-indexed
    search_fields = ["username", "ip_address"]
    exclude_form_fields = []
    inspect_view_class = AccessInspectView
    delete_view_class = AccessDeleteView


class AccessAttemptViewSet(_ReadOnlyViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "Đăng nhập sai"
    menu_name = "access_attempts"
    name = "khoa_dang_nhap"
    menu_order = 900
    list_display = [
        "username",  # the title column: links to the details, with the delete (unlock) action
        Column("ip_address", label="Địa chỉ mạng"),
        Column("failures_since_start", label="Số lần sai"),
        DateColumn("attempt_time", label="Lần sai gần nhất"),
        Column("user_agent", label="Trình duyệt"),
    ]
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time", "user_agent", "path_info"]
    ordering = ["-attempt_time"]


class AccessLogViewSet(_ReadOnlyViewSet):
    model = AccessLog
    icon = "history"
    menu_label = "Nhật ký đăng nhập"
    menu_name = "access_logs"
    name = "nhat_ky_dang_nhap"
    menu_order = 901
    list_display = [
        "username",
        Column("ip_address", label="Địa chỉ mạng"),
        DateColumn("attempt_time", label="Đăng nhập lúc"),
        DateColumn("logout_time", label="Đăng xuất lúc"),
        Column("user_agent", label="Trình duyệt"),
    ]
    inspect_view_fields = ["username", "ip_address", "attempt_time", "logout_time", "user_agent", "path_info"]
    ordering = ["-attempt_time"]


viewsets = [AccessAttemptViewSet(), AccessLogViewSet()]
