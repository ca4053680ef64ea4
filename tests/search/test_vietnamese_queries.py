"""Accent-free, wrongly accented and fully accented queries find the same pages; exact first.

The same tests run on SQLite and, with DATABASE_URL pointing at PostgreSQL, on PostgreSQL.
"""

import pytest

from .conftest import search, titles
from .corpus import QUERIES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("expected", "accented", "plain", "wrong"), QUERIES, ids=[q[2] for q in QUERIES])
def test_every_form_finds_the_page_and_exact_ranks_first(client, corpus, expected, accented, plain, wrong):
    exact = search(client, q=accented)
    assert titles(exact)[0] == expected, titles(exact)
    for form in (plain, wrong):
        answer = search(client, q=form)
        assert expected in titles(answer)[:3], (form, titles(answer))
        # the folded forms find every page the accented form finds
        assert set(titles(exact)) <= set(titles(answer)), form


def test_exact_accent_outranks_a_folded_twin(client, corpus):
    assert titles(search(client, q="Nguyễn Văn Hùng"))[:2] == ["Nguyễn Văn Hùng", "Nguyên Văn Hùng"]
    assert titles(search(client, q="Nguyên Văn Hùng"))[:2] == ["Nguyên Văn Hùng", "Nguyễn Văn Hùng"]


def test_title_matches_rank_above_body_matches(client, corpus):
    # "Lý Sơn" is in the title of three pages and in the text of others.
    answer = search(client, q="ly son")
    in_title = [t for t in titles(answer) if "Lý Sơn" in t]
    assert titles(answer)[: len(in_title)] == in_title
    assert len(titles(answer)) > len(in_title)


def test_decomposed_unicode_input_matches(client, corpus):
    import unicodedata

    answer = search(client, q=unicodedata.normalize("NFD", "Võ Thị Thời"))
    assert titles(answer)[0] == "Võ Thị Thời"


def test_snippet_marks_matches_and_escapes_text(client, corpus):
    answer = search(client, q="heo dat")
    item = answer["items"][0]
    assert "<mark>heo</mark>" in item["snippet"]
    assert "<mark>đất</mark>" in item["snippet"]
