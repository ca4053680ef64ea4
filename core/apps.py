from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Lõi dùng chung"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import invalidation, slugs

        invalidation.connect()
        slugs.register()  # the admin's slug field transliterates as slugify_vi does
