"""Award proposals (đề xuất khen thưởng): from a profile or an accepted nomination to a decision.

A proposal moves through the office's review, one status at a time (the transitions, their
permissions and messages live in `exemplars.proposals`):

    đang soạn → đơn vị xem xét → cán bộ thi đua thẩm định → Hội đồng TĐKT xét → chờ quyết định
    → đã quyết định (creates the award register entry) — or trả lại (back to đang soạn) / không khen.

`proposed_on` is the day the proposal left its unit's drafting (first "Gửi đơn vị xem xét"); the
days from it to the decision are the office's timeliness ("kịp thời") figure. Dossier files are
Wagtail documents kept in a private collection (`PROPOSAL_COLLECTION_NAME`). Never public.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from .vocabularies import AwardType, SubjectKind

PROPOSAL_COLLECTION_NAME = "Hồ sơ đề xuất khen thưởng (riêng tư)"


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    UNIT_REVIEW = "unit_review", "Đơn vị xem xét"
    OFFICER_REVIEW = "officer_review", "Cán bộ thi đua thẩm định"
    COUNCIL = "council", "Hội đồng TĐKT xét"
    AWAITING_DECISION = "awaiting_decision", "Chờ quyết định"
    DECIDED = "decided", "Đã quyết định khen thưởng"
    DECLINED = "declined", "Không khen"


class CouncilResult(models.TextChoices):
    RECOMMEND = "recommend", "Đề nghị khen thưởng"
    NOT_RECOMMEND = "not_recommend", "Không đề nghị"


class Proposal(models.Model):
    """One proposal for one recipient and one award sought. Staff-only; never public."""

    reference = models.CharField("mã đề xuất", max_length=20, unique=True, null=True, editable=False)
    exemplar = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="hồ sơ điển hình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    nomination = models.ForeignKey(
        "exemplars.Nomination",
        verbose_name="từ giới thiệu của người dân",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    recipient_name = models.CharField("người, tập thể được đề xuất", max_length=200)
    recipient_kind = models.CharField("loại đối tượng", max_length=20, choices=SubjectKind.choices)
    award_type = models.ForeignKey(
        AwardType, verbose_name="hình thức khen thưởng đề nghị", on_delete=models.PROTECT, related_name="proposals"
    )
    proposing_unit = models.CharField("đơn vị đề xuất", max_length=200, blank=True)
    reasons = models.TextField("thành tích, lý do đề xuất", max_length=5000)
    status = models.CharField(
        "tình trạng", max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT, db_index=True
    )
    proposed_on = models.DateField("ngày đề xuất", null=True, blank=True, editable=False)
    return_note = models.TextField("lý do trả lại gần nhất", blank=True, editable=False)
    decline_reason = models.TextField("lý do không khen", blank=True, editable=False)

    council_date = models.DateField("ngày họp Hội đồng", null=True, blank=True, editable=False)
    council_members = models.TextField("thành viên dự họp", blank=True, editable=False)
    council_result = models.CharField(
        "kết quả xét của Hội đồng", max_length=20, choices=CouncilResult.choices, blank=True, editable=False
    )
    council_note = models.TextField("ghi chú của Hội đồng", blank=True, editable=False)

    decision_number = models.CharField("số quyết định", max_length=80, blank=True, editable=False)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True, editable=False)
    decision_signer = models.CharField("người ký (như in)", max_length=250, blank=True, editable=False)
    award = models.ForeignKey(
        "exemplars.Award",
        verbose_name="khen thưởng trong sổ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        editable=False,
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("thời điểm lập", default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = "đề xuất khen thưởng"
        verbose_name_plural = "đề xuất khen thưởng"
        ordering = ["-created_at"]
        permissions = [
            ("review_proposal", "Thẩm định đề xuất khen thưởng (cán bộ thi đua)"),
            ("council_proposal", "Ghi kết quả xét của Hội đồng TĐKT"),
            ("decide_proposal", "Ghi quyết định khen thưởng"),
        ]

    def __str__(self) -> str:
        return f"{self.reference or 'DX-…'}: {self.recipient_name} — {self.award_type}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.reference:
            # Human-friendly and sequential, like nominations: DX-<year>-<number>.
            self.reference = f"DX-{timezone.localtime(self.created_at).year}-{self.pk:06d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    @property
    def days_to_decision(self) -> int | None:
        if self.proposed_on and self.decision_date:
            return (self.decision_date - self.proposed_on).days
        return None

    @property
    def council_member_list(self) -> list[str]:
        return [line.strip() for line in self.council_members.splitlines() if line.strip()]


class ProposalDocument(models.Model):
    """A dossier file (tờ trình, báo cáo thành tích…) of a proposal: a document in the private
    collection, readable only by the groups that may view proposals."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name="tệp", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "tệp hồ sơ đề xuất"
        verbose_name_plural = "tệp hồ sơ đề xuất"
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.document.title


def proposal_collection():
    """The private collection for dossier files, created (with its restriction) if missing.

    Viewing is restricted to the groups holding `exemplars.view_proposal` (and superusers); the
    collection is made by home's migration 0007, this is the safety net for a fresh database.
    """
    from django.contrib.auth.models import Group

    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.objects.filter(name=PROPOSAL_COLLECTION_NAME, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PROPOSAL_COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(
            Group.objects.filter(
                permissions__content_type__app_label="exemplars", permissions__codename="view_proposal"
            ).distinct()
        )
    return collection
