"""Issue #16, "Browser test": a proposal goes from an accepted citizen nomination through the
council to an award on a published profile — in Chromium, through the real Wagtail admin.

A citizen nominates on /gioi-thieu-guong/; an editor ("Biên tập viên") checks and accepts the
nomination on its own page, then drafts the proposal from it with a dossier file and passes it
through the unit's review; the emulation officer ("Cán bộ thi đua") sends it to the council; a
council member ("Thành viên Hội đồng TĐKT") records the session; the officer records the decision.
The profile drafted from the nomination is then published with the subject's consent (the
two-step publishing path has its own browser test, tests/browser/test_editorial.py) and the award
is on the public page.
"""

from __future__ import annotations

import datetime
import re

import pytest

from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import timezone

from exemplars.models import Award, ConsentRecord, Nomination, NominationStatus, Proposal, ProposalStatus
from home.editorial import COUNCIL_MEMBERS, EDITORS, EMULATION_OFFICERS
from tests import factories
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]
PASSWORD = "matkhau-thu-nghiem-1"
DOSSIER = b"%PDF-1.4 to trinh de nghi khen thuong (thu nghiem)"


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NOMINATION_PHOTO_ROOT = tmp_path / "nominations"
    settings.NOMINATION_RATE_LIMIT = (100, 3600)
    cache.clear()


