"""Adoptions (nhân rộng): where a model or an exemplar's practice was taken up, by whom, since
when, with what result, and on what evidence.

An adoption is a child record of its `ExemplarPage` (an `Orderable` on a `ParentalKey`), edited
in the page's own "Nơi đã nhân rộng" inline panel. It therefore travels with the page's
revisions and goes through the page's two-step approval: the rows in the database are those of
the published revision (a live page's draft keeps its children in the revision only), and an
adoption is public exactly when its page is (`core.visibility` via `exemplars.propagation`).

Evidence is consent-aware: an evidence item (photo or document) is shown publicly only when the
editor marks it shareable, and a photo showing people is shareable only with a consent note
(who agreed, when). Documents stay behind Wagtail's document view, so a document in a private
collection stays private even when marked shareable.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable

from .vocabularies import Place


class AdoptionStatus(models.TextChoices):
    ACTIVE = "active", "Đang áp dụng"
    PAUSED = "paused", "Tạm dừng"
    STOPPED = "stopped", "Đã dừng"


class AdopterKind(models.TextChoices):
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"
    UNIT = "unit", "Cơ quan, đơn vị"
    COMMUNITY = "community", "Cộng đồng dân cư"


class AdoptionSource(models.TextChoices):
    REPORT = "report", "Báo cáo"
    FIELD_VISIT = "field_visit", "Khảo sát thực tế"
    CITIZEN = "citizen", "Người dân báo"
    ILLUSTRATIVE = "illustrative", "Minh họa (dữ liệu mẫu)"


class ResultFigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label="Con số", help_text="Chỉ con số, ví dụ 12 hoặc 3,5.")
    unit = blocks.CharBlock(label="Đơn vị", required=False, max_length=40, help_text="Ví dụ “tấn”, “hộ”, “suất”.")
    label = blocks.CharBlock(
        label="Ý nghĩa", max_length=120, help_text="Con số nói về điều gì, ví dụ “rác thu gom năm 2024”."
    )

    class Meta:
        icon = "table"
        label = "Con số kết quả"


class EvidenceImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt_text = blocks.CharBlock(label="Mô tả ảnh (alt)", max_length=250, help_text="Mô tả ngắn nội dung ảnh.")
    shows_people = blocks.BooleanBlock(
        label="Ảnh có người nhận ra được", required=False, help_text="Đánh dấu nếu nhìn thấy rõ mặt người trong ảnh."
    )
    shareable = blocks.BooleanBlock(
        label="Được phép công khai",
        required=False,
        help_text="Chỉ ảnh được đánh dấu mới hiện trên trang công khai và API. Ảnh có người cần ghi rõ sự đồng ý.",
    )
    consent_note = blocks.CharBlock(
        label="Ghi chú đồng ý",
        required=False,
        max_length=250,
        help_text="Ai đồng ý cho công khai ảnh, ngày nào (bắt buộc khi ảnh có người và được công khai).",
    )

    class Meta:
        icon = "image"
        label = "Ảnh minh chứng"

    def clean(self, value):
        value = super().clean(value)
        if value.get("shows_people") and value.get("shareable") and not (value.get("consent_note") or "").strip():
            raise blocks.StructBlockValidationError(
                {"consent_note": ValidationError("Ảnh có người chỉ được công khai khi ghi rõ sự đồng ý.")}
            )
        return value


class EvidenceDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tài liệu")
    title = blocks.CharBlock(
        label="Tên tài liệu", max_length=200, help_text="Ví dụ “Biên bản khảo sát ngày 12/3/2025”."
    )
    shareable = blocks.BooleanBlock(
        label="Được phép công khai",
        required=False,
        help_text="Bỏ trống để giữ tài liệu nội bộ. Tài liệu trong bộ sưu tập riêng tư vẫn không ai ngoài cán bộ mở được.",
    )

    class Meta:
        icon = "doc-full"
        label = "Tài liệu minh chứng"


class Adoption(Orderable):
    """One place where a model (or an exemplar's practice) was taken up."""

    page = ParentalKey("exemplars.ExemplarPage", on_delete=models.CASCADE, related_name="adoptions")
    place = models.ForeignKey(
        Place,
        verbose_name="nơi áp dụng",
        on_delete=models.PROTECT,
        related_name="adoptions",
        help_text="Thôn, tổ dân phố hoặc xã/đặc khu nơi làm theo — chọn đơn vị còn hiệu lực vào ngày bắt đầu.",
    )
    adopter_kind = models.CharField(
        "ai làm theo (loại)",
        max_length=20,
        choices=AdopterKind.choices,
        default=AdopterKind.COLLECTIVE,
        help_text="Tập thể, hộ gia đình, cơ quan đơn vị hay cộng đồng dân cư.",
    )
    adopter_name = models.CharField(
        "ai làm theo",
        max_length=200,
        blank=True,
        help_text="Tên tập thể, hộ, đơn vị, ví dụ “Chi hội Phụ nữ thôn Đông”. Có thể bỏ trống nếu chọn hồ sơ điển hình bên dưới.",
    )
    adopter_page = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="hồ sơ điển hình của người làm theo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions_made",
        help_text="Nếu người/tập thể làm theo đã có hồ sơ trên trang (chỉ hiện liên kết khi hồ sơ đó công khai).",
    )
    since = models.DateField("áp dụng từ", help_text="Ngày bắt đầu làm theo (ghi ngày 1 nếu chỉ biết tháng).")
    status = models.CharField(
        "tình trạng", max_length=20, choices=AdoptionStatus.choices, default=AdoptionStatus.ACTIVE
    )
    until = models.DateField(
        "dừng từ", null=True, blank=True, help_text="Chỉ khi tạm dừng hoặc đã dừng: ngày dừng (nếu biết)."
    )
    results_text = models.TextField(
        "kết quả", blank=True, max_length=2000, help_text="Kết quả đạt được, viết ngắn gọn, có số liệu nếu có."
    )
    results_figures = StreamField(
        [("figure", ResultFigureBlock())],
        verbose_name="con số kết quả",
        blank=True,
        help_text="Vài con số kết quả: con số, đơn vị, ý nghĩa.",
    )
    evidence = StreamField(
        [("image", EvidenceImageBlock()), ("document", EvidenceDocumentBlock())],
        verbose_name="minh chứng",
        blank=True,
        help_text="Ảnh, tài liệu minh chứng. Chỉ mục được đánh dấu “được phép công khai” mới hiện công khai.",
    )
    source_kind = models.CharField(
        "nguồn",
        max_length=20,
        choices=AdoptionSource.choices,
        help_text="Báo cáo, khảo sát thực tế hay người dân báo (“minh họa” chỉ dành cho dữ liệu mẫu).",
    )
    source_citation = models.CharField(
        "trích dẫn nguồn",
        max_length=400,
        help_text="Báo cáo: tên, mục và câu trích; khảo sát: ngày và người khảo sát; người dân báo: mã giới thiệu.",
    )
    is_illustrative = models.BooleanField(
        "minh họa (dữ liệu mẫu)", default=False, help_text="Đánh dấu bản ghi minh họa, không phải sự việc có thật."
    )
    nomination = models.ForeignKey(
        "exemplars.Nomination",
        verbose_name="từ báo cáo của người dân",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
        editable=False,
    )
    # When an adoption like this one (same page, place, start date and adopter) was first
    # published: copied from `AdoptionPublication` by exemplars.signals at each publication,
    # since publishing a revision may re-create the rows. Radio proposes recent ones.
    published_at = models.DateTimeField("công bố lần đầu", null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("place"), FieldPanel("since")]),
        FieldRowPanel([FieldPanel("adopter_kind"), FieldPanel("adopter_name")]),
        FieldPanel("adopter_page"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("until")]),
        FieldPanel("results_text"),
        FieldPanel("results_figures"),
        FieldPanel("evidence"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("source_kind"), FieldPanel("is_illustrative")]), FieldPanel("source_citation")],
            heading="Nguồn",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "nơi nhân rộng"
        verbose_name_plural = "nơi nhân rộng"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(until__isnull=True) | models.Q(until__gte=models.F("since")),
                name="adoption_until_after_since",
                violation_error_message="Ngày dừng phải sau ngày bắt đầu.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.adopter_label} — {self.place.full_name if self.place_id else '?'}"

    def public_adopter_name(self, public_adopter_ids) -> str:
        """Who took it up, as the public may read it: the profile's title only when that profile
        is public (a person who withdrew consent is never named through someone else's page)."""
        if self.adopter_name:
            return self.adopter_name
        if self.adopter_page_id and self.adopter_page_id in public_adopter_ids:
            return self.adopter_page.title
        return self.get_adopter_kind_display()

    @property
    def adopter_label(self) -> str:
        """Who took it up, for editors (admin lists, natural key); public surfaces use
        `public_adopter_name`."""
        if self.adopter_name:
            return self.adopter_name
        if self.adopter_page_id and self.adopter_page:
            return self.adopter_page.title
        return self.get_adopter_kind_display()

    def clean(self):
        super().clean()
        errors = {}
        if not self.adopter_name.strip() and not self.adopter_page_id:
            errors["adopter_name"] = "Hãy ghi ai làm theo, hoặc chọn hồ sơ điển hình của họ."
        if self.adopter_page_id and self.page_id and self.adopter_page_id == self.page_id:
            errors["adopter_page"] = "Một điển hình không thể tự làm theo chính mình."
        if self.since and self.since > timezone.localdate():
            errors["since"] = "Ngày bắt đầu không được ở tương lai."
        if self.until and self.since and self.until < self.since:
            errors["until"] = "Ngày dừng phải sau ngày bắt đầu."
        elif self.until and self.status == AdoptionStatus.ACTIVE:
            errors["until"] = "Chỉ ghi ngày dừng khi tình trạng là “Tạm dừng” hoặc “Đã dừng”."
        if self.place_id and self.since and not self.place.is_valid_on(self.since):
            errors["place"] = (
                f"{self.place} không còn (hoặc chưa có) hiệu lực vào ngày {self.since:%d/%m/%Y}; "
                "hãy chọn đơn vị của thời điểm đó."
            )
        if self.source_kind == AdoptionSource.ILLUSTRATIVE and not self.is_illustrative:
            errors["is_illustrative"] = "Nguồn “minh họa” nghĩa là bản ghi minh họa: hãy đánh dấu ô này."
        if errors:
            raise ValidationError(errors)

    @property
    def natural_key(self) -> tuple:
        """What makes two rows the same adoption across revisions (row ids are not kept: a
        published revision's children are written anew)."""
        return (self.page_id, self.place_id, self.since, self.adopter_label[:200])

    # -- public reading ---------------------------------------------------------------------

    def public_figures(self) -> list[dict]:
        """Result figures as {value (a number), unit, label}; whole numbers stay whole."""
        figures = []
        for block in self.results_figures or []:
            if block.block_type != "figure" or block.value.get("value") is None:
                continue
            number = block.value["value"]
            value = int(number) if number == number.to_integral_value() else float(number)
            figures.append({"value": value, "unit": block.value.get("unit") or "", "label": block.value["label"]})
        return figures

    def public_evidence(self) -> list[dict]:
        """Evidence items marked shareable (and, for photos of people, with a consent note)."""
        items = []
        for block in self.evidence or []:
            value = block.value
            if not value.get("shareable"):
                continue
            if block.block_type == "image":
                if value.get("shows_people") and not (value.get("consent_note") or "").strip():
                    continue
                if value.get("image") is not None:
                    items.append({"type": "image", "image": value["image"], "alt": value.get("alt_text") or ""})
            elif block.block_type == "document" and value.get("document") is not None:
                items.append({"type": "document", "document": value["document"], "title": value.get("title") or ""})
        return items


