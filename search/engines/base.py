"""What every engine takes and returns, and the limits that keep every query bounded."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from ..text import ParsedQuery


def limits() -> dict[str, int]:
    """Bounds on the work one query may do (settings `SEARCH_*`, with these defaults).

    - WINDOW: each ranking tier ranks at most this many matches (the most recent ones), so a
      one-word query that matches every page costs the same as one that matches a thousand.
    - COUNT_CAP: `count` is exact up to this number; above it the answer says `count_exact: false`.
    - FACET_SAMPLE: facet counts are computed over at most this many matches (the most recent).
    - MAX_OFFSET: how deep one may page (offset + limit).
    - FACET_CACHE_SECONDS: facet counts of a (query, filters) are cached this long in the
      default cache for the content generation (core.http_cache; 0: never cached).
    """
    return {
        "WINDOW": getattr(settings, "SEARCH_WINDOW", 1000),
        "COUNT_CAP": getattr(settings, "SEARCH_COUNT_CAP", 1000),
        "FACET_SAMPLE": getattr(settings, "SEARCH_FACET_SAMPLE", 1000),
        "MAX_OFFSET": getattr(settings, "SEARCH_MAX_OFFSET", 500),
        "FACET_CACHE_SECONDS": getattr(settings, "SEARCH_FACET_CACHE_SECONDS", 60),
    }


@dataclass
class SearchRequest:
    query: ParsedQuery
    filters: dict[str, list[str]] = field(default_factory=dict)
    limit: int = 20
    offset: int = 0
    facets: bool = True
    synonyms: list[ParsedQuery] = field(default_factory=list)


@dataclass
class Hit:
    page_id: int
    highlight: str | None = None  # an engine's own snippet (Elasticsearch), else made from the text


@dataclass
class SearchResult:
    count: int
    count_exact: bool
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    facets_sampled: bool = False
    engine: str = "embedded"
