"""Exemplar pages: `ExemplarPage` (a profile of one individual, collective, household or
replicable model) and the abstract `IndexPage` that the site's list pages share.

Consent is read from `consent.ConsentRecord`, kept apart from page revisions: it is a legal
fact, not editorial content, so it takes effect at once rather than through moderation.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.slugs import SlugFromTitleMixin
from core.text import vi_sort_key
from core.visibility import public_pages

from .. import api_serializers as api
from ..blocks import StoryBlock
from ..browse import ExemplarBrowser
from ..forms import ExemplarPageForm
from ..headless import HeadlessPreviewPageMixin
from ..related import related_campaigns, related_stories
from .consent import ConsentRecord, ConsentStatus
from .vocabularies import Field, Place, SubjectKind


class IndexPage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """Base of the site's list pages (exemplars, campaigns, stories): one of each, under home."""

    intro = RichTextField(
        "giới thiệu",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Đoạn giới thiệu ở đầu trang danh sách.",
    )

    api_fields = [APIField("intro", serializer=api.RichTextHTMLField())]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class ExemplarIndexPage(IndexPage):
    """The list of exemplars, at /dien-hinh/ under the home page."""

    subpage_types = ["exemplars.ExemplarPage"]

    class Meta:
        verbose_name = "danh sách điển hình"
        verbose_name_plural = "danh sách điển hình"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        browser = ExemplarBrowser(public_pages(ExemplarPage).child_of(self), request.GET)
        page_obj = browser.page()
        context.update(
            exemplars=page_obj.object_list,
            page_obj=page_obj,
            facets=browser.facets(),
            active_filters=browser.active_filters(),
            filter_errors=browser.errors,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An unknown facet value is bad input: say so on the page, with a 400 status.
        if getattr(response, "context_data", None) and response.context_data.get("filter_errors"):
            response.status_code = 400
        return response


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


def publication_allowed_expression(consent_model):
    """SQL for "kind or consent allows publication" of an exemplar row (also used by migrations,
    which pass their historical ConsentRecord)."""
    given = consent_model.objects.filter(page_id=OuterRef("pk"), status="given", covers_publication=True)
    return Case(
        When(Q(kind__in=["collective", "model"]) | Exists(given), then=Value(True)),
        default=Value(False),
        output_field=models.BooleanField(),
    )


class ExemplarPage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """A profile of one exemplar (điển hình tiên tiến): individual, collective, household or model.

    Awards are child records (`awards`), shown as a timeline. Personal details of individuals
    and households (photo, birth year, story) are shown only as far as `consent` covers them.
    """

    kind = models.CharField(
        "loại điển hình",
        max_length=20,
        choices=SubjectKind.choices,
        help_text="Cá nhân, tập thể, hộ gia đình hay mô hình (cách làm có thể nhân rộng).",
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chân dung / ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh chân dung (cá nhân) hoặc ảnh tiêu biểu (tập thể, mô hình). Chỉ hiển thị nếu người được nêu gương đồng ý.",
    )
    portrait_alt = models.CharField(
        "mô tả ảnh (alt)",
        max_length=250,
        blank=True,
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị; bắt buộc khi có ảnh.",
    )
    portrait_credit = models.CharField("nguồn ảnh", max_length=200, blank=True, help_text="Tác giả hoặc nguồn ảnh.")
    place = models.ForeignKey(
        Place,
        verbose_name="địa bàn",
        on_delete=models.PROTECT,
        related_name="exemplars",
        help_text="Thôn/tổ dân phố (hoặc xã, đặc khu) nơi điển hình sinh sống, hoạt động — theo thời điểm của câu chuyện.",
    )
    fields = ParentalManyToManyField(
        Field,
        verbose_name="lĩnh vực",
        blank=True,
        related_name="exemplars",
        help_text="Một hoặc nhiều lĩnh vực hoạt động.",
    )
    occupation = models.CharField("nghề nghiệp", max_length=200, blank=True, help_text="Ví dụ “ngư dân”, “giáo viên”.")
    unit = models.CharField("đơn vị công tác", max_length=200, blank=True, help_text="Cơ quan, đơn vị (nếu có).")
    position = models.CharField("chức vụ", max_length=200, blank=True, help_text="Chức vụ (nếu có).")
    birth_year = models.PositiveSmallIntegerField(
        "năm sinh",
        null=True,
        blank=True,
        validators=[MinValueValidator(1880), MaxValueValidator(2100)],
        help_text="Chỉ năm sinh, không ghi ngày sinh. Chỉ dành cho cá nhân; chỉ hiển thị nếu có đồng ý.",
    )
    gender = models.CharField(
        "giới tính",
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text="Chỉ dành cho cá nhân; chỉ hiển thị nếu có đồng ý.",
    )
    summary = models.TextField(
        "tóm tắt",
        max_length=600,
        help_text="Một đoạn ngắn (tối đa 600 ký tự) nêu điều đáng học tập; dùng cho danh sách, chia sẻ và phát thanh.",
    )
    body = StreamField(
        StoryBlock(),
        verbose_name="câu chuyện",
        blank=True,
        help_text="Câu chuyện đầy đủ: đoạn văn, trích dẫn, ảnh, con số, video.",
    )
    radio_text = models.TextField(
        "bản đọc phát thanh",
        blank=True,
        help_text="Bản viết để đọc trên sóng, dài hơn phần tóm tắt: câu ngắn, số và chữ viết tắt viết thành chữ. "
        "Khi có, chuyên mục phát thanh đọc bản này thay cho tóm tắt và câu chuyện (với cá nhân, hộ gia đình: "
        "chỉ khi phiếu đồng ý cho phép công bố câu chuyện). Bỏ trống để dùng tóm tắt và câu chuyện.",
    )
    achievements = RichTextField(
        "thành tích",
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="Thành tích nổi bật, có số liệu.",
    )
    replication_guide = RichTextField(
        "hướng dẫn nhân rộng",
        blank=True,
        features=["h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text="Chỉ dành cho mô hình: cần những gì, ai làm, bao nhiêu kinh phí, các bước để nơi khác làm theo.",
    )
    source = models.CharField(
        "nguồn tư liệu", max_length=250, blank=True, help_text="Báo cáo, hồ sơ hoặc người cung cấp thông tin."
    )
    is_fictional = models.BooleanField(
        "nhân vật hư cấu (dữ liệu mẫu)",
        default=False,
        help_text="Đánh dấu hồ sơ mẫu do hệ thống tạo ra; trang công khai sẽ ghi rõ đây là nhân vật hư cấu.",
    )
    external_code = models.CharField(
        "mã hồ sơ",
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text="Mã do văn phòng tự đặt (dùng khi nhập từ bảng tính); không trùng nhau.",
    )
    # Derived from `kind` and the consent record, kept true on every save of either (see
    # `save()` and exemplars.signals), so that public lists filter on one column of this table
    # instead of joining consent records for every row.
    publication_allowed = models.BooleanField(
        "được phép công bố",
        default=False,
        editable=False,
        help_text="Tập thể và mô hình luôn được; cá nhân và hộ gia đình chỉ khi có phiếu đồng ý công bố còn hiệu lực.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("place"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("is_fictional"),
                FieldPanel("external_code"),
            ],
            heading="Phân loại",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("portrait"),
                FieldRowPanel([FieldPanel("portrait_alt"), FieldPanel("portrait_credit")]),
            ],
            heading="Ảnh",
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("fields", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("occupation"), FieldPanel("unit"), FieldPanel("position")]),
                FieldRowPanel([FieldPanel("birth_year"), FieldPanel("gender")]),
            ],
            heading="Thông tin",
        ),
        FieldPanel("body"),
        FieldPanel("radio_text"),
        FieldPanel("achievements"),
        FieldPanel("replication_guide"),
        InlinePanel("awards", heading="Khen thưởng", label="khen thưởng"),
        InlinePanel(
            "adoptions",
            heading="Nơi đã nhân rộng",
            label="nơi nhân rộng",
            help_text="Nơi khác đã làm theo mô hình, cách làm này. Hiện công khai sau khi trang được duyệt và xuất bản.",
        ),
        FieldPanel("source"),
        HelpPanel(
            content=(
                "<p>Với cá nhân và hộ gia đình: cần có <strong>phiếu đồng ý công bố</strong> "
                "(mục “Đồng ý công bố” trong menu Điển hình) trước khi gửi duyệt.</p>"
            ),
            heading="Đồng ý công bố",
        ),
    ]

    base_form_class = ExemplarPageForm  # refuses review/publication without consent
    parent_page_types = ["exemplars.ExemplarIndexPage"]
    subpage_types: list[str] = []

    # Wagtail's API v2: what the public page shows, with consent applied (see api_serializers).
    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("place", serializer=api.PlaceField()),
        APIField("fields", serializer=api.SlugNameListField()),
        APIField("portrait", serializer=api.PortraitField()),
        APIField("occupation"),
        APIField("unit"),
        APIField("position"),
        APIField("birth_year", serializer=api.ConsentGatedField("birth_year", "birth_year")),
        APIField("gender", serializer=api.ConsentGatedField("gender", "birth_year")),
        APIField("body", serializer=api.BodyField()),
        APIField("achievements", serializer=api.RichTextHTMLField()),
        APIField("replication_guide", serializer=api.RichTextHTMLField()),
        APIField("awards", serializer=api.AwardsField()),
        APIField("adoptions", serializer=api.AdoptionsField()),
        APIField("adoption_count", serializer=api.AdoptionCountField(source="*")),
        APIField("campaigns", serializer=api.PublicPagesField(related_campaigns)),
        APIField("stories", serializer=api.PublicPagesField(related_stories)),
        APIField("source"),
        APIField("is_fictional"),
    ]

    class Meta:
        verbose_name = "điển hình"
        verbose_name_plural = "điển hình"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="individual") | (Q(birth_year__isnull=True) & Q(gender="")),
                name="exemplar_personal_details_only_for_individuals",
                violation_error_message="Năm sinh và giới tính chỉ dành cho cá nhân.",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.kind != SubjectKind.INDIVIDUAL:
            if self.birth_year:
                errors["birth_year"] = "Năm sinh chỉ dành cho điển hình cá nhân."
            if self.gender:
                errors["gender"] = "Giới tính chỉ dành cho điển hình cá nhân."
        if self.birth_year and self.birth_year > timezone.localdate().year:
            errors["birth_year"] = "Năm sinh không được ở tương lai."
        if self.portrait_id and not self.portrait_alt:
            errors["portrait_alt"] = "Cần mô tả ảnh (alt) khi có ảnh chân dung."
        # An emptied rich-text editor posts "<p data-block-key=…></p>": judge by the text in it.
        if strip_tags(self.replication_guide or "").strip() and self.kind != SubjectKind.MODEL:
            errors["replication_guide"] = "Hướng dẫn nhân rộng chỉ dành cho mô hình."
        if errors:
            raise ValidationError(errors)

    # -- consent ---------------------------------------------------------------------------

    @property
    def needs_consent(self) -> bool:
        return self.kind in (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD)

    @cached_property
    def consent_record(self) -> ConsentRecord | None:
        try:
            return self.consent
        except ConsentRecord.DoesNotExist:
            return None

    def consent_covers(self, detail: str) -> bool:
        """Whether `detail` ("publication", "photo", "birth_year", "story") may be shown."""
        if not self.needs_consent:
            return True
        record = self.consent_record
        return bool(record and record.covers(detail))

    @property
    def show_portrait(self) -> bool:
        return bool(self.portrait_id) and self.consent_covers("photo")

    @property
    def show_birth_year(self) -> bool:
        return bool(self.birth_year) and self.consent_covers("birth_year")

    @property
    def show_story(self) -> bool:
        return self.consent_covers("story")

    # -- public surfaces -------------------------------------------------------------------

    def _consent_allows_publication(self) -> bool:
        """Read fresh from the database (not `consent_record`, which may be cached and stale)."""
        if not self.needs_consent:
            return True
        if self.pk is None:
            return False
        return ConsentRecord.objects.filter(
            page_id=self.pk, status=ConsentStatus.GIVEN, covers_publication=True
        ).exists()

    def save(self, *args, **kwargs):
        # Publishing a revision saves the page too, so a flag serialised in an old revision
        # is recomputed here rather than restored.
        self.publication_allowed = self._consent_allows_publication()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "publication_allowed" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "publication_allowed"]
        return super().save(*args, **kwargs)

    @classmethod
    def refresh_publication_allowed(cls, page_ids=None) -> None:
        """Recompute `publication_allowed` in one UPDATE, for `page_ids` or for every exemplar
        (after bulk writes that bypass `save()` and the consent signals)."""
        pages = cls.objects.all() if page_ids is None else cls.objects.filter(pk__in=list(page_ids))
        pages.update(publication_allowed=publication_allowed_expression(ConsentRecord))

    @classmethod
    def visibility_q(cls) -> Q:
        """This model's part of the visibility rule (`core.visibility`): consent allows it."""
        return Q(publication_allowed=True)

    @property
    def is_publishable(self) -> bool:
        """Whether consent allows this page on any public surface (see queries.public_exemplars)."""
        return self.consent_covers("publication")

    # Serving (404 unless consent allows it, previews aside) and the sitemap apply
    # `visibility_q` through core.visibility: see core/wagtail_hooks.py and home/sitemap.py.

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Campaigns and stories are read through reverse relations (no import of the campaigns app).
        context["related_campaigns"] = sorted(related_campaigns(self), key=lambda c: vi_sort_key(c.title))
        context["related_stories"] = related_stories(self)[:6]
        # Where others took it up (a preview shows the draft's own adoptions, in memory).
        context["adoptions"] = self.adoptions_in_order()
        context["public_adopters"] = self.public_adopter_ids(context["adoptions"])
        return context

    # -- adoptions (nhân rộng; public surfaces read them through exemplars.propagation) -------

    def adoptions_in_order(self) -> list:
        """Adoptions oldest first (prefetched or in-memory rows are used as they are)."""
        return sorted(self.adoptions.all(), key=lambda a: (a.since, a.sort_order or 0, a.pk or 0))

    @staticmethod
    def public_adopter_ids(adoptions, site=None) -> set[int]:
        """Ids of the adopters' profiles that are public (a link is shown only to those)."""
        ids = {a.adopter_page_id for a in adoptions if a.adopter_page_id}
        if not ids:
            return set()
        return set(public_pages(ExemplarPage, site).filter(pk__in=ids).values_list("pk", flat=True))

    def timeline(self):
        """Awards oldest first, revoked ones included and marked (the record is kept)."""
        return self.awards.select_related("award_type", "issuer").order_by("decision_date", "sort_order")
