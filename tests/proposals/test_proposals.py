"""Issue #16 part 5: an award proposal from an accepted nomination (or a profile) through the unit,
the emulation officer and the council to a decision that enters the award register — each step
permission-checked, logged and answered in Vietnamese. Driven through the real admin views."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry

from exemplars.models import Award, Proposal, ProposalStatus
from exemplars.models.proposals import PROPOSAL_COLLECTION_NAME
from home.editorial import COUNCIL_MEMBERS, EDITORS, EMULATION_OFFICERS
from tests import factories
from tests.moderation.helpers import assert_refused
from tests.proposals.helpers import accepted_nomination, inspect_url, people, step_url

pytestmark = pytest.mark.django_db

DOSSIER = b"%PDF-1.4 to trinh de nghi khen thuong ba Nguyen Thi Lanh"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _create(client, nomination, award_type, **extra):
    data = {
        "nomination": nomination.pk,
        "exemplar": nomination.exemplar_id,
        "award_type": award_type.pk,
        "proposing_unit": "Hội Liên hiệp Phụ nữ đặc khu Lý Sơn",
        "reasons": "Ba năm nấu cơm miễn phí cho học sinh nghèo.",
        "dossier": [SimpleUploadedFile("to-trinh.pdf", DOSSIER, content_type="application/pdf")],
    }
    data.update(extra)
    return client.post(reverse("exemplars_proposal_create") + f"?nomination={nomination.pk}", data)


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_the_roles_exist_with_their_permissions():
    officer = Group.objects.get(name=EMULATION_OFFICERS)
    council = Group.objects.get(name=COUNCIL_MEMBERS)
    codes = set(officer.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_proposal", "review_proposal", "decide_proposal", "add_award", "change_award"} <= codes
    assert "council_proposal" not in codes
    assert set(council.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_proposal",
        "council_proposal",
    }
    assert "add_proposal" in Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True)
    restriction = CollectionViewRestriction.objects.get(collection__name=PROPOSAL_COLLECTION_NAME)
    assert {g.name for g in restriction.groups.all()} == {EMULATION_OFFICERS, COUNCIL_MEMBERS, EDITORS}


def test_from_accepted_nomination_to_decision_and_the_register(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    profile = nomination.exemplar
    award_type = factories.award_type("Bằng khen của Chủ tịch UBND tỉnh", category="commendation", level="province")

    # The editor drafts the proposal from the accepted nomination, with a dossier file.
    client.force_login(users["editor"])
    form = client.get(reverse("exemplars_proposal_create") + f"?nomination={nomination.pk}")
    assert form.status_code == 200 and nomination.reference in form.content.decode()
    response = _create(client, nomination, award_type)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == inspect_url(proposal)
    assert proposal.status == ProposalStatus.DRAFT and proposal.exemplar == profile
    assert proposal.nomination == nomination and proposal.recipient_name == "Bà Nguyễn Thị Lành"
    page = client.get(inspect_url(proposal)).content.decode()
    assert "Đang soạn" in page and "Gửi đơn vị xem xét" in page and "to-trinh.pdf" in page

    # The dossier is private: a Wagtail document in the restricted collection.
    document = proposal.documents.get().document
    assert document.collection == Collection.objects.get(name=PROPOSAL_COLLECTION_NAME)
    client.logout()
    assert client.get(document.url).status_code == 403
    client.force_login(users["writer"])
    assert client.get(document.url).status_code == 403
    client.force_login(users["council"])
    assert client.get(document.url).status_code == 200

    # Draft → unit review → emulation officer.
    client.force_login(users["editor"])
    assert client.post(step_url(proposal, "submit")).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.UNIT_REVIEW and proposal.proposed_on == TODAY
    # The editor cannot send it to the council: that is the officer's step.
    response = client.get(step_url(proposal, "unit_approve"), follow=True)
    assert response.status_code == 200
    response = client.post(step_url(proposal, "unit_approve"), follow=True)
    assert "đơn vị đã chuyển cán bộ thi đua thẩm định" in " ".join(_messages(response))
    assert_refused(client.post(step_url(proposal, "to_council")))

    # The officer reviews and sends it to the council.
    client.force_login(users["officer"])
    page = client.get(inspect_url(proposal)).content.decode()
    assert "Trình Hội đồng TĐKT" in page
    response = client.post(step_url(proposal, "to_council"), follow=True)
    assert "đã trình Hội đồng Thi đua – Khen thưởng" in " ".join(_messages(response))
    assert_refused(client.post(step_url(proposal, "council"), {}))  # officers do not vote

    # A council member sees it, and records the session.
    client.force_login(users["council"])
    listing = client.get(reverse("exemplars_proposal:index")).content.decode()
    assert inspect_url(proposal) in listing
    url = step_url(proposal, "council")
    response = client.post(url, {"council_date": "", "council_members": "", "council_result": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hãy ghi ngày họp." in html and "Hãy ghi các thành viên dự họp." in html and "Hãy chọn kết quả xét." in html
    session = TODAY - datetime.timedelta(days=0)
    response = client.post(
        url,
        {
            "council_date": session.isoformat(),
            "council_members": "Ông Trần Văn Chủ tịch — Chủ tịch Hội đồng\nBà Lê Thị Ủy viên — Ủy viên",
            "council_result": "recommend",
            "council_note": "Thống nhất 5/5.",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_DECISION
    assert proposal.council_member_list == ["Ông Trần Văn Chủ tịch — Chủ tịch Hội đồng", "Bà Lê Thị Ủy viên — Ủy viên"]
    assert_refused(client.post(step_url(proposal, "decide"), {}))  # the council does not sign

    # The officer records the decision: the award enters the register, linked to the profile.
    client.force_login(users["officer"])
    decision = {
        "decision_number": "125/QĐ-UBND",
        "decision_date": TODAY.isoformat(),
        "decision_signer": "Chủ tịch UBND tỉnh Quảng Ngãi",
    }
    response = client.post(step_url(proposal, "decide"), decision, follow=True)
    assert "đã ghi quyết định; khen thưởng đã vào sổ" in " ".join(_messages(response))
    proposal.refresh_from_db()
    award = Award.objects.get(pk=proposal.award_id)
    assert proposal.status == ProposalStatus.DECIDED
    assert award.page_id == profile.pk and award.award_type == award_type
    assert award.decision_number == "125/QĐ-UBND" and award.issuer_as_printed == "Chủ tịch UBND tỉnh Quảng Ngãi"
    assert (award.decision_date - proposal.proposed_on).days == proposal.days_to_decision == 0
    page = client.get(inspect_url(proposal)).content.decode()
    assert "Thời gian từ đề xuất đến quyết định" in page
    assert f'href="{reverse("so-khen-thuong:edit", args=[award.pk])}"' in page  # to the register entry

    # Every step is in the history, with who did it.
    steps = list(
        ModelLogEntry.objects.filter(content_type__model="proposal", object_id=str(proposal.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert steps == [
        ("exemplars.proposal.create", "bientap"),
        ("exemplars.proposal.document", "bientap"),
        ("exemplars.proposal.submit", "bientap"),
        ("exemplars.proposal.unit_approve", "bientap"),
        ("exemplars.proposal.to_council", "thiduakt"),
        ("exemplars.proposal.council", "hoidong"),
        ("exemplars.proposal.decide", "thiduakt"),
    ]
    history = client.get(reverse("exemplars_proposal:history", args=[proposal.pk])).content.decode()
    assert "Ghi quyết định khen thưởng" in history or "Đề xuất: quyết định" in history
    assert inspect_url(proposal) in history and "Xem đề xuất" in history


def test_a_step_out_of_order_is_refused_in_vietnamese(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    client.force_login(users["officer"])
    response = client.post(
        step_url(proposal, "decide"),
        {"decision_number": "1/QĐ", "decision_date": TODAY.isoformat(), "decision_signer": "Chủ tịch UBND"},
        follow=True,
    )
    message = " ".join(_messages(response))
    assert "Không thể “Ghi quyết định khen thưởng”" in message and "“Đang soạn”" in message
    assert "“Chờ quyết định”" in message
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT and Award.objects.count() == 0
    assert client.get(step_url(proposal, "no-such-step"), follow=True).status_code == 200


def test_return_sends_back_to_drafting_and_decline_closes(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    client.post(step_url(proposal, "submit"))
    client.post(step_url(proposal, "unit_approve"))
    client.force_login(users["officer"])
    response = client.post(step_url(proposal, "return"), {"reason": ""})
    assert response.status_code == 200 and "Hãy ghi lý do." in response.content.decode()
    client.post(step_url(proposal, "return"), {"reason": "Thiếu báo cáo thành tích có xác nhận."})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT and proposal.return_note.startswith("Thiếu báo cáo")
    # Drafting again: the editor may edit it; after resubmitting, the proposal date stays the first one.
    client.force_login(users["editor"])
    assert client.get(reverse("exemplars_proposal:edit", args=[proposal.pk])).status_code == 200
    first = proposal.proposed_on
    client.post(step_url(proposal, "submit"))
    client.post(step_url(proposal, "unit_approve"))
    proposal.refresh_from_db()
    assert proposal.proposed_on == first
    # Not editable outside drafting.
    response = client.get(reverse("exemplars_proposal:edit", args=[proposal.pk]), follow=True)
    assert "Chỉ sửa được đề xuất đang soạn" in " ".join(_messages(response))
    client.force_login(users["officer"])
    client.post(step_url(proposal, "decline"), {"reason": "Chưa đủ tiêu chuẩn."})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED and proposal.decline_reason == "Chưa đủ tiêu chuẩn."


def test_council_not_recommending_means_no_award(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    client.post(step_url(proposal, "submit"))
    client.post(step_url(proposal, "unit_approve"))
    client.force_login(users["officer"])
    client.post(step_url(proposal, "to_council"))
    client.force_login(users["council"])
    client.post(
        step_url(proposal, "council"),
        {"council_date": TODAY.isoformat(), "council_members": "Ông A", "council_result": "not_recommend"},
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED and Award.objects.count() == 0


def test_council_members_see_only_proposals_at_the_council(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    client.force_login(users["council"])
    assert inspect_url(proposal) not in client.get(reverse("exemplars_proposal:index")).content.decode()
    assert client.get(inspect_url(proposal)).status_code == 404
    # Writers and radio editors do not see proposals at all.
    for role in ("writer", "radio"):
        client.force_login(users[role])
        assert_refused(client.get(reverse("exemplars_proposal:index")))
        assert_refused(client.get(reverse("exemplars_proposal_create")))


def test_from_a_profile_the_page_offers_the_proposal(client):
    users = people()
    profile = factories.exemplar("Tổ tàu cá Nguyễn Đông Hải", kind="collective")
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk])).content.decode()
    url = reverse("exemplars_proposal_create") + f"?exemplar={profile.pk}"
    assert url.replace("&", "&amp;") in html or url in html
    form = client.get(url).content.decode()
    assert f'<option value="{profile.pk}" selected>' in form
    response = client.post(
        url, {"exemplar": profile.pk, "award_type": factories.award_type().pk, "reasons": "Cứu nạn trên biển."}
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and proposal.exemplar == profile and proposal.recipient_kind == "collective"
    # Without a profile or a reason: Vietnamese errors.
    response = client.post(reverse("exemplars_proposal_create"), {"award_type": "", "reasons": ""})
    html = response.content.decode()
    assert "Hãy chọn hồ sơ điển hình được đề xuất." in html and "Hãy chọn hình thức khen thưởng đề nghị." in html


def test_dossier_files_are_checked(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    response = _create(
        client, nomination, factories.award_type(), dossier=[SimpleUploadedFile("virus.exe", b"MZ", content_type="")]
    )
    assert response.status_code == 200 and "không đúng loại" in response.content.decode()
    assert Proposal.objects.count() == 0


def test_decision_before_the_proposal_date_is_refused(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    client.post(step_url(proposal, "submit"))
    client.post(step_url(proposal, "unit_approve"))
    client.force_login(users["officer"])
    client.post(step_url(proposal, "to_council"))
    client.force_login(users["council"])
    client.post(
        step_url(proposal, "council"),
        {"council_date": TODAY.isoformat(), "council_members": "Ông A", "council_result": "recommend"},
    )
    client.force_login(users["officer"])
    response = client.post(
        step_url(proposal, "decide"),
        {
            "decision_number": "9/QĐ-UBND",
            "decision_date": (TODAY - datetime.timedelta(days=30)).isoformat(),
            "decision_signer": "Chủ tịch UBND đặc khu Lý Sơn",
        },
    )
    assert response.status_code == 200
    assert "Ngày quyết định không thể trước ngày đề xuất." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_DECISION and Award.objects.count() == 0


def test_proposal_admin_pages_are_vietnamese(client):
    from tests.i18n.test_admin_vietnamese import english_left

    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    urls = [
        reverse("exemplars_proposal:index"),
        inspect_url(proposal),
        reverse("exemplars_proposal:edit", args=[proposal.pk]),
        reverse("exemplars_proposal:history", args=[proposal.pk]),
        reverse("exemplars_proposal_create") + f"?nomination={nomination.pk}",
        reverse("exemplars_proposal_files", args=[proposal.pk]),
        step_url(proposal, "submit"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert english_left(response.content.decode()) == set(), url
    client.post(step_url(proposal, "submit"))
    client.post(step_url(proposal, "unit_approve"))
    client.force_login(users["officer"])
    client.post(step_url(proposal, "to_council"))
    client.force_login(users["council"])
    html = client.get(step_url(proposal, "council")).content.decode()
    assert "Ngày họp Hội đồng" in html and "Đề nghị khen thưởng" in html and "Không đề nghị" in html
    assert english_left(html) == set()


def test_nothing_about_a_proposal_is_reachable_anonymously(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    _create(client, nomination, factories.award_type())
    proposal = Proposal.objects.get()
    client.logout()
    for url in (
        reverse("exemplars_proposal:index"),
        inspect_url(proposal),
        reverse("exemplars_proposal:history", args=[proposal.pk]),
        reverse("exemplars_proposal_create"),
        reverse("exemplars_proposal_files", args=[proposal.pk]),
        step_url(proposal, "submit"),
    ):
        response = client.post(url) if url.endswith("/submit/") else client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    for url in ("/", "/api/v2/pages/?limit=50", "/api/v1/stats/awards", "/thong-ke/"):
        assert "Ba năm nấu cơm miễn phí" not in client.get(url).content.decode()
