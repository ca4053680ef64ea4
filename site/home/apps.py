from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Trang chủ"

    def ready(self):
        # The API caches are invalidated by signals; config owns the receivers, the home app
        # (the project's own app) connects them once the models are loaded.
        from config import cache_invalidation

        cache_invalidation.connect()
        from . import editorial  # noqa: F401  (connects the API token policy)
        from .change_detection import register

        register()  # unedited rich text no longer counts as a change (keeps approvals valid)
