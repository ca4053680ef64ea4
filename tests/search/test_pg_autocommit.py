"""PostgreSQL in autocommit, as in production: the bitmap plan's planner settings travel with
its query. In a module of its own: the other search modules keep their corpus in one open
transaction for the whole module."""

import pytest

from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search.engines.embedded import EmbeddedEngine, clear_statistics

from .conftest import search, titles
from .corpus import build_corpus

pytestmark = pytest.mark.postgres


def test_outside_a_transaction_the_bitmap_sends_its_settings_with_the_query(migrated_db, client, monkeypatch):
    """In autocommit (production) the bitmap plan's settings travel in one string with its
    query, which PostgreSQL runs as one implicit transaction: the same answers as the path
    inside a transaction, and the settings do not outlive the query."""
    clear_statistics()
    build_corpus()
    monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", 2.0)  # the bitmap plan, never the walk
    for q in ("ly son", "nguyen van hung", "dan van kheo", "tran thi ho"):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            alone = search(client, q=q, facets="true")
        one_string = [x for x in captured if x["sql"].startswith("SELECT set_config") and ") matched" in x["sql"]]
        assert one_string, q
        assert not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_indexscan'), current_setting('enable_seqscan')")
            assert cursor.fetchone() == ("on", "on"), q
        cache.clear()
        with transaction.atomic():
            enclosed = search(client, q=q, facets="true")
        assert (titles(alone), alone["count"]) == (titles(enclosed), enclosed["count"]), q
        assert titles(alone), q
    clear_statistics()
