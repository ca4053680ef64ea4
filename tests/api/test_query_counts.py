"""The number of database queries of a list does not grow with the page size (1 vs 50)."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

N = 52


@pytest.fixture
def many(db):
    fields = [factories.field("Giáo dục"), factories.field("Y tế")]
    award_type = factories.award_type()
    images = [factories.image(f"Ảnh {i}") for i in range(3)]
    exemplars = []
    for i in range(N):
        exemplars.append(
            factories.exemplar(
                f"Điển hình số {i}",
                kind="individual" if i % 2 else "collective",
                fields=fields[: 1 + i % 2],
                awards=[
                    {"award_type": award_type, "decision_date": datetime.date(2015 + i % 9, 1, 1)},
                    {"award_type": award_type, "decision_date": datetime.date(2016 + i % 8, 6, 1)},
                ],
                portrait=images[i % 3],
                portrait_alt="Ảnh",
            )
        )
    # Older than the others, so that it sorts last and every page of the list has parents.
    parent = factories.campaign("Phong trào cấp trên", start_date=datetime.date(2016, 1, 1))
    for i in range(N):
        factories.campaign(f"Phong trào số {i}", exemplars=exemplars[i : i + 2], parent_campaign=parent)
        factories.story(f"Việc tốt số {i}", exemplars=exemplars[i : i + 3], campaigns=[parent])
    return exemplars


# The response cache's own bookkeeping: reading the content generation (the embedded default
# keeps it in the database) and the next scheduled expiry of a live page (once per generation).
CACHE_BOOKKEEPING = ("core_contentgeneration", 'MIN("wagtailcore_page"."expire_at")')


def _queries(client, url) -> int:
    """Queries of one request with the response cache cleared, not counting the cache's own
    bookkeeping, which is checked apart: at most one query of each kind."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    sqls = [query["sql"] for query in ctx.captured_queries]
    for mark in CACHE_BOOKKEEPING:
        assert sum(mark in sql for sql in sqls) <= 1, f"{url}: {mark} read more than once"
    return sum(not any(mark in sql for mark in CACHE_BOOKKEEPING) for sql in sqls)


LISTS = [
    "/api/v1/exemplars?",
    "/api/v1/exemplars?order=-awards&",
    "/api/v1/exemplars?order=name&kind=individual&",
    "/api/v1/campaigns?",
    "/api/v1/stories?",
]


def test_list_query_counts_are_independent_of_page_size(client, many):
    # One test over all lists: building 150 pages once is the slow part.
    for path in LISTS:
        client.get(f"{path}limit=1")  # warm per-process caches (site root paths, content types)
        small = _queries(client, f"{path}limit=1")
        large = _queries(client, f"{path}limit=50")
        assert large == small, f"{path}: {small} queries for 1 item, {large} for 50"
        # With the cache just cleared: the site, its root paths, places and the count are looked
        # up once per content generation (and the next expiry, counted apart), then the rows and
        # their relations.
        assert small <= 10, f"{path}: {small} queries"
    assert len(client.get("/api/v1/exemplars?limit=50").json()["results"]) == 50
    assert len(client.get("/api/v1/stories?limit=50").json()["results"]) == 50
    for path in ("/api/v1/places", "/api/v1/fields", "/api/v1/award-types", "/api/v1/stats/awards"):
        client.get(path)
        assert _queries(client, path) <= 4, path
