"""SQLite: a cut-off last word of 2 or 3 letters is answered from FTS5's prefix index
(migration 0010), longer ones from the list of known completions; both give the same pages, in
the same order, with the same counts."""

import pytest

from django.core.cache import cache
from django.db import connection

from search.engines.embedded import EmbeddedEngine

from .conftest import search, titles
from .test_typing_queries import QUERIES, typing_pages  # noqa: F401 - the module's pages

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's FTS5 prefix index"),
]

PREFIXES = [q["q"] for q in QUERIES if q["class"] == "prefix"] + ["ly so", "ngu", "nguye", "thu nghi", "bờ bi"]


def test_the_index_keeps_two_and_three_letter_prefixes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
        (sql,) = cursor.fetchone()
    assert "prefix='2 3'" in sql
    assert EmbeddedEngine.FTS_PREFIX_LENGTHS == (2, 3)


def test_prefix_index_and_completions_give_the_same_answers(client, typing_pages, monkeypatch):  # noqa: F811
    answers = {}
    for lengths, how in (((2, 3), "prefix index"), ((), "completions")):
        monkeypatch.setattr(EmbeddedEngine, "FTS_PREFIX_LENGTHS", lengths)
        for q in PREFIXES:
            for filters in ({}, {"kind": "individual"}):
                cache.clear()  # no cached facets or answer from the other way
                answer = search(client, q=q, **filters)
                answers.setdefault((q, tuple(filters.items())), {})[how] = (titles(answer), answer["count"])
    assert any(by_how["prefix index"][0] for by_how in answers.values())
    for key, by_how in answers.items():
        assert by_how["prefix index"] == by_how["completions"], key
