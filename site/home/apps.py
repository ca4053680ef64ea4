from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Trang chủ"

    def ready(self):
        from . import editorial  # noqa: F401  (connects the API token policy)
        from .change_detection import register

        register()  # unedited rich text no longer counts as a change (keeps approvals valid)
        from config import login_protection  # noqa: F401  (logs sign-in lockouts)
