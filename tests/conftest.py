"""Shared test fixtures and the rules for tests that need PostgreSQL or a browser.

Tests marked `postgres` skip with a visible reason on SQLite, and fail instead of skipping
when REQUIRE_POSTGRES=1 (as .ci/run sets). Likewise `browser` with REQUIRE_BROWSER=1.
"""

import os
import shutil

import pytest


def _required(name: str) -> bool:
    return os.environ.get(name, "").strip() in {"1", "true", "yes"}


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            reason = "needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres"
            if _required("REQUIRE_POSTGRES"):
                pytest.fail(f"REQUIRE_POSTGRES=1 but the database is {connection.vendor}; {reason}")
            pytest.skip(reason)
    if item.get_closest_marker("browser") and not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium")):
        reason = "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
        if _required("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


MIGRATED_ROWS: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, plus a snapshot of the rows the data migrations created.

    Taken before any test runs, so tests on a live server (which need real commits, and so a
    flush afterwards) can put back the home page, site, collections, groups and workflow even
    when another transactional test has flushed them first (see tests/browser/conftest.py).
    """
    from django.db import connection

    with django_db_blocker.unblock():
        MIGRATED_ROWS["default"] = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _fresh_api_memo():
    """Each test starts without this process's cached answers and memos (the API's sites, places
    and list counts; the search engine's database statistics): the database is rolled back
    between tests, which may repeat a content generation, but a cache or memo would not be."""
    from core.http_cache import invalidate_this_process
    from search.engines.embedded import clear_statistics

    invalidate_this_process()
    clear_statistics()
    yield
    invalidate_this_process()
    clear_statistics()


@pytest.fixture
def migrated_db(django_db_serialized_rollback, transactional_db):
    """A transactional database with the data migrations' rows present, for the live server.

    The rows come from the snapshot tests/conftest.py takes when the test database is created.
    Django's own serialized_rollback did not bring them back once other tests had run first in
    the same session (the restored database was empty), so the restore is explicit.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        # Empty but for what post_migrate re-created (content types, permissions): start clean.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(MIGRATED_ROWS["default"])
    # Restored rows keep their ids; on PostgreSQL the id sequences must move past them.
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
