"""URLs for the API benchmark only: the site's URLs plus Wagtail's stock page API.

`/bench/stock-v2/pages/` is Wagtail's own `PagesAPIViewSet`: no consent rule, no view-restriction
rule beyond Wagtail's, no response cache (`api_bench_settings` excludes /bench/ from it). It is the
"vanilla Wagtail v2" baseline of the issue and is mounted only by `api_bench_settings`, never by
the site. One change, without which stock Wagtail cannot answer the benchmark's request at all:
ExemplarPage has a model field called `fields`, which stock Wagtail also reads as a
`?fields=<value>` filter (and fails with a 500), so database fields named like a query
parameter are not filterable here — the same rule the site's v2 applies.
"""

from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from config.urls import urlpatterns as site_urlpatterns


class StockPagesAPIViewSet(PagesAPIViewSet):
    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            fields = [name for name in fields if name not in cls.known_query_parameters]
        return fields


stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", StockPagesAPIViewSet)

urlpatterns = [path("bench/stock-v2/", stock_router.urls), *site_urlpatterns]
