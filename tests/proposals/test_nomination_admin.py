"""Issue #16: nomination moderation is found on the nomination's own page, in Vietnamese, and a
citizen's nomination cannot be copied."""

import re

import pytest

from django.urls import reverse

from exemplars.models import Nomination, NominationStatus
from tests.i18n.visible import visible_texts
from tests.moderation.helpers import team
from tests.proposals.helpers import accepted_nomination, people

pytestmark = pytest.mark.django_db


def _nomination(**changes) -> Nomination:
    data = {
        "subject_name": "Tổ nhặt rác thôn Đông",
        "subject_kind": "collective",
        "place_text": "thôn Đông",
        "what": "Tổ nhặt rác, chai nhựa dọc bờ biển mỗi sáng chủ nhật.",
        "when": "từ tháng 3/2025",
        "nominator_name": "Trần Văn An",
        "nominator_phone": "0912345678",
        "consent_statement": True,
    }
    data.update(changes)
    return Nomination.objects.create(**data)


def _header_links(html: str) -> dict[str, str]:
    """Header buttons (label → href) shown at the top of an admin page."""
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    links = {}
    for tag, label in re.findall(r"(<a[^>]*w-header-button[^>]*>)(.*?)</a>", header, re.S):
        href = re.search(r'href="([^"]+)"', tag).group(1).replace("&amp;", "&")
        links[" ".join(re.sub(r"<[^>]+>", " ", label).split())] = href
    return links


@pytest.mark.parametrize("view", ["inspect", "edit"])
def test_new_nomination_page_offers_check_accept_reject(client, view):
    nomination = _nomination()
    client.force_login(team()["editor"])
    html = client.get(reverse(f"wagtailsnippets_exemplars_nomination:{view}", args=[nomination.pk])).content.decode()
    buttons = _header_links(html)
    assert buttons.get("Bắt đầu xác minh") == reverse("exemplars_nomination_check", args=[nomination.pk])
    assert buttons.get("Chấp nhận") == reverse("exemplars_nomination_accept", args=[nomination.pk])
    assert buttons.get("Từ chối") == reverse("exemplars_nomination_reject", args=[nomination.pk])


def test_checking_nomination_no_longer_offers_check(client):
    nomination = _nomination(status=NominationStatus.CHECKING)
    client.force_login(team()["editor"])
    html = client.get(reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk])).content.decode()
    buttons = _header_links(html)
    assert "Bắt đầu xác minh" not in buttons
    assert {"Chấp nhận", "Từ chối"} <= set(buttons)


def test_accepted_nomination_offers_a_proposal_not_a_decision(client):
    users = people()
    nomination = accepted_nomination(users["editor"])
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk])).content.decode()
    buttons = _header_links(html)
    assert "Chấp nhận" not in buttons and "Từ chối" not in buttons
    assert buttons["Lập đề xuất khen thưởng"] == reverse("exemplars_proposal_create") + f"?nomination={nomination.pk}"


def test_readers_without_change_permission_see_no_decisions(client):
    nomination = _nomination()
    client.force_login(team()["approver"])  # may read nominations, not decide them
    response = client.get(reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk]))
    assert response.status_code == 200
    assert not {"Bắt đầu xác minh", "Chấp nhận", "Từ chối"} & set(_header_links(response.content.decode()))


def test_list_headers_are_vietnamese_and_there_is_no_copy(client):
    nomination = _nomination()
    client.force_login(team()["editor"])
    html = client.get(reverse("wagtailsnippets_exemplars_nomination:list")).content.decode()
    texts = visible_texts(html)
    assert "Place label" not in html
    for header in ("Mã giới thiệu", "Người, tập thể được giới thiệu", "Loại", "Địa bàn", "Tình trạng", "Thời điểm gửi"):
        assert header in texts, header
    # The row's "…" menu still has the decisions, and never a copy.
    assert "Chấp nhận" in texts and "Từ chối" in texts
    for url in (
        reverse("wagtailsnippets_exemplars_nomination:list"),
        reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk]),
        reverse("wagtailsnippets_exemplars_nomination:edit", args=[nomination.pk]),
    ):
        texts = visible_texts(client.get(url).content.decode())
        assert "Sao chép" not in texts and "Copy" not in texts, url
    assert client.get(f"/admin/snippets/exemplars/nomination/copy/{nomination.pk}/").status_code == 404