class AdoptionPublication(models.Model):
    """When each adoption (by its natural key) was first published: a log kept outside page
    revisions, so that re-publishing a page, which re-creates its adoption rows, keeps the date."""

    page = models.ForeignKey("exemplars.ExemplarPage", on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="+")
    since = models.DateField()
    adopter = models.CharField(max_length=200)
    first_published_at = models.DateTimeField(default=timezone.now)

    # Bookkeeping, not content: the demo seeder does not count these rows as someone's content.
    is_bookkeeping = True

    class Meta:
        verbose_name = "lần công bố nơi nhân rộng"
        verbose_name_plural = "lần công bố nơi nhân rộng"
        constraints = [
            models.UniqueConstraint(fields=["page", "place", "since", "adopter"], name="adoption_publication_once")
        ]

    def __str__(self) -> str:
        return f"{self.adopter} ({self.since:%d/%m/%Y}): {self.first_published_at:%d/%m/%Y}"

    @classmethod
    def stamp(cls, adoptions) -> None:
        """Give each adoption the moment its natural key was first published (now, if never)."""
        now = timezone.now()
        for adoption in adoptions:
            page_id, place_id, since, adopter = adoption.natural_key
            record, _ = cls.objects.get_or_create(
                page_id=page_id, place_id=place_id, since=since, adopter=adopter, defaults={"first_published_at": now}
            )
            if adoption.published_at != record.first_published_at:
                type(adoption).objects.filter(pk=adoption.pk).update(published_at=record.first_published_at)
