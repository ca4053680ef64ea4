"""Awards (khen thưởng) given to exemplars, with the decision as printed and revocation kept."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .vocabularies import AwardLevel, AwardType, Organisation


class CommendationType(models.TextChoices):
    MERIT = "merit", "Công trạng"
    AD_HOC = "ad_hoc", "Đột xuất"
    CAMPAIGN = "campaign", "Theo phong trào thi đua, chuyên đề"
    DEDICATION = "dedication", "Quá trình cống hiến"
    SENIORITY = "seniority", "Niên hạn"
    FOREIGN = "foreign", "Đối ngoại"


class Award(Orderable):
    """One award decision for an exemplar. The issuer is stored exactly as printed."""

    page = ParentalKey("exemplars.ExemplarPage", on_delete=models.CASCADE, related_name="awards")
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
        "cấp khen",
        max_length=20,
        choices=AwardLevel.choices,
        blank=True,
        help_text="Bỏ trống để dùng cấp của loại khen thưởng.",
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

    panels = [
        FieldRowPanel([FieldPanel("award_type"), FieldPanel("level"), FieldPanel("commendation_type")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldRowPanel([FieldPanel("issuer_as_printed"), FieldPanel("issuer")]),
        FieldPanel("achievement"),
        FieldPanel("decision_scan"),
        FieldRowPanel([FieldPanel("revoked"), FieldPanel("revoked_date"), FieldPanel("revoked_reason")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "khen thưởng"
        verbose_name_plural = "khen thưởng"

    def __str__(self) -> str:
        return f"{self.award_type} — {self.decision_number or 'không số'} ({self.decision_date:%d/%m/%Y})"

    def clean(self):
        errors = {}
        if self.revoked and not self.revoked_date:
            errors["revoked_date"] = "Cần ngày thu hồi khi đánh dấu đã thu hồi."
        if not self.revoked and (self.revoked_date or self.revoked_reason):
            errors["revoked"] = "Hãy đánh dấu “đã thu hồi” nếu nhập ngày hoặc lý do thu hồi."
        if self.revoked_date and self.decision_date and self.revoked_date < self.decision_date:
            errors["revoked_date"] = "Ngày thu hồi không thể trước ngày quyết định."
        if errors:
            raise ValidationError(errors)

    @property
    def category(self) -> str:
        return self.award_type.category

    @property
    def effective_level(self) -> str:
        return self.level or self.award_type.level

    @property
    def year(self) -> int:
        return self.decision_date.year
