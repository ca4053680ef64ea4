"""The award proposal process (đề xuất khen thưởng): who may move a proposal, from where to where,
and what each step records. One table (`TRANSITIONS`) answers all three; the admin views, the
buttons and the tests read it, so a rule is never written twice.

    đang soạn ──Gửi đơn vị xem xét──▶ đơn vị xem xét ──Chuyển cán bộ thi đua──▶ cán bộ thi đua thẩm định
        ▲                                   │                                        │
        └──────────── Trả lại ◀─────────────┴────────────────────────────────────────┤
                                                                    Trình Hội đồng TĐKT
                                                                                     ▼
    không khen ◀── Không đề nghị ── Hội đồng TĐKT xét ── Đề nghị ──▶ chờ quyết định ──Ghi quyết định──▶ đã quyết định

Every step is permission-checked, written to Wagtail's history (`ModelLogEntry`, who and when) and
answered with a Vietnamese message; a step not open from the current status raises
`TransitionError` with a Vietnamese explanation. Recording the decision creates the award
register entry, linked to the profile and carrying the proposal date, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .award_register import record_on_profile
from .models import (
    Award,
    CouncilResult,
    ExemplarPage,
    Nomination,
    NominationStatus,
    Proposal,
    ProposalStatus,
    recipient_kind_of,
)
from .models.awards import AwardSource
from .models.proposals import ProposalDocument, proposal_collection

S = ProposalStatus


class TransitionError(Exception):
    """A step that the proposal's current status does not allow; the message is for people."""


@dataclass(frozen=True)
class Transition:
    name: str  # URL segment and log action suffix
    label: str  # the button
    sources: tuple[str, ...]
    permission: str
    done: str  # the success message, formatted with the proposal
    needs_form: bool = False

    @property
    def action(self) -> str:
        return f"exemplars.proposal.{self.name}"


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "submit",
            "Gửi đơn vị xem xét",
            (S.DRAFT,),
            "exemplars.change_proposal",
            "{reference}: đã gửi đơn vị xem xét.",
        ),
        Transition(
            "unit_approve",
            "Đơn vị chuyển cán bộ thi đua thẩm định",
            (S.UNIT_REVIEW,),
            "exemplars.change_proposal",
            "{reference}: đơn vị đã chuyển cán bộ thi đua thẩm định.",
        ),
        Transition(
            "to_council",
            "Trình Hội đồng TĐKT",
            (S.OFFICER_REVIEW,),
            "exemplars.review_proposal",
            "{reference}: đã trình Hội đồng Thi đua – Khen thưởng.",
        ),
        Transition(
            "council",
            "Ghi kết quả họp Hội đồng",
            (S.COUNCIL,),
            "exemplars.council_proposal",
            "{reference}: đã ghi kết quả xét của Hội đồng.",
            needs_form=True,
        ),
        Transition(
            "decide",
            "Ghi quyết định khen thưởng",
            (S.AWAITING_DECISION,),
            "exemplars.decide_proposal",
            "{reference}: đã ghi quyết định; khen thưởng đã vào sổ.",
            needs_form=True,
        ),
        Transition(
            "return",
            "Trả lại",
            (S.UNIT_REVIEW, S.OFFICER_REVIEW, S.COUNCIL),
            "exemplars.change_proposal",
            "{reference}: đã trả lại để bổ sung.",
            needs_form=True,
        ),
        Transition(
            "decline",
            "Không khen",
            (S.OFFICER_REVIEW, S.AWAITING_DECISION),
            "exemplars.review_proposal",
            "{reference}: đã ghi “không khen”.",
            needs_form=True,
        ),
    )
}

LOG_ACTIONS = [
    ("exemplars.proposal.create", "Đề xuất: lập", "Lập đề xuất khen thưởng"),
    ("exemplars.proposal.submit", "Đề xuất: gửi đơn vị xem xét", "Gửi đơn vị xem xét"),
    ("exemplars.proposal.unit_approve", "Đề xuất: đơn vị chuyển thẩm định", "Đơn vị chuyển cán bộ thi đua thẩm định"),
    ("exemplars.proposal.to_council", "Đề xuất: trình Hội đồng", "Trình Hội đồng Thi đua – Khen thưởng"),
    ("exemplars.proposal.council", "Đề xuất: kết quả Hội đồng", "Ghi kết quả xét của Hội đồng TĐKT"),
    ("exemplars.proposal.decide", "Đề xuất: quyết định", "Ghi quyết định khen thưởng, vào sổ khen thưởng"),
    ("exemplars.proposal.return", "Đề xuất: trả lại", "Trả lại đề xuất để bổ sung"),
    ("exemplars.proposal.decline", "Đề xuất: không khen", "Không khen"),
    ("exemplars.proposal.document", "Đề xuất: thêm tệp hồ sơ", "Thêm tệp vào hồ sơ đề xuất"),
]