def _user(username: str, group_name: str) -> User:
    user = User.objects.create_user(username, email=f"{username}@example.vn", password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def _log_in(new_page, live_server, user: User):
    page = new_page(1280, 900)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def _header_button(page, label: str):
    return page.locator("a.w-header-button", has_text=label)


def _step(page, label: str, confirm: str | None = None):
    """Click a step in the header of the proposal's page, then the step's own button."""
    _header_button(page, label).click()
    page.wait_for_selector("main form")
    with page.expect_navigation():
        page.locator("main form button[type=submit]", has_text=confirm or label).click()


def _success(page) -> str:
    return " ".join(page.locator(".messages").all_inner_texts())


def test_nomination_to_council_to_award_on_the_public_profile(new_page, live_server):
    places = factories.place_tree()
    factories.exemplar_index()
    award_type = factories.award_type("Giấy khen của Chủ tịch UBND đặc khu", level="commune")
    editor = _user("bientap", EDITORS)
    officer = _user("thiduakt", EMULATION_OFFICERS)
    council = _user("hoidong", COUNCIL_MEMBERS)
    today = timezone.localdate()

    # 1. A citizen nominates on the public form.
    visitor = new_page(1280, 900)
    visitor.goto(live_server.url + "/gioi-thieu-guong/")
    visitor.fill("#id_subject_name", "Bà Huỳnh Thị Nghĩa")
    visitor.select_option("#id_subject_kind", "individual")
    visitor.fill("#id_place_text", "thôn Đông")
    visitor.fill("#id_what", "Bà nấu cơm miễn phí cho học sinh nghèo ở thôn Đông suốt ba năm học.")
    visitor.fill("#id_when", "từ tháng 9/2022")
    visitor.fill("#id_nominator_name", "Trần Văn An")
    visitor.fill("#id_nominator_phone", "0912345678")
    visitor.check("#id_consent_statement")
    with visitor.expect_navigation():
        visitor.locator("form button[type=submit]", has_text="Gửi giới thiệu").click()
    nomination = Nomination.objects.get()
    assert nomination.reference in visitor.content()

    # 2. The editor opens the nomination's own page, checks and accepts it there.
    page = _log_in(new_page, live_server, editor)
    page.goto(live_server.url + "/admin/snippets/exemplars/nomination/")
    page.locator("table a", has_text=nomination.reference).first.click()
    page.wait_for_url(re.compile(r"/nomination/(inspect|edit)/"))
    if "/edit/" in page.url:
        page.goto(live_server.url + f"/admin/snippets/exemplars/nomination/inspect/{nomination.pk}/")
    assert _header_button(page, "Sao chép").count() == 0
    _step(page, "Bắt đầu xác minh")
    assert "đang xác minh" in _success(page)
    _header_button(page, "Chấp nhận").click()
    page.select_option("#id_place", str(places["dong"].pk))
    with page.expect_navigation():
        page.locator("main form button[type=submit]", has_text="Chấp nhận giới thiệu").click()
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ACCEPTED and nomination.exemplar is not None
    profile = nomination.exemplar

    # 3. From the accepted nomination: "Lập đề xuất khen thưởng", with a dossier file.
    page.goto(live_server.url + f"/admin/snippets/exemplars/nomination/inspect/{nomination.pk}/")
    _header_button(page, "Lập đề xuất khen thưởng").click()
    page.wait_for_selector("#id_award_type")
    page.select_option("#id_award_type", str(award_type.pk))
    page.fill("#id_proposing_unit", "Hội Liên hiệp Phụ nữ đặc khu Lý Sơn")
    page.set_input_files(
        "#id_dossier", files=[{"name": "to-trinh.pdf", "mimeType": "application/pdf", "buffer": DOSSIER}]
    )
    with page.expect_navigation():
        page.locator("main form button[type=submit]", has_text="Lập đề xuất").click()
    proposal = Proposal.objects.get()
    assert proposal.reference in _success(page) and "to-trinh.pdf" in page.content()
    _step(page, "Gửi đơn vị xem xét")
    _step(page, "Đơn vị chuyển cán bộ thi đua thẩm định")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OFFICER_REVIEW and proposal.proposed_on == today
    assert _header_button(page, "Trình Hội đồng TĐKT").count() == 0  # not the editor's step

    # 4. The emulation officer sends it to the council.
    page = _log_in(new_page, live_server, officer)
    page.goto(live_server.url + "/admin/proposals/")
    page.locator("table a", has_text=proposal.reference).first.click()
    _step(page, "Trình Hội đồng TĐKT")
    assert "đã trình Hội đồng" in _success(page)

    # 5. A council member records the session: date, members present, result.
    page = _log_in(new_page, live_server, council)
    page.goto(live_server.url + "/admin/proposals/")
    page.locator("table a", has_text=proposal.reference).first.click()
    _header_button(page, "Ghi kết quả họp Hội đồng").click()
    page.fill("#id_council_date", today.isoformat())
    page.fill("#id_council_members", "Ông Trần Văn Chủ — Chủ tịch Hội đồng\nBà Lê Thị Viên — Ủy viên")
    page.locator("input[name=council_result][value=recommend]").check()
    page.fill("#id_council_note", "Thống nhất 5/5.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "đã ghi kết quả xét của Hội đồng" in _success(page)
    assert "Chờ quyết định" in page.content()

    # 6. The officer records the decision; the award enters the register.
    page = _log_in(new_page, live_server, officer)
    page.goto(live_server.url + f"/admin/proposals/inspect/{proposal.pk}/")
    _header_button(page, "Ghi quyết định khen thưởng").click()
    page.fill("#id_decision_number", "215/QĐ-UBND")
    page.fill("#id_decision_date", today.isoformat())
    page.fill("#id_decision_signer", "Chủ tịch UBND đặc khu Lý Sơn")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "khen thưởng đã vào sổ" in _success(page)
    assert "Thời gian từ đề xuất đến quyết định" in page.content()
    screenshot(page, "proposal-decided")
    proposal.refresh_from_db()
    award = Award.objects.get(pk=proposal.award_id)
    assert award.page_id == profile.pk and award.proposed_on == today and award.resolved_level == "commune"

    # 7. The subject's consent is recorded and the profile published; the award is public.
    ConsentRecord.objects.create(
        page=profile,
        covers_story=True,
        given_on=today - datetime.timedelta(days=1),
        evidence_note="Phiếu đồng ý (dữ liệu thử nghiệm).",
    )
    profile.refresh_from_db()
    profile.get_latest_revision().publish()
    public = new_page(1280, 900)
    public.goto(live_server.url + profile.url)
    awards = public.locator("#h-awards + ol")
    assert "215/QĐ-UBND" in awards.inner_text()
    assert "Giấy khen của Chủ tịch UBND đặc khu" in awards.inner_text()
    screenshot(public, "proposal-award-on-profile")
