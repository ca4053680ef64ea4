"""People and things the proposal tests share: a nomination accepted into a draft profile, and
one user per role involved (editor, emulation officer, council member, writer)."""

from __future__ import annotations

from django.urls import reverse

from exemplars.models import Nomination, NominationStatus
from exemplars.nominations_admin import accept_nomination
from home.editorial import COUNCIL_MEMBERS, EMULATION_OFFICERS
from tests import factories
from tests.moderation.helpers import role_user, team


def people() -> dict:
    users = team()
    users["officer"] = role_user(EMULATION_OFFICERS, "thiduakt")
    users["council"] = role_user(COUNCIL_MEMBERS, "hoidong")
    return users


def accepted_nomination(editor, name: str = "Bà Nguyễn Thị Lành", kind: str = "individual") -> Nomination:
    place = factories.place_tree()["dong"]
    index = factories.exemplar_index()
    nomination = Nomination.objects.create(
        subject_name=name,
        subject_kind=kind,
        place=place,
        what="Bà tự nguyện nấu cơm miễn phí cho học sinh nghèo suốt ba năm học.",
        when="từ tháng 9/2022",
        nominator_name="Trần Văn An",
        nominator_phone="0912345678",
        consent_statement=True,
        status=NominationStatus.CHECKING,
    )
    accept_nomination(nomination, editor, index, {"title": name, "place": place})
    nomination.refresh_from_db()
    return nomination


def step_url(proposal, step: str) -> str:
    return reverse("exemplars_proposal_step", args=[proposal.pk, step])


def inspect_url(proposal) -> str:
    return reverse("exemplars_proposal:inspect", args=[proposal.pk])