# Returning a proposal from the officer's or council's desk is the officer's call, not the unit's.
_RETURN_PERMISSION = {S.OFFICER_REVIEW: "exemplars.review_proposal", S.COUNCIL: "exemplars.review_proposal"}


def permission_for(transition: Transition, proposal: Proposal) -> str:
    if transition.name == "return":
        return _RETURN_PERMISSION.get(proposal.status, transition.permission)
    if transition.name == "decline" and proposal.status == S.AWAITING_DECISION:
        return "exemplars.decide_proposal"
    return transition.permission


def may(user, transition: Transition, proposal: Proposal) -> bool:
    return proposal.status in transition.sources and user.has_perm(permission_for(transition, proposal))


def available(proposal: Proposal, user) -> list[Transition]:
    """The steps `user` may take on `proposal` now, in the order the buttons show them."""
    return [t for t in TRANSITIONS.values() if may(user, t, proposal)]


def check(proposal: Proposal, user, name: str) -> Transition:
    """The transition `name`, if it is open for `proposal` and `user`; otherwise a Vietnamese refusal."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise TransitionError("Thao tác không tồn tại.")
    if proposal.status not in transition.sources:
        allowed = ", ".join(f"“{ProposalStatus(s).label}”" for s in transition.sources)
        raise TransitionError(
            f"Không thể “{transition.label}”: đề xuất {proposal.reference} đang ở bước "
            f"“{proposal.get_status_display()}”; thao tác này chỉ làm được khi đề xuất ở bước {allowed}."
        )
    if not user.has_perm(permission_for(transition, proposal)):
        raise PermissionDenied(f"Tài khoản của bạn không có quyền “{transition.label}”.")
    return transition


def visible_to(user):
    """Proposals `user` may see: everything for the office; council members see the ones at or
    past the council stage."""
    qs = Proposal.objects.select_related("award_type", "exemplar", "nomination")
    if user.has_perm("exemplars.change_proposal") or user.has_perm("exemplars.review_proposal"):
        return qs
    if user.has_perm("exemplars.council_proposal") or user.has_perm("exemplars.view_proposal"):
        return qs.filter(status__in=[S.COUNCIL, S.AWAITING_DECISION, S.DECIDED]) | qs.filter(council_result__gt="")
    return qs.none()


# --------------------------------------------------------------------------------------------
# Creating a proposal
# --------------------------------------------------------------------------------------------


def source_defaults(exemplar: ExemplarPage | None, nomination: Nomination | None) -> dict:
    """Recipient name and kind, from the profile (preferred) or the nomination."""
    if exemplar is None and nomination is not None:
        exemplar = nomination.exemplar
    if exemplar is not None:
        return {"exemplar": exemplar, "recipient_name": exemplar.title, "recipient_kind": exemplar.kind}
    if nomination is not None:
        return {"recipient_name": nomination.subject_name, "recipient_kind": nomination.subject_kind}
    return {}


@transaction.atomic
def create_proposal(user, *, exemplar=None, nomination=None, files=(), **fields) -> Proposal:
    if not user.has_perm("exemplars.add_proposal"):
        raise PermissionDenied("Tài khoản của bạn không có quyền lập đề xuất khen thưởng.")
    if nomination is not None and nomination.status != NominationStatus.ACCEPTED:
        raise TransitionError("Chỉ lập đề xuất từ giới thiệu đã được chấp nhận.")
    if exemplar is None and nomination is None:
        raise TransitionError("Đề xuất phải lập từ một hồ sơ điển hình hoặc một giới thiệu đã chấp nhận.")
    values = source_defaults(exemplar, nomination)
    values.update({k: v for k, v in fields.items() if v not in (None, "")})
    proposal = Proposal.objects.create(nomination=nomination, created_by=user, **values)
    log(
        instance=proposal,
        action="exemplars.proposal.create",
        user=user,
        data={"exemplar_id": proposal.exemplar_id, "nomination_id": proposal.nomination_id},
    )
    for upload in files:
        add_document(proposal, user, upload)
    return proposal


def add_document(proposal: Proposal, user, upload, title: str = "") -> ProposalDocument:
    """Store `upload` as a Wagtail document in the private collection and attach it."""
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title=title or upload.name, file=upload, collection=proposal_collection(), uploaded_by_user=user
    )
    attached = ProposalDocument.objects.create(proposal=proposal, document=document)
    log(instance=proposal, action="exemplars.proposal.document", user=user, data={"document_id": document.pk})
    return attached


# --------------------------------------------------------------------------------------------
# The steps
# --------------------------------------------------------------------------------------------


@transaction.atomic
def apply(proposal: Proposal, user, name: str, data: dict | None = None) -> Proposal:
    """Take step `name` on `proposal` as `user`, with `data` from the step's form."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    transition = check(proposal, user, name)
    data = data or {}
    log_data: dict = {"from": proposal.status}
    if name == "submit":
        proposal.status = S.UNIT_REVIEW
        proposal.proposed_on = proposal.proposed_on or timezone.localdate()
    elif name == "unit_approve":
        proposal.status = S.OFFICER_REVIEW
    elif name == "to_council":
        proposal.status = S.COUNCIL
    elif name == "council":
        proposal.council_date = data["council_date"]
        proposal.council_members = data["council_members"].strip()
        proposal.council_result = data["council_result"]
        proposal.council_note = data.get("council_note", "")
        recommended = proposal.council_result == CouncilResult.RECOMMEND
        proposal.status = S.AWAITING_DECISION if recommended else S.DECLINED
        if not recommended:
            proposal.decline_reason = proposal.council_note or "Hội đồng TĐKT không đề nghị khen thưởng."
        log_data.update(
            council_date=proposal.council_date.isoformat(),
            members=proposal.council_member_list,
            result=proposal.council_result,
        )
    elif name == "decide":
        proposal.decision_number = data["decision_number"].strip()
        proposal.decision_date = data["decision_date"]
        proposal.decision_signer = data["decision_signer"].strip()
        if proposal.proposed_on and proposal.decision_date < proposal.proposed_on:
            raise TransitionError("Ngày quyết định không thể trước ngày đề xuất.")
        if proposal.council_date and proposal.decision_date < proposal.council_date:
            raise TransitionError("Ngày quyết định không thể trước ngày họp Hội đồng.")
        proposal.award = create_register_entry(proposal)
        proposal.status = S.DECIDED
        log_data.update(
            decision_number=proposal.decision_number,
            decision_date=proposal.decision_date.isoformat(),
            award_id=proposal.award.pk,
            days=proposal.days_to_decision,
        )
    elif name == "return":
        proposal.return_note = data["reason"].strip()
        proposal.status = S.DRAFT
        log_data["reason"] = proposal.return_note
    elif name == "decline":
        proposal.decline_reason = data["reason"].strip()
        proposal.status = S.DECLINED
        log_data["reason"] = proposal.decline_reason
    proposal.save()
    log_data["to"] = proposal.status
    log(instance=proposal, action=transition.action, user=user, data=log_data)
    return proposal


