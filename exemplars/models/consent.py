"""Consent to publication (Decree 13/2023/NĐ-CP), recorded outside page revisions on purpose:
a withdrawal must take effect at once, not wait for an editorial workflow."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from .vocabularies import SubjectKind

# Signed consent forms live in this collection, whose documents only the groups that may view
# consent records can download (created by home's migration 0006; see consent_collection()).
CONSENT_COLLECTION_NAME = "Phiếu đồng ý công bố (riêng tư)"


def consent_collection():
    """The private collection for consent forms, created (with its restriction) if missing.

    Viewing is restricted to the groups holding `exemplars.view_consentrecord` (and superusers):
    Wagtail's document view checks this restriction on every download.
    """
    from django.contrib.auth.models import Group

    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.objects.filter(name=CONSENT_COLLECTION_NAME, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=CONSENT_COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(
            Group.objects.filter(
                permissions__content_type__app_label="exemplars", permissions__codename="view_consentrecord"
            ).distinct()
        )
    return collection


class ConsentStatus(models.TextChoices):
    GIVEN = "given", "Đã đồng ý"
    WITHDRAWN = "withdrawn", "Đã rút lại"


class ConsentRecord(models.Model):
    """Recorded consent of an individual or household to be published (Decree 13/2023/NĐ-CP).

    Kept outside page revisions on purpose: a withdrawal must take effect at once, not wait
    for an editorial workflow.
    """

    page = models.OneToOneField(
        "exemplars.ExemplarPage",
        verbose_name="điển hình",
        on_delete=models.CASCADE,
        related_name="consent",
        help_text="Hồ sơ điển hình cá nhân hoặc hộ gia đình.",
    )
    status = models.CharField(
        "tình trạng",
        max_length=20,
        choices=ConsentStatus.choices,
        default=ConsentStatus.GIVEN,
        help_text="Đã đồng ý hay đã rút lại đồng ý.",
    )
    covers_publication = models.BooleanField(
        "đồng ý công bố tên và thành tích", default=True, help_text="Đồng ý để trang được công khai."
    )
    covers_photo = models.BooleanField("đồng ý công bố ảnh", default=False, help_text="Ảnh chân dung, ảnh cá nhân.")
    covers_birth_year = models.BooleanField(
        "đồng ý công bố năm sinh, giới tính", default=False, help_text="Chỉ năm sinh, không bao giờ là ngày sinh."
    )
    covers_story = models.BooleanField(
        "đồng ý công bố câu chuyện", default=True, help_text="Câu chuyện, trích dẫn, chi tiết đời sống."
    )
    given_on = models.DateField("ngày đồng ý", null=True, blank=True, help_text="Ngày ký phiếu đồng ý.")
    evidence = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="phiếu đồng ý (bản chụp)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bản chụp phiếu đồng ý có chữ ký.",
    )
    evidence_note = models.CharField(
        "người thu thập / ghi chú", max_length=300, blank=True, help_text="Ai đã nhận phiếu đồng ý, ở đâu, khi nào."
    )
    withdrawn_at = models.DateTimeField("thời điểm rút lại", null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        "auth.User",
        verbose_name="người ghi nhận rút lại",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    withdrawal_note = models.CharField(
        "ghi chú rút lại", max_length=300, blank=True, help_text="Cách người được nêu gương báo rút lại đồng ý."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "đồng ý công bố"
        verbose_name_plural = "đồng ý công bố"

    def __str__(self) -> str:
        return f"{self.page.title}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Whatever document was chosen or uploaded as evidence becomes private.
        if self.evidence_id:
            collection = consent_collection()
            type(self.evidence).objects.filter(pk=self.evidence_id).exclude(collection=collection).update(
                collection=collection
            )

    def clean(self):
        if self.status == ConsentStatus.GIVEN and not (self.evidence_id or self.evidence_note):
            raise ValidationError({"evidence_note": "Cần bản chụp phiếu đồng ý hoặc ghi chú người thu thập."})

    @property
    def is_given(self) -> bool:
        return self.status == ConsentStatus.GIVEN

    def covers(self, detail: str) -> bool:
        if not self.is_given or not self.covers_publication:
            return False
        return {
            "publication": True,
            "photo": self.covers_photo,
            "birth_year": self.covers_birth_year,
            "story": self.covers_story,
        }[detail]


CONSENT_KINDS = (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD)

CONSENT_MISSING_MESSAGE = (
    "Chưa thể gửi duyệt hoặc xuất bản: điển hình cá nhân và hộ gia đình cần phiếu đồng ý công bố "
    "còn hiệu lực (tình trạng “Đã đồng ý”, có đánh dấu “đồng ý công bố tên và thành tích”). "
    "Hãy lưu bản nháp, nhập phiếu ở mục “Đồng ý công bố”, rồi gửi duyệt lại."
)


def consent_covers_publication(page_id: int | None, kind: str) -> bool:
    """Whether an exemplar of `kind` (saved as `page_id`, or not yet saved) may be published."""
    if kind not in CONSENT_KINDS:
        return True
    if page_id is None:
        return False
    record = ConsentRecord.objects.filter(page_id=page_id).first()
    return bool(record and record.covers("publication"))
