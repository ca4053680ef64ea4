"""Titles in Vietnamese alphabetical order (a, ă, â, b, c, d, đ, e, ê, …), across pages too."""

from __future__ import annotations

import random
import re

import pytest

from core.text import vi_sort_key
from exemplars.browse import PER_PAGE
from tests import factories

pytestmark = pytest.mark.django_db

# Written out by hand in dictionary order: letters first (ă, â after a; đ after d; ê after e;
# ô, ơ after o; ư after u), tone marks only breaking ties (ngang, huyền, hỏi, ngã, sắc, nặng).
TITLES_IN_ORDER = [
    "An Hải",
    "Anh Thư",
    "Ăn ở có nghĩa",
    "Ân tình biển đảo",
    "Bà Dần",
    "Cô Ba",
    "Dũng cảm cứu người",
    "Đặng Thị Mai",
    "Đội tàu Hoàng Sa",
    "Em Hạnh",
    "Ê-kíp thanh niên",
    "Hộ ông Ba",
    "Nguyễn Văn An",
    "Nguyễn Văn Ảnh",
    "Nguyễn Văn Ánh",
    "Ô Ly",
    "Ơn nghĩa",
    "Uyên",
    "Ưng Hòa",
    "Zuong thử nghiệm",
]


def test_sort_key_orders_vietnamese_letters_and_tones():
    shuffled = TITLES_IN_ORDER[:]
    random.Random(7).shuffle(shuffled)
    # Tones break ties in the order ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted(["bạ", "bá", "bã", "bả", "bà", "ba"], key=vi_sort_key) == ["ba", "bà", "bả", "bã", "bá", "bạ"]
    # ậ, ặ, ợ: the dot below comes before the letter's own mark after Unicode decomposition.
    assert sorted(["Ậu", "Âu", "Au", "Ặc", "Ac"], key=vi_sort_key) == ["Ac", "Au", "Ặc", "Âu", "Ậu"]
    assert sorted(shuffled, key=vi_sort_key) == TITLES_IN_ORDER


def test_browse_lists_titles_in_vietnamese_order_across_pages(client):
    assert len(TITLES_IN_ORDER) > PER_PAGE  # so the order must hold across two pages
    shuffled = TITLES_IN_ORDER[:]
    random.Random(3).shuffle(shuffled)  # created in an order unrelated to the answer
    place = factories.place_tree()["dong"]
    for title in shuffled:
        factories.exemplar(title, kind="collective", place=place)

    listed = []
    for number in (1, 2):
        body = client.get("/dien-hinh/", {"trang": number}).content.decode()
        listed += re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    assert listed == TITLES_IN_ORDER
    # The old database order put every "Đ…", "Ô…", "Ư…" title after "Z…".
    assert listed.index("Đặng Thị Mai") < listed.index("Em Hạnh") < listed.index("Zuong thử nghiệm")
