"""The site root (`HomePage`) and plain information pages (`AboutPage`).

The home page is the only page type allowed at the tree root; the three index pages
(exemplars, campaigns, stories) and information pages live directly under it.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.slugs import SlugFromTitleMixin
from exemplars import api_serializers as api
from exemplars.blocks import StoryBlock
from exemplars.headless import HeadlessPreviewPageMixin


class HomePage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """The front page: featured exemplars, campaigns under way, latest stories."""

    intro = models.TextField(
        "lời giới thiệu", blank=True, max_length=600, help_text="Một đoạn ngắn nói trang này để làm gì."
    )
    featured_exemplar = models.ForeignKey(
        "exemplars.ExemplarPage",
        verbose_name="điển hình nổi bật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Điển hình đặt ở đầu trang chủ; bỏ trống để lấy điển hình mới nhất.",
    )
    nominate_text = models.CharField(
        "lời mời giới thiệu",
        max_length=200,
        blank=True,
        default="Bạn biết một người tốt, việc tốt? Hãy giới thiệu với chúng tôi.",
        help_text="Dòng chữ mời người dân giới thiệu gương người tốt việc tốt.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("featured_exemplar", "exemplars.ExemplarPage"),
        FieldPanel("nominate_text"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("featured_exemplar", serializer=api.PublicPageField(lambda page, site: _featured(page, site))),
        APIField("nominate_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "exemplars.ExemplarIndexPage",
        "campaigns.CampaignIndexPage",
        "campaigns.StoryIndexPage",
        "campaigns.EventIndexPage",
        "home.AboutPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "trang chủ"
        verbose_name_plural = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        from campaigns.models import CampaignPage, StoryPage
        from core.visibility import public_pages
        from exemplars.models import ExemplarPage

        context = super().get_context(request, *args, **kwargs)
        public = public_pages(ExemplarPage).select_related("place", "consent", "portrait")
        featured = public.filter(pk=self.featured_exemplar_id).first() if self.featured_exemplar_id else None
        featured = featured or public.order_by("-first_published_at").first()
        context["featured"] = featured
        others = public.exclude(pk=featured.pk) if featured else public
        context["exemplars"] = others.order_by("-first_published_at")[:6]
        context["campaigns"] = [
            c for c in public_pages(CampaignPage).select_related("launcher").order_by("-start_date") if c.is_running
        ][:6]
        context["stories"] = public_pages(StoryPage).order_by("-date", "-pk")[:6]
        return context


class AboutPage(SlugFromTitleMixin, HeadlessPreviewPageMixin, Page):
    """A plain information page (giới thiệu, liên hệ, chính sách dữ liệu cá nhân)."""

    lead = RichTextField("đoạn mở đầu", blank=True, features=["bold", "italic", "link"], help_text="Đoạn mở đầu ngắn.")
    body = StreamField(StoryBlock(), verbose_name="nội dung", blank=True, help_text="Nội dung trang.")

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    api_fields = [APIField("lead", serializer=api.RichTextHTMLField()), APIField("body", serializer=api.BodyField())]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "trang thông tin"
        verbose_name_plural = "trang thông tin"


def _featured(page, site):
    from exemplars.queries import public_exemplars

    return public_exemplars(site).filter(pk=page.featured_exemplar_id)
