"""The award register (sổ khen thưởng): every award, with or without an exemplar profile.

One table, one truth. An award records its recipient (name, kind, group, place), the award type,
the decision (number, date, signer as printed) and its level, which follows the signer
(`exemplars.levels.infer_level`) unless an editor gives it explicitly. The level used for
statistics is stored in `resolved_level` so that it can be filtered in SQL.

An award may be linked to an exemplar profile (`page`, a nullable ParentalKey): the profile's
editors keep editing its awards inline, with the page's revisions, as before. Awards without a
profile (most of them: people who will never have a profile) are edited in the register's own
admin list (`exemplars.admin_register`).

Privacy: statistics count every award that is not revoked; a recipient's name is shown publicly
only through a published profile whose consent allows it (`core.visibility`,
`ExemplarPage.publication_allowed`). `recipient_name` is never output by a public surface.

Timeliness hook: `proposed_on` is the date the award was proposed (đề xuất). The proposal workflow
fills it when its decision creates the register entry; the import and the office may fill it too.
Statistics report the days from `proposed_on` to `decision_date` per year.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..levels import infer_level
from .vocabularies import AwardLevel, AwardType, Organisation, SubjectKind


class CommendationType(models.TextChoices):
    MERIT = "merit", "Công trạng"
    AD_HOC = "ad_hoc", "Đột xuất"
    CAMPAIGN = "campaign", "Theo phong trào thi đua, chuyên đề"
    DEDICATION = "dedication", "Quá trình cống hiến"
    SENIORITY = "seniority", "Niên hạn"
    FOREIGN = "foreign", "Đối ngoại"


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"


class RecipientGroup(models.TextChoices):
    FARMER = "farmer", "Nông dân"
    FISHER = "fisher", "Ngư dân"
    WORKER = "worker", "Công nhân"
    DIRECT_WORKER = "direct_worker", "Người lao động trực tiếp"
    OFFICIAL = "official", "Cán bộ, công chức, viên chức"
    STUDENT = "student", "Học sinh, sinh viên"
    BUSINESS = "business", "Doanh nghiệp, doanh nhân"
    ARMED_FORCES = "armed_forces", "Lực lượng vũ trang"
    OTHER = "other", "Khác"


# The groups the report wants a rising share for ("nông dân, công nhân… người lao động trực tiếp").
DIRECT_WORKER_GROUPS = (
    RecipientGroup.FARMER,
    RecipientGroup.FISHER,
    RecipientGroup.WORKER,
    RecipientGroup.DIRECT_WORKER,
)


class Occasion(models.TextChoices):
    REGULAR = "regular", "Thường xuyên"
    AD_HOC = "ad_hoc", "Đột xuất"
    THEMATIC = "thematic", "Chuyên đề"


# What the finer `CommendationType` implies for the occasion, when it is given.
OCCASION_OF_COMMENDATION = {
    CommendationType.AD_HOC: Occasion.AD_HOC,
    CommendationType.CAMPAIGN: Occasion.THEMATIC,
}


class AwardSource(models.TextChoices):
    PROFILE = "profile", "Hồ sơ điển hình"
    REGISTER = "register", "Nhập vào sổ khen thưởng"
    IMPORT = "import", "Nhập từ tệp"
    PROPOSAL = "proposal", "Từ đề xuất khen thưởng"
    DEMO = "demo", "Dữ liệu minh họa"


def recipient_kind_of(exemplar_kind: str) -> str:
    """The register's kind for an exemplar's kind (a mô hình is recorded as a tập thể)."""
    if exemplar_kind in (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD):
        return exemplar_kind
    return RecipientKind.COLLECTIVE


class Award(Orderable):
    """One award decision in the register. The signer is stored exactly as printed."""

    page = ParentalKey(
        "exemplars.ExemplarPage",
        verbose_name="hồ sơ điển hình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
        help_text="Không bắt buộc: hồ sơ điển hình của người hoặc tập thể được khen.",
    )
    recipient_name = models.CharField(
        "tên cá nhân/tập thể",
        max_length=250,
        blank=True,
        help_text="Như trong quyết định. Không bao giờ công bố, trừ qua hồ sơ điển hình đã xuất bản và được đồng ý.",
    )
    recipient_kind = models.CharField(
        "loại đối tượng",
        max_length=20,
        choices=RecipientKind.choices,
        default=RecipientKind.INDIVIDUAL,
        help_text="Cá nhân, tập thể hay hộ gia đình.",
    )
    recipient_group = models.CharField(
        "nhóm đối tượng",
        max_length=20,
        choices=RecipientGroup.choices,
        blank=True,
        help_text="Nông dân, ngư dân, công nhân, người lao động trực tiếp… Bỏ trống nếu chưa rõ.",
    )
    place = models.ForeignKey(
        "exemplars.Place",
        verbose_name="địa bàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
        help_text="Địa bàn của người hoặc tập thể được khen tại thời điểm khen.",
    )
    award_type = models.ForeignKey(
        AwardType,
        verbose_name="danh hiệu / hình thức",
        on_delete=models.PROTECT,
        related_name="awards",
        help_text="Chọn từ danh mục loại khen thưởng.",
    )
    decision_number = models.CharField("số quyết định", max_length=80, blank=True, help_text="Ví dụ “1234/QĐ-UBND”.")
    decision_date = models.DateField("ngày quyết định", help_text="Ngày ký quyết định.")
    issuer_as_printed = models.CharField(
        "cấp ra quyết định (như in trên quyết định)",
        max_length=250,
        help_text="Ghi đúng như trên quyết định tại thời điểm ký, ví dụ “Chủ tịch UBND huyện Lý Sơn” — không sửa theo tên đơn vị hiện nay.",
    )
    issuer = models.ForeignKey(
        Organisation,
        verbose_name="cơ quan ra quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards_issued",
        help_text="Cơ quan trong danh mục (để thống kê); không thay thế tên như in.",
    )
    level = models.CharField(
        "cấp khen (nhập tay)",
        max_length=20,
        choices=AwardLevel.choices,
        blank=True,
        help_text="Bỏ trống để suy ra từ người ký (Chủ tịch UBND xã → cấp xã; huyện → cấp huyện…).",
    )
    resolved_level = models.CharField(
        "cấp khen",
        max_length=20,
        choices=AwardLevel.choices,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Cấp dùng để thống kê: cấp nhập tay, hoặc cấp suy ra từ người ký.",
    )
    year = models.PositiveSmallIntegerField("năm", editable=False, null=True, db_index=True)
    occasion = models.CharField(
        "thường xuyên / đột xuất / chuyên đề",
        max_length=20,
        choices=Occasion.choices,
        default=Occasion.REGULAR,
        help_text="Khen thưởng thường xuyên, đột xuất hay theo chuyên đề.",
    )
    proposed_on = models.DateField(
        "ngày đề xuất",
        null=True,
        blank=True,
        help_text="Ngày trình đề xuất khen thưởng (để thống kê tính kịp thời); quy trình đề xuất tự điền.",
    )
    source = models.CharField(
        "nguồn",
        max_length=20,
        choices=AwardSource.choices,
        blank=True,
        default="",
        help_text="Khen thưởng được ghi vào sổ từ đâu (bỏ trống: hồ sơ điển hình nếu có, nếu không là nhập vào sổ). "
        "“Dữ liệu minh họa” là số liệu bịa để trình diễn.",
    )
    commendation_type = models.CharField(
        "loại hình khen thưởng",
        max_length=20,
        choices=CommendationType.choices,
        blank=True,
        help_text="Công trạng, đột xuất, theo phong trào…",
    )
    achievement = models.CharField(
        "thành tích được khen", max_length=300, blank=True, help_text="Trích nội dung khen trong quyết định."
    )
    decision_scan = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="bản chụp quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tệp PDF hoặc ảnh chụp quyết định (không bắt buộc).",
    )
    revoked = models.BooleanField(
        "đã thu hồi", default=False, help_text="Đánh dấu nếu khen thưởng đã bị thu hồi; hồ sơ vẫn được giữ."
    )
    revoked_date = models.DateField("ngày thu hồi", null=True, blank=True, help_text="Ngày quyết định thu hồi.")
    revoked_reason = models.CharField(
        "lý do thu hồi", max_length=300, blank=True, help_text="Lý do và số quyết định thu hồi."
    )

    # Inline on a profile: the recipient is the profile itself (name and kind follow the page).
    panels = [
        FieldRowPanel([FieldPanel("award_type"), FieldPanel("level"), FieldPanel("commendation_type")]),
        FieldRowPanel([FieldPanel("recipient_group"), FieldPanel("occasion"), FieldPanel("proposed_on")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldRowPanel([FieldPanel("issuer_as_printed"), FieldPanel("issuer")]),
        FieldPanel("achievement"),
        FieldPanel("decision_scan"),
        FieldRowPanel([FieldPanel("revoked"), FieldPanel("revoked_date"), FieldPanel("revoked_reason")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "khen thưởng"
        verbose_name_plural = "sổ khen thưởng"
        indexes = [models.Index(fields=["decision_number", "award_type"], name="award_decision_idx")]

    def __str__(self) -> str:
        return f"{self.award_type} — {self.decision_number or 'không số'} ({self.decision_date:%d/%m/%Y})"

    @property
    def is_illustrative(self) -> bool:
        return self.source == AwardSource.DEMO

    def clean(self):
        errors = {}
        if self.revoked and not self.revoked_date:
            errors["revoked_date"] = "Cần ngày thu hồi khi đánh dấu đã thu hồi."
        if not self.revoked and (self.revoked_date or self.revoked_reason):
            errors["revoked"] = "Hãy đánh dấu “đã thu hồi” nếu nhập ngày hoặc lý do thu hồi."
        if self.page is None and not (self.recipient_name or "").strip():
            errors["recipient_name"] = "Ghi tên cá nhân, tập thể hoặc hộ được khen (hoặc chọn hồ sơ điển hình)."
        if self.revoked_date and self.decision_date and self.revoked_date < self.decision_date:
            errors["revoked_date"] = "Ngày thu hồi không thể trước ngày quyết định."
        if errors:
            raise ValidationError(errors)

    def resolve(self) -> None:
        """Fill what is derived: the recipient from a linked profile, the level from the signer,
        the year from the decision date, the occasion from the commendation type."""
        page = self.page if self.page_id else None
        if page is not None:
            # An award on a profile is an award to the profile's subject: name and kind follow it.
            self.recipient_name = page.title
            self.recipient_kind = recipient_kind_of(page.kind)
        if not self.source:
            # Typed on a profile's page (the inline panel has no source field) or in the register.
            self.source = AwardSource.PROFILE if page is not None else AwardSource.REGISTER
        self.resolved_level = self.level or infer_level(self.issuer_as_printed) or self._type_level()
        self.year = self.decision_date.year if self.decision_date else None
        implied = OCCASION_OF_COMMENDATION.get(self.commendation_type)
        if implied and self.occasion == Occasion.REGULAR:
            self.occasion = implied

    def _type_level(self) -> str:
        # Last resort when the signer names no level ("Hiệu trưởng…"): the award type's level.
        return self.award_type.level if self.award_type_id else ""

    def save(self, *args, **kwargs):
        self.resolve()
        if (update_fields := kwargs.get("update_fields")) is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "recipient_name",
                "recipient_kind",
                "resolved_level",
                "year",
                "occasion",
                "source",
            }
        super().save(*args, **kwargs)

    @property
    def inferred_level(self) -> str | None:
        """The level the signer implies (None when the text names none)."""
        return infer_level(self.issuer_as_printed)

    @property
    def is_direct_worker(self) -> bool:
        return self.recipient_group in DIRECT_WORKER_GROUPS

    @property
    def category(self) -> str:
        return self.award_type.category

    @property
    def effective_level(self) -> str:
        return self.resolved_level or self.level or infer_level(self.issuer_as_printed) or self._type_level()
