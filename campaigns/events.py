"""Events (sự kiện): exemplar conferences, sơ kết and tổng kết meetings, talks and exchanges.

The report this site grew from names events as the places where exemplars are honoured
("Tuyên dương gương điển hình tại các hội nghị sơ kết, tổng kết", "Hội nghị điển hình tiên
tiến năm 2015, … năm 2020 theo Kế hoạch") and cites their plan documents. An `EventPage` is a
Wagtail page under `EventIndexPage` (/su-kien/), so it goes through the same two-step approval
as every other page. It records:

- its plan documents as printed (`EventDocument`: kind, number, date, the wording of the
  source, an optional file);
- the campaigns and the campaign milestone it belongs to;
- the exemplars honoured (`EventHonouree`): named in public only while their own page is
  public (`core.visibility`, through `campaigns.related.event_honourees`), otherwise counted;
- its results, as text and figures (`EventFigure`);
- where each fact comes from (`source`), and whether the event is only an illustration.

Imported by `campaigns.models` (never the reverse, so the two modules form no cycle); the
page models of this app are named by string here.
"""

from __future__ import annotations

from rest_framework.fields import Field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.slugs import SlugFromTitleMixin
from core.visibility import public_pages
from exemplars import api_serializers as api
from exemplars.browse import paginate
from exemplars.headless import HeadlessPreviewPageMixin
from exemplars.models import IndexPage, Organisation

from .forms import EventPageForm
from .related import event_campaigns, event_honourees, event_stories

RICH = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
YEAR_MIN, YEAR_MAX = 1945, 2100

# Query parameters of /su-kien/ (Vietnamese, like the exemplar browser's `?linh_vuc=`).
KIND_PARAM, YEAR_PARAM = "loai", "nam"


class EventKind(models.TextChoices):
    CONFERENCE = "conference", "Hội nghị điển hình tiên tiến"
    INTERIM = "interim", "Hội nghị sơ kết"
    FINAL = "final", "Hội nghị tổng kết"
    TALK = "talk", "Tọa đàm, giao lưu"


class DocumentKind(models.TextChoices):
    PLAN = "plan", "Kế hoạch"
    LETTER = "letter", "Công văn"
    DECISION = "decision", "Quyết định"
    REPORT = "report", "Báo cáo"
    OTHER = "other", "Văn bản khác"


class EventDocumentsField(Field):
    """An event's documents in API v2, in the same shape as /api/v1/events/{slug}."""

    def to_representation(self, manager):
        return [document.as_dict() for document in manager.order_by("sort_order")]


class EventIndexPage(IndexPage):
    """The list of events, at /su-kien/ under the home page: by year, filtered by kind and year.

    Bad filter values are not an error page: the list says in Vietnamese what was wrong and
    shows every event instead, so a mistyped link still leads somewhere."""

    subpage_types = ["campaigns.EventPage"]

    class Meta:
        verbose_name = "danh sách sự kiện"
        verbose_name_plural = "danh sách sự kiện"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        everything = public_pages(EventPage).child_of(self)
        qs, errors, chosen = everything, [], {"kind": "", "year": None}
        kind = request.GET.get(KIND_PARAM, "").strip()
        if kind:
            if kind in EventKind.values:
                qs, chosen["kind"] = qs.filter(kind=kind), kind
            else:
                errors.append(f"Không có loại sự kiện “{kind[:40]}”; đang hiện mọi loại.")
        year = request.GET.get(YEAR_PARAM, "").strip()
        if year:
            if year.isdigit() and YEAR_MIN <= int(year) <= YEAR_MAX:
                qs, chosen["year"] = qs.filter(year=int(year)), int(year)
            else:
                errors.append(f"Năm “{year[:10]}” không hợp lệ (ví dụ 2020); đang hiện mọi năm.")
        qs = qs.select_related("organiser").prefetch_related("documents").order_by("-year", "-date", "title")
        page_obj = paginate(request, qs, per_page=30)
        by_year: dict[int, list] = {}
        for event in page_obj.object_list:
            by_year.setdefault(event.year, []).append(event)
        context.update(
            page_obj=page_obj,
            events_by_year=sorted(by_year.items(), reverse=True),
            kinds=EventKind.choices,
            years=sorted(set(everything.values_list("year", flat=True)), reverse=True),
            chosen=chosen,
            filter_errors=errors,
            kind_param=KIND_PARAM,
            year_param=YEAR_PARAM,
        )
        return context


