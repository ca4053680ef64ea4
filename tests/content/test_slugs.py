"""One slug rule for every page, however it is made: `core.text.slugify_vi`.

The same title gives the same slug through each way a page comes to exist: the admin's form
(its slug widget here; creating a page in a real browser is tests/browser/test_slugs.py), a page
saved without a slug (Wagtail's server-side default), the spreadsheet importer, an accepted
citizen nomination and the demo content.
"""

from __future__ import annotations

import io
import unicodedata

import pytest

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Page, get_page_models

from core.slugs import SlugFromTitleMixin, VietnameseSlugInput
from core.text import slug_transliterations, slugify_vi
from exemplars.models import ExemplarPage
from tests import factories
from tests.moderation.helpers import team

TITLE = "Đảo Lý Sơn – Hội Phụ nữ"
SLUG = "dao-ly-son-hoi-phu-nu"


# -- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (TITLE, SLUG),
        ("Đội dân phòng xã An Bình", "doi-dan-phong-xa-an-binh"),
        ("Nguyễn Thị Hường: “Ươm mầm” ở Lý Sơn!", "nguyen-thi-huong-uom-mam-o-ly-son"),
        ("ĐẶNG VĂN ĐỨC", "dang-van-duc"),
        ("Tổ 3 — 2024/2025", "to-3-20242025"),
        ("  ", ""),
    ],
)
def test_slugify_vi_keeps_every_letter(title, slug):
    assert slugify_vi(title) == slug
    # Typed decomposed (NFD, as some Vietnamese keyboards do), the same slug.
    assert slugify_vi(unicodedata.normalize("NFD", title)) == slug


def test_a_long_title_is_cut_between_words():
    title = " ".join(["Đảo Lý Sơn"] * 30)
    slug, whole = slugify_vi(title), slugify_vi(title, max_length=1000)
    assert len(slug) <= 255 and whole.startswith(slug) and whole[len(slug)] == "-"
    assert slugify_vi("Đảo Lý Sơn", max_length=8) == "dao-ly"


def test_the_browser_table_is_the_same_rule():
    """The admin widget's letter table gives, letter by letter, what slugify_vi gives."""
    import re

    table = slug_transliterations()
    for pattern, replacement in table[:-1]:
        for letter in pattern.strip("[]"):
            assert slugify_vi(letter) == replacement.lower() or not slugify_vi(letter), letter
    text = "Đảo Lý Sơn – Hội Phụ nữ, Ươm mầm, ẩm thực, Đặng Ỷ"
    for pattern, replacement in table:
        text = re.sub(pattern, replacement, text)
    assert all(c.isascii() for c in text if c.isalpha()) and slugify_vi(text) == slugify_vi(
        "Đảo Lý Sơn – Hội Phụ nữ, Ươm mầm, ẩm thực, Đặng Ỷ"
    )


def test_every_page_model_uses_the_rule():
    models = [m for m in get_page_models() if m is not Page]
    assert len(models) >= 6
    missing = [m.__name__ for m in models if not issubclass(m, SlugFromTitleMixin)]
    assert not missing, f"page models without SlugFromTitleMixin: {missing}"


# -- each way a page is made --------------------------------------------------------------------


@pytest.mark.django_db
def test_page_saved_without_a_slug():
    factories.place_tree()
    index = factories.exemplar_index()
    first = ExemplarPage(title=TITLE, kind="collective", place=factories.place_tree()["dong"], summary="Tóm tắt.")
    index.add_child(instance=first)
    second = ExemplarPage(title=TITLE, kind="collective", place=factories.place_tree()["dong"], summary="Tóm tắt.")
    index.add_child(instance=second)
    assert (first.slug, second.slug) == (SLUG, f"{SLUG}-2")
    assert first.url == f"/dien-hinh/{SLUG}/"


def test_admin_slug_widget_carries_the_rule():
    """Every page form's slug field uses the widget with slugify_vi's letter table."""
    import json
    import re

    for model in [ExemplarPage, *[m for m in get_page_models() if m is not Page]]:
        widget = model.get_edit_handler().get_form_class().base_fields["slug"].widget
        assert isinstance(widget, VietnameseSlugInput), model.__name__
    attrs = widget.attrs
    assert attrs["data-w-slug-allow-unicode-value"] is False  # WAGTAIL_ALLOW_UNICODE_SLUGS = False
    pairs = json.loads(attrs["data-w-slug-formatters-value"])
    text = TITLE
    for (pattern, _flags), replacement in pairs:
        text = re.sub(pattern, replacement, text)
    assert text == "Dao Ly Son – Hoi Phu nu"


@pytest.mark.django_db
def test_importer(tmp_path):
    from django.core.management import call_command

    from tests.content.test_import import HEADERS_VI, write_csv

    factories.place_tree()
    factories.exemplar_index()
    row = ["1", "LS-100", "tập thể", TITLE, "thon dong"] + [""] * (len(HEADERS_VI) - 5)
    call_command("import_exemplars", str(write_csv(tmp_path / "a.csv", [row])), stdout=io.StringIO())
    assert ExemplarPage.objects.get(external_code="LS-100").slug == SLUG
    # A second exemplar of the same name: the next free slug, as Wagtail numbers them.
    row[1] = "LS-101"
    call_command("import_exemplars", str(write_csv(tmp_path / "b.csv", [row])), stdout=io.StringIO())
    assert ExemplarPage.objects.get(external_code="LS-101").slug == f"{SLUG}-2"


@pytest.mark.django_db
def test_nomination_acceptance(client, settings, tmp_path):
    from exemplars.nominations import Nomination

    cache.clear()
    settings.NOMINATION_PHOTO_ROOT = tmp_path / "nominations"
    place = factories.place_tree()["dong"]
    factories.exemplar_index()
    payload = {
        "subject_name": TITLE,
        "subject_kind": "collective",
        "place_text": "thôn Đông",
        "what": "Hội Phụ nữ thôn Đông ra quân nhặt rác bờ biển mỗi sáng chủ nhật.",
        "when": "từ năm 2023",
        "nominator_name": "Trần Văn An",
        "nominator_phone": "0912 345 678",
        "consent_statement": True,
    }
    assert client.post("/api/v1/nominations", payload, content_type="application/json").status_code == 201
    nomination = Nomination.objects.get()
    client.force_login(team()["editor"])
    client.post(reverse("exemplars_nomination_check", args=[nomination.pk]))
    response = client.post(
        reverse("exemplars_nomination_accept", args=[nomination.pk]), {"title": TITLE, "place": place.pk}
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert ExemplarPage.objects.get(pk=nomination.exemplar_id).slug == SLUG
    cache.clear()


def test_demo_content():
    from demo import content
    from demo.seeding import _slug

    assert _slug({"key": "exemplar:x", "title": TITLE}) == SLUG
    # The demo's pages keep the URLs they had: their own short slug, else the key's suffix.
    for spec in [*content.EXEMPLARS, *content.STORIES, *content.CAMPAIGNS, *content.INDEXES, content.ABOUT]:
        assert _slug(spec) == (spec.get("slug") or spec["key"].split(":", 1)[1]), spec["key"]


@pytest.mark.django_db
def test_seed_demo_pages_follow_the_rule():
    """Every page seed_demo makes has an ASCII slug that the rule leaves as it is."""
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    slugs = list(Page.objects.filter(depth__gt=2).values_list("slug", flat=True))
    assert len(slugs) > 40
    assert all(slugify_vi(slug) == slug for slug in slugs)
