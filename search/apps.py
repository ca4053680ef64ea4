from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import indexing

        indexing.connect()
