"""Queries as residents type them (`typing_queries.json`): cut-off last words, one-letter typos,
with and without accents, names, phrases and filters — against invented pages
(`typing_pages.py`). Each must put the expected page first, on SQLite and on PostgreSQL; a typo
that finds nothing must offer a correction and show what the correction finds."""

import json
from pathlib import Path

import pytest

from django.db import transaction

from tests import factories

from .conftest import search, titles
from .typing_pages import build_typing_pages

pytestmark = pytest.mark.django_db

QUERIES = json.loads((Path(__file__).parent / "typing_queries.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def typing_pages(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_typing_pages()
        transaction.set_rollback(True)


def test_the_query_set_covers_every_class():
    classes = {q["class"] for q in QUERIES}
    assert classes == {"prefix", "typo", "accented", "accent-free", "name", "phrase", "filtered"}
    assert len(QUERIES) >= 30


@pytest.mark.parametrize("case", QUERIES, ids=[f"{q['class']}:{q['q']}" for q in QUERIES])
def test_expected_page_ranks_first(client, typing_pages, case):
    answer = search(client, q=case["q"], **case.get("filters", {}))
    if case["class"] == "typo":
        assert answer["count"] == 0, titles(answer)
        assert answer["suggestion"]["kind"] == "spelling", answer["suggestion"]
        assert answer["corrected"]["q"] == answer["suggestion"]["q"]
        found = titles(answer["corrected"])
    else:
        found = titles(answer)
    assert found and found[0] == case["expected"], (case["q"], found)


def test_whole_word_ranks_above_prefix_only(client, typing_pages):
    # "le" is a whole word of "Dương Thị Mỹ Lệ" and the beginning of nothing else here that
    # matches "my" too; "tuong" whole beats a prefix-only match
    answer = search(client, q="duong thi my le")
    assert titles(answer)[0] == "Dương Thị Mỹ Lệ"
    answer = search(client, q="le van tuo")
    assert set(titles(answer)[:2]) == {"Lê Văn Tường", "Lê Văn Tưởng"}


def test_a_known_word_is_never_corrected(client, typing_pages):
    # "nghiem" is rarer than "nhiem" (nhiệm vụ, trách nhiệm) but it is a word of the index
    answer = search(client, q="thu nghiem")
    assert titles(answer)[0] == "Mô hình thử nghiệm trồng tỏi trong nhà lưới"
    assert answer["suggestion"] is None


def test_search_page_and_suggest_complete_the_last_word(client, typing_pages):
    page = client.get("/tim-kiem/", {"q": "trinh quoc kh"}).content.decode()
    assert "Trịnh Quốc Khánh" in page and "<mark>Khánh</mark>" in page
    names = [item["title"] for item in client.get("/api/v1/search/suggest", {"q": "dao thi bich lo"}).json()]
    assert names[0] == "Đào Thị Bích Loan"


def test_search_page_shows_the_corrected_results_under_the_notice(client, typing_pages):
    html = client.get("/tim-kiem/", {"q": "trinh quoc khnah"}).content.decode()
    assert "Có phải bạn muốn tìm" in html and "trinh quoc khanh" in html
    assert "Kết quả cho “trinh quoc khanh”" in html
    assert html.index("Có phải bạn muốn tìm") < html.index("Trịnh Quốc Khánh</a>")


def test_a_finished_last_word_is_a_prefix_again_once_a_longer_word_is_published(client, typing_pages):
    # "loan" begins no other word of these pages, so it is matched whole (the same matches,
    # less work); a page saying "loang" makes it the beginning of a word again, at once.
    assert titles(search(client, q="dau loan")) == []
    factories.exemplar(
        "Tổ tự quản bảo vệ môi trường thôn Đông",
        summary="Tổ xử lý vết dầu loang trên bãi biển sau mỗi đợt tàu cập bến.",
    )
    assert titles(search(client, q="dau loan")) == ["Tổ tự quản bảo vệ môi trường thôn Đông"]
    assert titles(search(client, q="dau loang")) == ["Tổ tự quản bảo vệ môi trường thôn Đông"]
