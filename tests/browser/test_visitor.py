"""A visitor on a 360 px phone: home → exemplars filtered by a thôn → a profile → search → nominate.

Also the accessibility (axe-core) check and screenshots at 360 and 1280 px of every page kind.
Search (/tim-kiem/, issue 5) and the nomination form (/gioi-thieu-guong/, issue 4) are built
on other branches: until they are merged, the steps that need them skip with that reason.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.public import content

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]

SEARCH_PENDING = "search page /tim-kiem/ is not on this branch yet (issue 5): enable when search lands"
NOMINATION_PENDING = "nomination form /gioi-thieu-guong/ is not on this branch yet (issue 4): enable when it lands"


@pytest.fixture
def sample():
    return content.build()


def goto(page, url: str):
    response = page.goto(url)
    page.wait_for_load_state("load")
    return response


def test_visitor_on_a_phone_filters_by_thon_and_opens_a_profile(new_page, live_server, sample):
    page = new_page(360)
    goto(page, live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "Gương Sáng"
    # Nothing wider than the phone: no horizontal scrolling at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.get_by_role("link", name="Giới thiệu một tấm gương").get_attribute("href") == "/gioi-thieu-guong/"

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Điển hình").click()
    page.wait_for_url(re.compile(r"/dien-hinh/$"))
    page.locator("details.facet", has_text="Thôn, tổ dân phố").get_by_role(
        "link", name=re.compile(r"^Thôn Đông")
    ).click()
    page.wait_for_url(re.compile(r"thon="))
    metas = page.locator(".results .card .meta").all_inner_texts()
    assert metas and all("Thôn Đông" in m for m in metas)
    assert page.get_by_text("Nguyễn Văn Rút").count() == 0  # consent withdrawn
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Nguyễn Văn Biển").click()
    page.wait_for_url(re.compile(r"/dien-hinh/nguyen-van-bien"))
    assert page.locator("h1").inner_text() == "Nguyễn Văn Biển"
    assert page.get_by_text("nay là đặc khu Lý Sơn").first.is_visible()
    # The portrait loaded (a real rendition, in a format Chromium picked from the <picture>).
    portrait = page.locator(".portrait img")
    assert portrait.evaluate("img => img.complete && img.naturalWidth > 0")
    assert re.search(r"\.(avif|webp)$", portrait.evaluate("img => img.currentSrc"))
    # The font in use is the self-hosted Be Vietnam Pro, with Vietnamese glyphs loaded.
    assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"', 'Nguyễn Văn Biển')")


def test_visitor_searches_without_accents(new_page, live_server, sample):
    page = new_page(360)
    goto(page, live_server.url + "/")
    page.get_by_role("searchbox").fill("nguyen")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_load_state("load")
    if page.url.startswith(live_server.url + "/tim-kiem/") and page.title().startswith("Không tìm thấy trang"):
        pytest.skip(SEARCH_PENDING)
    assert page.get_by_role("link", name=re.compile(r"^Nguyễn")).first.is_visible()
    assert page.get_by_text("Nguyễn Văn Rút").count() == 0
    # On the phone the results come first and the facets below them, folded but for one.
    results_top = page.locator(".search-results").bounding_box()["y"]
    assert results_top < page.locator(".search-facets").bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    place = page.locator("details.facet", has_text="Địa bàn")
    assert place.get_attribute("open") is None
    place.locator("summary").focus()
    page.keyboard.press("Enter")  # <details> opens from the keyboard, without our JavaScript
    option = place.get_by_role("link", name=re.compile(r"^Thôn Đông"))
    assert option.is_visible()
    option.click()
    page.wait_for_url(re.compile(r"place="))
    chip = page.get_by_role("list", name="Bộ lọc đang dùng").get_by_role(
        "link", name=re.compile(r"^Địa bàn: Thôn Đông")
    )
    chip.click()
    page.wait_for_load_state("load")
    assert "place=" not in page.url and "q=nguyen" in page.url


def test_visitor_nominates_someone_and_gets_a_reference(new_page, live_server, sample):
    page = new_page(360)
    response = goto(page, live_server.url + "/gioi-thieu-guong/")
    if response.status == 404:
        pytest.skip(NOMINATION_PENDING)
    # Filled in as a person would, by the visible labels (issue 4's form).
    page.get_by_label("Người, tập thể hoặc mô hình bạn muốn giới thiệu").fill("Anh Nguyễn Văn Tốt")
    page.get_by_label("Đây là").select_option(label="Một người")
    page.get_by_label("Thôn, tổ dân phố").select_option(label="Thôn Đông")
    page.get_by_label("Họ đã làm việc tốt gì?").fill(
        "Anh Tốt đã bơi ra cứu hai em nhỏ bị sóng cuốn ở bãi Hang Câu, rồi đưa các em vào trạm y tế."
    )
    page.get_by_label("Khi nào?").fill("Chiều 1/6/2024")
    page.get_by_label("Họ tên của bạn").fill("Trần Thị Người Gửi")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.locator("input[name='consent_statement']").check()
    page.get_by_role("button", name="Gửi giới thiệu").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Cảm ơn bạn!", page.locator("main").inner_text()
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"[A-Z0-9][A-Z0-9-]{4,}", reference), reference
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


PAGES = {
    "home": lambda s: "/",
    "browse": lambda s: "/dien-hinh/",
    "profile": lambda s: s.individual.url,
    "model": lambda s: s.model.url,
    "campaign": lambda s: s.campaign.url,
    "story": lambda s: s.story.url,
    "about": lambda s: s.about.url,
    "search": lambda s: "/tim-kiem/?q=nguyen",
    "search-filtered": lambda s: "/tim-kiem/?q=nguyen&type=exemplar&kind=individual",
    "nomination": lambda s: "/gioi-thieu-guong/",
    "not-found": lambda s: "/khong-co-trang-nay/",
}
PENDING = {"search": SEARCH_PENDING, "search-filtered": SEARCH_PENDING, "nomination": NOMINATION_PENDING}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_accessible_and_screenshotted(new_page, live_server, sample, name):
    found = []
    for width in (360, 1280):
        page = new_page(width)
        response = goto(page, live_server.url + PAGES[name](sample))
        if name in PENDING and response.status == 404:
            pytest.skip(PENDING[name])
        page.evaluate("() => document.fonts.ready")
        # Lazy images below the fold: scroll through so the screenshot shows them.
        page.evaluate("() => { document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager'); }")
        page.wait_for_load_state("networkidle")
        assert screenshot(page, name).stat().st_size > 0
        found += [dict(v, width=width) for v in axe_violations(page)]
    assert found == []


def test_keyboard_user_can_skip_to_content_and_sees_focus(new_page, live_server, sample):
    page = new_page(1280)
    goto(page, live_server.url + "/dien-hinh/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Bỏ qua, đến nội dung chính"
    assert skip.evaluate("el => el.getBoundingClientRect().left >= 0")  # visible when focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    # The first focusable thing after the skip target is inside <main>, with a visible outline.
    assert focused.evaluate("el => !!el.closest('main')")
    outline = focused.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px")
