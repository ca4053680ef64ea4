"""Production settings plus Wagtail's stock page API at /bench/stock-v2/ (benchmark runs only)."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "api_bench_urls"
