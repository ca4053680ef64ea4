"""Responsive images from small originals: every srcset lists each width once and validates.

Wagtail never upscales, so asking a 300 × 300 headshot for 320 and 640 px crops gives two
300 px renditions; a srcset naming the same width twice is invalid HTML and confuses browsers.
"""

from __future__ import annotations

import re

import pytest

from tests import factories
from tests.public import html_validator

pytestmark = pytest.mark.django_db


def srcset_widths(body: str) -> list[list[int]]:
    """The widths of every srcset in the document, in document order (a lone URL counts as [])."""
    return [[int(w) for w in re.findall(r"\s(\d+)w(?:,|$)", s)] for s in re.findall(r'srcset="([^"]+)"', body)]


@pytest.fixture
def small_headshots():
    places = factories.place_tree()
    medium = factories.exemplar(
        "Trần Thị Nhỏ",
        kind="individual",
        place=places["dong"],
        portrait=factories.image("Chân dung bà Trần Thị Nhỏ", size=(300, 300)),
        portrait_alt="Bà Trần Thị Nhỏ đứng trước nhà",
    )
    tiny = factories.exemplar(
        "Lê Văn Tí",
        kind="individual",
        place=places["dong"],
        # Portrait-shaped and smaller than the card's 160 px: the square crop is 120 px wide.
        portrait=factories.image("Chân dung ông Lê Văn Tí", size=(120, 200)),
        portrait_alt="Ông Lê Văn Tí trên thuyền",
    )
    return medium, tiny


def test_small_originals_give_distinct_srcset_widths_and_valid_html(client, small_headshots):
    medium, tiny = small_headshots
    pages = {"home": "/", "browse": "/dien-hinh/", "profile 300": medium.url, "profile 120": tiny.url}
    documents = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        documents[name] = body = response.content.decode()
        widths = srcset_widths(body)
        assert widths, f"{name}: no responsive image"
        for candidate in widths:
            assert len(candidate) == len(set(candidate)), f"{name}: repeated width in srcset {candidate}"
            assert all(w <= 300 for w in candidate), f"{name}: a width beyond the original {candidate}"

    # The profile asks for 240 and 480: a 300 px original gives 240 and its own 300, no more.
    assert [240, 300] in srcset_widths(documents["profile 300"])
    # The card asks for 80 and 160: the 120 px-wide original gives 80 and 120.
    assert [80, 120] in srcset_widths(documents["browse"])
    # The home page features the newest exemplar (the 120 px one) asking for 320 and 640:
    # it gets one 120 px image per format, and no `sizes` (invalid without width descriptors).
    featured = re.search(r"<picture>((?:(?!</picture>).)*featured-img.*?)</picture>", documents["home"], re.S)
    assert featured, "no featured portrait on the home page"
    assert "fill-120x120" in featured.group(1) and "fill-320x320" not in featured.group(1)
    assert "sizes=" not in featured.group(1)

    reason = html_validator.available()
    if reason:
        pytest.skip(reason)
    assert html_validator.validate(documents) == {}
