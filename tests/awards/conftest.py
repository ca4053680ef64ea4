"""Fixtures for the award register tests: a fresh cache and media folder per test, and a small
register (award types, places) to build on."""

import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
