"""A small public corpus for the visibility walks: a collective, a campaign, a story, both on air."""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

from tests import factories

from .surfaces import put_on_air


def corpus(*, person: bool = False) -> dict:
    """Public pages linked to each other the way the site links them. With `person`, an
    individual (with consent) is linked to the story too, and a second story does not link them."""
    crew = factories.exemplar(
        "Tổ cứu hộ Hải Đăng Lý Sơn", kind="collective", summary="Mười hai thuyền viên trực cứu hộ suốt mùa bão."
    )
    campaign = factories.campaign("Phong trào Ngư dân bám biển giữ đảo", exemplars=[crew])
    linked = [crew]
    pages = {"crew": crew, "campaign": campaign}
    if person:
        pages["person"] = factories.exemplar(
            "Bà Trương Thị Biển Xanh", kind="individual", summary="Bà nấu cơm cho đội cứu hộ suốt ba ngày bão."
        )
        linked.append(pages["person"])
    pages["story"] = factories.story(
        "Đêm bão đội Hải Đăng kéo tàu cá vào bờ",
        exemplars=linked,
        campaigns=[campaign],
        lead="Gió giật cấp 10, đội cứu hộ kéo chiếc tàu cá gãy chân vịt vào âu thuyền.",
        date=datetime.date(2025, 9, 20),
    )
    pages["other_story"] = factories.story(
        "Ngư dân An Hải góp dầu cho tàu bạn",
        exemplars=[crew],
        campaigns=[campaign],
        lead="Hai tàu cá thôn An Hải chia dầu cho tàu bạn hết nhiên liệu giữa biển.",
        date=datetime.date(2025, 9, 1),
    )
    put_on_air(crew, pages["story"], pages["other_story"])
    return pages


def publish_with_expiry(page, *, hours: int = 1):
    """Publish `page` with an expiry time ahead, as an editor sets it in the page's settings."""
    page = page.specific
    page.expire_at = timezone.now() + datetime.timedelta(hours=hours)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@contextmanager
def hours_later(hours: int):
    """The clock `hours` on (Django's `timezone.now`, which the rule reads): the state between
    a page's expiry time and the next run of `publish_scheduled`, with every stored value —
    the page's and the search index's copy — written by the real publishing code."""
    later = timezone.now() + datetime.timedelta(hours=hours)
    with mock.patch("django.utils.timezone.now", return_value=later):
        yield later
