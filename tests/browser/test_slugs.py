"""The admin fills the slug from the title as `core.text.slugify_vi` does, in a real browser.

Wagtail's slug widget (Stimulus `w-slug`) has no Vietnamese table of its own: with ASCII slugs
it turned "Đảo Lý Sơn – Hội Phụ nữ" into "djo-ly-sn-hi-ph-n". The project's widget hands it
slugify_vi's letters, and a page created through the real form gets the same slug as one made
by the importer, a nomination or the demo (tests/content/test_slugs.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from exemplars.models import ExemplarPage
from tests import factories
from tests.browser.conftest import screenshot
from tests.browser.test_editorial import _log_in, _writer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]

TITLE = "Đảo Lý Sơn – Hội Phụ nữ"
SLUG = "dao-ly-son-hoi-phu-nu"


def test_writer_creates_a_page_and_the_slug_is_transliterated(new_page, live_server):
    place = factories.place_tree()["dong"]
    index = factories.exemplar_index()
    writer = _writer(index)
    assert live_server.url
    browser = _log_in(new_page, live_server, writer)
    browser.goto(f"{live_server.url}/admin/pages/add/exemplars/exemplarpage/{index.pk}/")

    # A slug typed by hand with accents is transliterated when the field is left.
    browser.get_by_role("tab", name="Quảng bá").click()
    slug = browser.locator("#id_slug")
    slug.fill("Đặc khu Lý Sơn")
    slug.blur()
    expect(slug).to_have_value("dac-khu-ly-son")
    slug.fill("")
    browser.get_by_role("tab", name="Nội dung").click()

    # The slug follows the title as it is typed, letter by letter.
    title = browser.locator("#id_title")
    title.click()
    title.press_sequentially("Đảo", delay=20)
    expect(slug).to_have_value("dao")  # the widget syncs after a short debounce
    title.press_sequentially(" Lý Sơn – Hội Phụ nữ", delay=10)
    title.blur()
    expect(slug).to_have_value(SLUG)

    # Save the draft through the real form.
    browser.select_option("#id_kind", "collective")
    browser.fill("#id_summary", "Hội Phụ nữ thôn Đông nhặt rác bờ biển mỗi sáng chủ nhật.")
    if browser.locator("select#id_place").count():
        browser.select_option("#id_place", str(place.pk))
    else:
        browser.evaluate(f"document.querySelector('#id_place').value = '{place.pk}'")
    with browser.expect_navigation():
        browser.locator("#page-edit-form button.action-save").first.click()  # "Lưu nháp"
    screenshot(browser, "admin-slug-created")
    page = ExemplarPage.objects.get(title=TITLE)
    assert page.slug == SLUG
