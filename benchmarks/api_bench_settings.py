"""Production settings plus Wagtail's stock page API at /bench/stock-v2/ (benchmark runs only)."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "api_bench_urls"
# The stock baseline is measured as Wagtail answers it: never from the site's response cache
# (core.http_cache.DEFAULT_EXCLUDE plus /bench/).
RESPONSE_CACHE_EXCLUDE = (
    "/admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/api/v1/preview",
    "/api/v1/nominations",
    "/api/v1/openapi.json",
    "/api/v1/docs",
    "/bench/",
)
