from django.apps import AppConfig


class RadioConfig(AppConfig):
    name = "radio"
    verbose_name = "Phát thanh"

    def ready(self):
        from . import signals  # noqa: F401 - connects the withdrawal receivers
