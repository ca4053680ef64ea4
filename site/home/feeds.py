"""RSS 2.0 and JSON Feed 1.1 of new good-deed stories (/viec-tot/feed.xml, /viec-tot/feed.json).

Only live, public stories of the request's site are listed — the same stories the site shows.
Exemplars whose consent no longer allows publication are never named by the feed itself.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from wagtail.models import Site

from campaigns.models import StoryIndexPage, StoryPage

from .seo import absolute, description, page_url, share_image

FEED_SIZE = 30
FEED_TITLE = "Gương Sáng — Việc tốt mới"
FEED_DESCRIPTION = "Những câu chuyện người tốt, việc tốt mới nhất trên đảo Lý Sơn."


def feed_stories(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    qs = StoryPage.objects.live().public()
    if site is not None:
        qs = qs.descendant_of(site.root_page)
    return qs.order_by("-date", "-pk")[:FEED_SIZE]


def _published(story: StoryPage) -> datetime.datetime:
    """The story's date as a time: noon local time on the day shown on the page."""
    return timezone.make_aware(datetime.datetime.combine(story.date, datetime.time(12, 0)))


def _index_url(request) -> str:
    index = StoryIndexPage.objects.live().first()
    return page_url(index, request) if index else absolute(request, "/viec-tot/")


class StoryRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = FEED_TITLE
    description = FEED_DESCRIPTION
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return _index_url(self.request)

    def feed_url(self):
        return absolute(self.request, self.request.get_full_path())

    def items(self):
        return feed_stories(self.request)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return page_url(item, self.request)

    def item_author_name(self, item):
        return item.author

    def item_pubdate(self, item):
        return _published(item)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [c.title for c in item.campaigns.live().public()]


def story_json_feed(request):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same stories as the RSS feed."""
    items = []
    for story in feed_stories(request):
        url = page_url(story, request)
        item = {
            "id": url,
            "url": url,
            "title": story.title,
            "summary": description(story),
            "content_text": story.lead,
            "date_published": _published(story).isoformat(),
            "authors": [{"name": story.author}],
            "language": "vi",
        }
        if story.last_published_at:
            item["date_modified"] = story.last_published_at.isoformat()
        image = share_image(story, request)
        if image["type"] == "image/jpeg":
            item["image"] = image["url"]
        tags = [c.title for c in story.campaigns.live().public()]
        if tags:
            item["tags"] = tags
        items.append(item)
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": FEED_TITLE,
        "description": FEED_DESCRIPTION,
        "home_page_url": _index_url(request),
        "feed_url": absolute(request, request.get_full_path()),
        "language": "vi",
        "icon": absolute(request, "/static/img/og-default.png"),
        "favicon": absolute(request, "/static/img/favicon.png"),
        "items": items,
    }
    return JsonResponse(
        data, content_type="application/feed+json; charset=utf-8", json_dumps_params={"ensure_ascii": False}
    )