class EventPage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """One event: a conference, a sơ kết or tổng kết meeting, or a talk."""

    kind = models.CharField(
        "loại sự kiện",
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.CONFERENCE,
        help_text="Hội nghị điển hình tiên tiến, hội nghị sơ kết, tổng kết, hay tọa đàm, giao lưu.",
    )
    year = models.PositiveSmallIntegerField(
        "năm",
        help_text="Năm tổ chức. Bắt buộc, vì nguồn thường chỉ nêu năm (ví dụ “Hội nghị điển hình tiên tiến năm 2015”).",
    )
    date = models.DateField(
        "ngày tổ chức",
        null=True,
        blank=True,
        help_text="Chỉ ghi khi nguồn nêu ngày; bỏ trống thì trang ghi “chưa rõ ngày” thay vì đoán.",
    )
    location = models.CharField(
        "địa điểm", max_length=200, blank=True, help_text="Nơi tổ chức; bỏ trống nếu nguồn không nêu."
    )
    organiser = models.ForeignKey(
        Organisation,
        verbose_name="cơ quan tổ chức",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events_organised",
        help_text="Cơ quan tổ chức sự kiện, ví dụ “Ủy ban nhân dân huyện Lý Sơn”.",
    )
    summary = models.TextField(
        "tóm tắt", max_length=600, blank=True, help_text="Một đoạn ngắn giới thiệu sự kiện; dùng cho danh sách."
    )
    campaigns = ParentalManyToManyField(
        "campaigns.CampaignPage",
        verbose_name="phong trào liên quan",
        blank=True,
        related_name="events",
        help_text="Phong trào mà sự kiện sơ kết, tổng kết hoặc biểu dương.",
    )
    milestone = models.ForeignKey(
        "campaigns.CampaignMilestone",
        verbose_name="mốc phong trào",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Mốc sơ kết, tổng kết của phong trào mà sự kiện này là hội nghị của mốc đó.",
    )
    honoured_count = models.PositiveIntegerField(
        "số tập thể, cá nhân được biểu dương",
        null=True,
        blank=True,
        help_text="Con số như nguồn ghi. Bỏ trống nếu nguồn không nêu (trang ghi “báo cáo không nêu”).",
    )
    results = RichTextField(
        "kết quả", blank=True, features=RICH, help_text="Kết quả của sự kiện: khen thưởng, cam kết, bài học."
    )
    stories = ParentalManyToManyField(
        "campaigns.StoryPage",
        verbose_name="tin bài về sự kiện",
        blank=True,
        related_name="events",
        help_text="Tin việc tốt viết về sự kiện này.",
    )
    is_illustrative = models.BooleanField(
        "sự kiện minh họa",
        default=False,
        help_text="Đánh dấu sự kiện mẫu không có thật; trang công khai ghi rõ là minh họa.",
    )
    source = models.TextField(
        "nguồn tư liệu",
        blank=True,
        help_text="Thông tin lấy từ đâu: báo cáo (mục, trích nguyên văn), văn bản; ghi rõ điều nguồn không nêu.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("results"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("date")]),
                FieldRowPanel([FieldPanel("location"), FieldPanel("organiser")]),
                FieldPanel("campaigns"),
                FieldPanel("milestone"),
            ],
            heading="Sự kiện",
        ),
        InlinePanel("documents", heading="Văn bản tổ chức", label="văn bản"),
        FieldPanel("honoured_count"),
        InlinePanel("honourees", heading="Điển hình được biểu dương", label="điển hình"),
        FieldPanel("results"),
        InlinePanel("figures", heading="Số liệu kết quả", label="số liệu"),
        FieldPanel("stories"),
        FieldPanel("source"),
        FieldPanel("is_illustrative"),
    ]

    base_form_class = EventPageForm  # a milestone must belong to one of the event's campaigns
    parent_page_types = ["campaigns.EventIndexPage"]
    subpage_types: list[str] = []

    # Wagtail's API v2: the same facts as /api/v1/events; honoured exemplars are public ones only.
    api_fields = [
        APIField("kind"),
        APIField("year"),
        APIField("date"),
        APIField("location"),
        APIField("organiser", serializer=api.OrganisationField()),
        APIField("summary"),
        APIField("documents", serializer=EventDocumentsField()),
        APIField("campaigns", serializer=api.PublicPagesField(event_campaigns)),
        APIField("honoured", serializer=api.PublicPagesField(event_honourees)),
        APIField("honoured_count"),
        APIField("results", serializer=api.RichTextHTMLField()),
        APIField("stories", serializer=api.PublicPagesField(event_stories)),
        APIField("is_illustrative"),
        APIField("source"),
    ]

    class Meta:
        verbose_name = "sự kiện"
        verbose_name_plural = "sự kiện"

    def clean(self):
        super().clean()
        if self.year and not YEAR_MIN <= self.year <= YEAR_MAX:
            raise ValidationError({"year": f"Năm phải từ {YEAR_MIN} đến {YEAR_MAX}."})
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError({"date": "Ngày tổ chức phải thuộc năm đã ghi."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        honoured = list(event_honourees(self).select_related("place"))
        context.update(
            documents=self.documents.order_by("sort_order"),
            figures=self.figures.order_by("sort_order"),
            campaigns=event_campaigns(self),
            honoured=honoured,
            honoured_unnamed=self.linked_honouree_count - len(honoured),
            stories=event_stories(self),
            milestone=self.public_milestone,
        )
        return context

    @cached_property
    def linked_honouree_count(self) -> int:
        """Every exemplar linked as honoured, public or not (the public sees the others counted)."""
        return self.honourees.count()

    @property
    def public_milestone(self):
        """The milestone, when its campaign is public (a milestone names its campaign)."""
        milestone = self.milestone
        if milestone is None or not public_pages(Page).filter(pk=milestone.page_id).exists():
            return None
        return milestone

    @property
    def kind_label(self) -> str:
        return self.get_kind_display()


class EventDocument(Orderable):
    """A plan or other document of an event, as printed in its source (number, date, wording)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        "loại văn bản",
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.PLAN,
        help_text="Kế hoạch, công văn, quyết định, báo cáo…",
    )
    number = models.CharField("số, ký hiệu", max_length=80, help_text="Như in trên văn bản, ví dụ “94/KH-UBND”.")
    date = models.DateField("ngày ban hành", null=True, blank=True, help_text="Ngày ký văn bản.")
    as_printed = models.CharField(
        "ghi như nguồn",
        max_length=200,
        blank=True,
        help_text="Số và ngày đúng như nguồn in, ví dụ “Kế hoạch số 94/KH-UBND ngày 10/12/2014”. Bỏ trống để "
        "trang tự ghép từ loại, số và ngày.",
    )
    title = models.TextField(
        "trích yếu", blank=True, help_text="Trích yếu nội dung văn bản (nguyên văn nếu lấy từ báo cáo)."
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="tệp văn bản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tệp PDF của văn bản, nếu có.",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("as_printed"),
        FieldPanel("title"),
        FieldPanel("file"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản tổ chức"
        verbose_name_plural = "văn bản tổ chức"

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.as_printed:
            return self.as_printed
        text = f"{self.get_kind_display()} số {self.number}"
        return f"{text} ngày {self.date:%d/%m/%Y}" if self.date else text

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "kind_label": self.get_kind_display(),
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "as_printed": self.label,
            "title": self.title,
            "file_url": self.file.url if self.file_id else None,
        }


class EventHonouree(Orderable):
    """An exemplar honoured at the event. Public only while the exemplar's own page is public."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="honourees")
    exemplar = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="điển hình",
        on_delete=models.CASCADE,
        related_name="event_links",
        help_text="Điển hình được biểu dương, khen thưởng tại sự kiện.",
    )

    panels = [PageChooserPanel("exemplar", "exemplars.ExemplarPage")]

    class Meta(Orderable.Meta):
        verbose_name = "điển hình được biểu dương"
        verbose_name_plural = "điển hình được biểu dương"
        constraints = [models.UniqueConstraint(fields=["page", "exemplar"], name="unique_event_honouree")]


class EventFigure(Orderable):
    """One result figure: “12 | tập thể được tặng Giấy khen”."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="figures")
    value = models.CharField("con số", max_length=40, help_text="Ví dụ “12” hoặc “95%”.")
    label = models.CharField("nội dung", max_length=200, help_text="Ví dụ “tập thể được tặng Giấy khen”.")

    panels = [FieldRowPanel([FieldPanel("value"), FieldPanel("label")])]

    class Meta(Orderable.Meta):
        verbose_name = "số liệu kết quả"
        verbose_name_plural = "số liệu kết quả"
