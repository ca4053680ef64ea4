"""Emulation campaigns (phong trào thi đua) and the good-deed stories that propagate them.

Campaigns depend on exemplars (a campaign lists its exemplars), never the reverse. Stories
(`StoryPage`) live here too: a story links exemplars and campaigns, so it must sit in the app
that may know both, and propagation of exemplars is the last step of a campaign's lifecycle
(Law 06/2022/QH15, Art. 17). Stories have their own index (/viec-tot/) rather than living
under a campaign, because many good-deed stories belong to no campaign or to several.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.slugs import SlugFromTitleMixin
from core.text import vi_sort_key
from core.visibility import held_back_pages, public_pages
from exemplars import api_serializers as api
from exemplars.blocks import StoryBlock
from exemplars.browse import paginate
from exemplars.headless import HeadlessPreviewPageMixin
from exemplars.models import ConsentStatus, ExemplarPage, IndexPage, Organisation

from .forms import StoryPageForm
from .related import (
    campaign_children,
    campaign_events,
    campaign_exemplars,
    campaign_parent,
    campaign_stories,
    story_campaigns,
    story_events,
    story_exemplars,
)

RICH = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def _by_title(page) -> tuple:
    return vi_sort_key(page.title)


class CampaignIndexPage(IndexPage):
    """The list of emulation campaigns, at /phong-trao/ under the home page."""

    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = "danh sách phong trào"
        verbose_name_plural = "danh sách phong trào"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        qs = public_pages(CampaignPage).child_of(self).select_related("launcher").order_by("-start_date", "title")
        context["page_obj"] = paginate(request, qs)
        context["campaigns"] = context["page_obj"].object_list
        return context


class CampaignForm(models.TextChoices):
    REGULAR = "regular", "Thường xuyên"
    THEMATIC = "thematic", "Theo chuyên đề"


class CampaignScope(models.TextChoices):
    NATIONAL = "national", "Toàn quốc"
    SECTOR = "sector", "Ngành"
    LOCALITY = "locality", "Địa phương"
    BLOC = "bloc", "Cụm, khối thi đua"
    AGENCY = "agency", "Cơ quan, đơn vị"


class CampaignPage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """One emulation campaign: who launched it, when, its goals, milestones and exemplars."""

    slogan = models.CharField(
        "khẩu hiệu",
        max_length=250,
        blank=True,
        help_text="Khẩu hiệu của phong trào, ví dụ “Không để ai bị bỏ lại phía sau”.",
    )
    form = models.CharField(
        "hình thức",
        max_length=20,
        choices=CampaignForm.choices,
        default=CampaignForm.REGULAR,
        help_text="Thường xuyên hay theo chuyên đề (Điều 16 Luật Thi đua, khen thưởng).",
    )
    scope = models.CharField(
        "phạm vi",
        max_length=20,
        choices=CampaignScope.choices,
        default=CampaignScope.LOCALITY,
        help_text="Phạm vi tổ chức phong trào.",
    )
    launcher = models.ForeignKey(
        Organisation,
        verbose_name="cơ quan phát động",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns_launched",
        help_text="Cơ quan, tổ chức phát động (có thể là tổ chức Đảng, đoàn thể).",
    )
    document_number = models.CharField(
        "số văn bản phát động",
        max_length=80,
        blank=True,
        help_text="Số kế hoạch hoặc quyết định phát động, ví dụ “45/KH-UBND”.",
    )
    document_date = models.DateField("ngày văn bản", null=True, blank=True, help_text="Ngày ký văn bản phát động.")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="tệp văn bản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tệp PDF của kế hoạch, quyết định phát động.",
    )
    parent_campaign = models.ForeignKey(
        "self",
        verbose_name="phong trào cấp trên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_campaigns",
        help_text="Phong trào toàn quốc hoặc cấp tỉnh mà phong trào này triển khai, ví dụ “Cả nước chung sức xây dựng nông thôn mới”.",
    )
    start_date = models.DateField("bắt đầu", null=True, blank=True, help_text="Ngày bắt đầu giai đoạn.")
    end_date = models.DateField(
        "kết thúc", null=True, blank=True, help_text="Ngày kết thúc giai đoạn; bỏ trống nếu thường xuyên."
    )
    summary = models.TextField(
        "tóm tắt",
        max_length=600,
        blank=True,
        help_text="Một đoạn ngắn giới thiệu phong trào; dùng cho danh sách và chia sẻ.",
    )
    goals = RichTextField("mục tiêu", blank=True, features=RICH, help_text="Mục tiêu của phong trào.")
    criteria = RichTextField("tiêu chí", blank=True, features=RICH, help_text="Tiêu chí thi đua, tiêu chuẩn đánh giá.")
    body = StreamField(
        StoryBlock(), verbose_name="nội dung", blank=True, help_text="Giới thiệu chi tiết về phong trào."
    )
    results = RichTextField(
        "kết quả", blank=True, features=RICH, help_text="Kết quả đạt được, có số liệu (cập nhật khi sơ kết, tổng kết)."
    )
    source = models.TextField(
        "nguồn tư liệu",
        blank=True,
        help_text="Thông tin lấy từ đâu: báo cáo (mục, trích nguyên văn), văn bản, người cung cấp; ghi rõ điều "
        "nguồn không nêu.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("slogan"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("slogan"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("form"), FieldPanel("scope")]),
                FieldPanel("launcher"),
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("document_date")]),
                FieldPanel("document"),
                PageChooserPanel("parent_campaign", "campaigns.CampaignPage"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="Phát động",
        ),
        InlinePanel("milestones", heading="Các mốc", label="mốc"),
        FieldPanel("goals"),
        FieldPanel("criteria"),
        FieldPanel("body"),
        FieldPanel("results"),
        FieldPanel("source"),
        InlinePanel("exemplar_links", heading="Điển hình của phong trào", label="điển hình"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []

    # Wagtail's API v2: what the public page shows; related pages are public ones only.
    api_fields = [
        APIField("slogan"),
        APIField("summary"),
        APIField("form"),
        APIField("scope"),
        APIField("launcher", serializer=api.OrganisationField()),
        APIField("document_number"),
        APIField("document_date"),
        APIField("document", serializer=api.DocumentField()),
        APIField("parent_campaign", serializer=api.PublicPageField(campaign_parent)),
        APIField("child_campaigns", serializer=api.PublicPagesField(campaign_children)),
        APIField("start_date"),
        APIField("end_date"),
        APIField("milestones", serializer=api.MilestonesField()),
        APIField("goals", serializer=api.RichTextHTMLField()),
        APIField("criteria", serializer=api.RichTextHTMLField()),
        APIField("body", serializer=api.BodyField()),
        APIField("results", serializer=api.RichTextHTMLField()),
        APIField("exemplars", serializer=api.PublicPagesField(campaign_exemplars)),
        APIField("stories", serializer=api.PublicPagesField(campaign_stories)),
    ]

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Ngày kết thúc phải sau ngày bắt đầu."})
        node, seen = self.parent_campaign, set()
        while node is not None and node.pk not in seen:
            if self.pk and node.pk == self.pk:
                raise ValidationError({"parent_campaign": "Phong trào không thể là cấp trên của chính nó."})
            seen.add(node.pk)
            node = node.parent_campaign

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Short, unpaginated lists: sorted in Python into Vietnamese alphabetical order.
        context["exemplars"] = sorted(campaign_exemplars(self).select_related("place"), key=_by_title)
        context["stories"] = campaign_stories(self)
        context["milestones"] = self.milestones.order_by("date", "sort_order")
        context["child_campaigns"] = sorted(campaign_children(self), key=_by_title)
        context["events"] = campaign_events(self)
        return context

    @property
    def period_label(self) -> str:
        if self.start_date and self.end_date:
            return f"{self.start_date.year}–{self.end_date.year}"
        if self.start_date:
            return f"từ {self.start_date.year}"
        return ""

    @property
    def is_running(self) -> bool:
        """Under way today. Without a start date nobody knows, so the site does not say it is."""
        today = timezone.localdate()
        return bool(self.start_date) and self.start_date <= today and (not self.end_date or today <= self.end_date)


class MilestoneKind(models.TextChoices):
    LAUNCH = "launch", "Phát động"
    INTERIM = "interim", "Sơ kết"
    FINAL = "final", "Tổng kết"
    OTHER = "other", "Khác"


class CampaignMilestone(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(
        "mốc", max_length=20, choices=MilestoneKind.choices, help_text="Phát động, sơ kết hay tổng kết."
    )
    date = models.DateField("ngày", help_text="Ngày diễn ra.")
    note = models.CharField("ghi chú", max_length=300, blank=True, help_text="Ví dụ “Hội nghị sơ kết 3 năm”.")

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "mốc phong trào"
        verbose_name_plural = "mốc phong trào"

    def __str__(self) -> str:
        # Shown in the event editor's milestone chooser: which campaign, which milestone.
        return f"{self.page.title} — {self.get_kind_display()} {self.date:%d/%m/%Y}"


class CampaignExemplar(Orderable):
    """An exemplar that this campaign discovered or propagates."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="exemplar_links")
    exemplar = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="điển hình",
        on_delete=models.CASCADE,
        related_name="campaign_links",
        help_text="Điển hình tiêu biểu của phong trào.",
    )

    panels = [PageChooserPanel("exemplar", "exemplars.ExemplarPage")]

    class Meta(Orderable.Meta):
        verbose_name = "điển hình của phong trào"
        verbose_name_plural = "điển hình của phong trào"
        constraints = [models.UniqueConstraint(fields=["page", "exemplar"], name="unique_campaign_exemplar")]


