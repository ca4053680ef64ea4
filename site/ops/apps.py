from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Vận hành"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)

        # post_migrate is sent per app with models; this app has none, Wagtail's core has the Site.
        post_migrate.connect(
            _sync_site, sender=apps.get_app_config("wagtailcore"), dispatch_uid="ops.sync_default_site"
        )


def _sync_site(sender, verbosity=1, stdout=None, using="default", **kwargs):
    from .sites import sync_default_site

    if using == "default":
        sync_default_site(verbosity=verbosity, stdout=stdout)