def create_register_entry(proposal: Proposal) -> Award:
    """The award register entry for a decided proposal: linked to the profile, carrying the
    proposal date so that the statistics can count the days to the decision (`proposed_on`).
    The register infers the level from the signer. Saving it moves the content generation
    (exemplars.signals), so the public profile shows it at once when its consent allows."""
    page = proposal.exemplar
    same = Award.objects.filter(award_type=proposal.award_type, revoked=False)
    same = same.filter(page=page) if page is not None else same.filter(recipient_name=proposal.recipient_name)
    number = proposal.decision_number.casefold()  # in Python: SQLite folds only ASCII case
    if number and any(n.casefold() == number for n in same.values_list("decision_number", flat=True)):
        # The register's identity (as for imports): decision number + recipient + award type.
        raise TransitionError(
            f"Sổ khen thưởng đã có “{proposal.award_type}” theo quyết định số {proposal.decision_number} "
            f"cho {proposal.recipient_name}; không ghi trùng. Hãy kiểm tra lại số quyết định."
        )
    award = Award(
        page=page,
        recipient_name=proposal.recipient_name,
        recipient_kind=recipient_kind_of(proposal.recipient_kind),
        place_id=page.place_id if page is not None else None,
        award_type=proposal.award_type,
        decision_number=proposal.decision_number,
        decision_date=proposal.decision_date,
        issuer_as_printed=proposal.decision_signer,
        achievement=proposal.reasons[:300],
        proposed_on=proposal.proposed_on,
        source=AwardSource.PROPOSAL,
    )
    award.full_clean(exclude=["page", "place", "sort_order"])
    award.save()
    # The profile's latest revision gets a copy, so publishing it later does not drop the award.
    record_on_profile(award)
    return award