class StoryIndexPage(IndexPage):
    """The list of good-deed stories (việc tốt), at /viec-tot/ under the home page."""

    subpage_types = ["campaigns.StoryPage"]

    class Meta:
        verbose_name = "danh sách tin việc tốt"
        verbose_name_plural = "danh sách tin việc tốt"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        qs = public_pages(StoryPage).child_of(self).order_by("-date", "-pk")
        context["page_obj"] = paginate(request, qs, per_page=10)
        context["stories"] = context["page_obj"].object_list
        return context


class StoryPage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """A news story about a good deed, linked to the exemplars and campaigns it is about."""

    lead = models.TextField("sapo", max_length=500, help_text="Đoạn mở đầu in đậm, 1–3 câu (tối đa 500 ký tự).")
    body = StreamField(StoryBlock(), verbose_name="nội dung", help_text="Nội dung bài viết.")
    radio_text = models.TextField(
        "bản đọc phát thanh",
        blank=True,
        help_text="Bản viết để đọc trên sóng, câu ngắn, số và chữ viết tắt viết thành chữ. Khi có, chuyên mục "
        "phát thanh đọc bản này thay cho sapo và nội dung. Bỏ trống để dùng sapo và nội dung.",
    )
    author = models.CharField("tác giả", max_length=150, help_text="Tên phóng viên hoặc cộng tác viên.")
    date = models.DateField("ngày đăng", default=timezone.localdate, help_text="Ngày bài viết (hiển thị trên trang).")
    exemplars = ParentalManyToManyField(
        "exemplars.ExemplarPage",
        verbose_name="điển hình liên quan",
        blank=True,
        related_name="stories",
        help_text="Những điển hình được nói đến trong bài.",
    )
    campaigns = ParentalManyToManyField(
        CampaignPage,
        verbose_name="phong trào liên quan",
        blank=True,
        related_name="stories",
        help_text="Phong trào mà việc tốt này thuộc về.",
    )
    is_fictional = models.BooleanField(
        "bài viết mẫu (hư cấu)",
        default=False,
        help_text="Đánh dấu bài mẫu do hệ thống tạo; trang công khai ghi rõ là hư cấu.",
    )
    source = models.TextField(
        "nguồn tư liệu",
        blank=True,
        help_text="Thông tin lấy từ đâu: báo cáo (mục, trích nguyên văn), văn bản, người cung cấp; ghi rõ điều "
        "nguồn không nêu.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("author"), FieldPanel("date")]),
        FieldPanel("body"),
        FieldPanel("radio_text"),
        FieldPanel("exemplars"),
        FieldPanel("campaigns"),
        FieldPanel("source"),
        FieldPanel("is_fictional"),
    ]

    base_form_class = StoryPageForm  # refuses review/publication while it links a withdrawn person
    parent_page_types = ["campaigns.StoryIndexPage"]
    subpage_types: list[str] = []

    api_fields = [
        APIField("lead"),
        APIField("author"),
        APIField("date"),
        APIField("body", serializer=api.BodyField()),
        APIField("exemplars", serializer=api.PublicPagesField(story_exemplars)),
        APIField("campaigns", serializer=api.PublicPagesField(story_campaigns)),
        APIField("is_fictional"),
    ]

    class Meta:
        verbose_name = "tin việc tốt"
        verbose_name_plural = "tin việc tốt"

    @classmethod
    def visibility_q(cls) -> Q:
        """This model's part of the visibility rule (`core.visibility`): a story that links a
        person or household whose consent was withdrawn is held back from every public surface
        until an editor revises it — removes the link (and what the text says of them) and
        publishes again. The story names them, so it cannot stay up while their own page is
        gone; editors find these stories in the admin report "Tin bài tạm giữ vì rút lại đồng ý"."""
        return ~Q(Exists(withdrawn_links().filter(storypage_id=OuterRef("pk"))))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["exemplars"] = sorted(story_exemplars(self).select_related("place"), key=_by_title)
        context["campaigns"] = story_campaigns(self)
        context["events"] = story_events(self)
        return context


def withdrawn_links():
    """Links from stories to exemplars whose consent was withdrawn (the rows that hold a story back)."""
    return StoryPage.exemplars.through.objects.filter(exemplarpage__consent__status=ConsentStatus.WITHDRAWN)


def held_back_stories():
    """Live stories the public cannot see because they link someone who withdrew consent, with
    those people (`withdrawn_exemplars`), for the editors' report."""
    people = ExemplarPage.objects.filter(consent__status=ConsentStatus.WITHDRAWN).select_related("consent")
    return (
        held_back_pages(StoryPage)
        .prefetch_related(Prefetch("exemplars", queryset=people.order_by("title"), to_attr="withdrawn_exemplars"))
        .order_by("-date", "-pk")
    )


# Events and emulation blocs live in their own modules; importing them here registers their models.
from .blocs import BlocMember, BlocPledge, BlocRanking, BlocScore, EmulationBloc  # noqa: E402, F401
from .events import EventDocument, EventFigure, EventHonouree, EventIndexPage, EventPage  # noqa: E402, F401
