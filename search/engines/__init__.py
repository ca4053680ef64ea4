"""Engine selection: the embedded engine always; Elasticsearch too when ELASTICSEARCH_URL is set."""

from __future__ import annotations

from django.conf import settings

from .embedded import EmbeddedEngine

_elastic_cache: dict = {}


def embedded_engine() -> EmbeddedEngine:
    return EmbeddedEngine()


def elastic_engine():
    """The Elasticsearch engine for the configured URL, or None when none is configured."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        return None
    key = (url, getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "guongsang"))
    if key not in _elastic_cache:
        from .elastic import ElasticEngine

        _elastic_cache.clear()
        _elastic_cache[key] = ElasticEngine(url=key[0], prefix=key[1])
    return _elastic_cache[key]
