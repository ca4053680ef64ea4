"""A decided proposal's award appears on the public profile (when consent allows) as soon as it is
recorded, and the days from proposal to decision are stored for the timeliness statistics."""

import datetime

import pytest

from django.utils import timezone

from exemplars import proposals as process
from exemplars.models import Award, ProposalStatus
from tests import factories
from tests.proposals.helpers import people

pytestmark = pytest.mark.django_db


def _decide(users, profile, *, proposed_on=None, number="77/QĐ-UBND", decided_on=None):
    award_type = factories.award_type("Giấy khen của Chủ tịch UBND đặc khu", level="commune")
    proposal = process.create_proposal(users["editor"], exemplar=profile, award_type=award_type, reasons="Cứu người.")
    process.apply(proposal, users["editor"], "submit")
    if proposed_on:
        type(proposal).objects.filter(pk=proposal.pk).update(proposed_on=proposed_on)
    process.apply(proposal, users["editor"], "unit_approve")
    process.apply(proposal, users["officer"], "to_council")
    today = timezone.localdate()
    process.apply(
        proposal,
        users["council"],
        "council",
        {"council_date": decided_on or today, "council_members": "Ông A\nBà B", "council_result": "recommend"},
    )
    return process.apply(
        proposal,
        users["officer"],
        "decide",
        {
            "decision_number": number,
            "decision_date": decided_on or today,
            "decision_signer": "Chủ tịch UBND đặc khu Lý Sơn",
        },
    )


def test_the_award_appears_on_a_consenting_public_profile_at_once(client):
    users = people()
    profile = factories.exemplar("Bà Phạm Thị Cứu", kind="individual")  # published, consent given
    before = client.get(profile.url)
    assert before.status_code == 200 and "77/QĐ-UBND" not in before.content.decode()
    _decide(users, profile)
    after = client.get(profile.url, HTTP_IF_NONE_MATCH=before.get("ETag", ""))
    assert after.status_code == 200  # not a stale 304
    html = after.content.decode()
    assert "77/QĐ-UBND" in html and "Giấy khen của Chủ tịch UBND đặc khu" in html
    assert "Chủ tịch UBND đặc khu Lý Sơn" in html


def test_no_profile_no_name_without_consent(client):
    users = people()
    profile = factories.exemplar("Ông Không Đồng Ý", kind="individual")
    factories.withdraw_consent(profile)
    proposal = _decide(users, profile, number="78/QĐ-UBND")
    assert proposal.status == ProposalStatus.DECIDED and Award.objects.filter(decision_number="78/QĐ-UBND").exists()
    assert client.get(profile.url).status_code == 404
    for url in ("/", "/api/v2/pages/?limit=50", "/dien-hinh/"):
        assert "Ông Không Đồng Ý" not in client.get(url).content.decode()


def test_the_register_entry_carries_the_days_from_proposal_to_decision():
    users = people()
    profile = factories.exemplar("Tổ cứu hộ thôn Đông", kind="collective")
    proposed = datetime.date(2024, 3, 1)
    proposal = _decide(users, profile, proposed_on=proposed, decided_on=datetime.date(2024, 4, 15))
    award = Award.objects.get(pk=proposal.award_id)
    assert proposal.proposed_on == proposed
    assert award.proposed_on == proposed and award.source == "proposal"
    assert (award.decision_date - award.proposed_on).days == proposal.days_to_decision == 45


def test_the_award_survives_publishing_a_profile_drafted_before_the_decision(client):
    """A profile drafted from a nomination is usually published after the decision: publishing
    its (older) revision must not drop the award the decision put in the register."""
    users = people()
    profile = factories.exemplar("Bà Võ Thị Nháp", kind="individual", publish=False)
    profile.save_revision(user=users["editor"])
    proposal = _decide(users, profile, number="79/QĐ-UBND")
    profile.refresh_from_db()
    profile.get_latest_revision().publish()
    assert Award.objects.filter(pk=proposal.award_id, page=profile).exists()
    assert "79/QĐ-UBND" in client.get(profile.url).content.decode()


def test_the_decision_moves_the_timeliness_figure_of_its_year(client):
    users = people()
    profile = factories.exemplar("Tổ tuần tra bờ biển", kind="collective")

    def timeliness_2024():
        response = client.get("/api/v1/stats/awards", {"from": 2024, "to": 2024})
        assert response.status_code == 200, response.content
        (row,) = [r for r in response.json()["timeliness"]["by_year"] if r["year"] == 2024]
        return row

    before = timeliness_2024()
    assert before["count"] == 0 and before["mean_days"] is None
    _decide(users, profile, proposed_on=datetime.date(2024, 3, 1), decided_on=datetime.date(2024, 4, 15))
    after = timeliness_2024()
    assert after["count"] == 1 and after["mean_days"] == 45 and after["max_days"] == 45
    _decide(
        users, profile, proposed_on=datetime.date(2024, 5, 1), decided_on=datetime.date(2024, 5, 16), number="80/QĐ"
    )
    assert timeliness_2024()["mean_days"] == 30


def test_the_same_decision_is_not_entered_twice_in_the_register():
    users = people()
    profile = factories.exemplar("Tổ cứu nạn thôn Tây", kind="collective")
    _decide(users, profile, number="81/QĐ-UBND")
    with pytest.raises(process.TransitionError, match="Sổ khen thưởng đã có"):
        _decide(users, profile, number="81/qđ-ubnd")
    assert Award.objects.filter(page=profile, decision_number__iexact="81/QĐ-UBND").count() == 1
