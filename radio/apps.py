from django.apps import AppConfig


class RadioConfig(AppConfig):
    name = "radio"
    verbose_name = "Phát thanh"

    def ready(self):
        from core.invalidation import bump_on_change

        from . import signals  # noqa: F401 - connects the withdrawal receivers
        from .models import Abbreviation, Presenter, Programme, Rundown, RundownItem

        # The public prompter page is answered from the shared response cache: what it shows
        # moves the content generation.
        bump_on_change(Abbreviation, Presenter, Programme, Rundown, RundownItem)
