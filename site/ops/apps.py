from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Vận hành"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
