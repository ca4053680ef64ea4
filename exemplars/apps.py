from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = "Điển hình tiên tiến"

    def ready(self):
        from . import signals

        signals.connect()
