"""RSS 2.0 and JSON Feed 1.1 of new good-deed stories (/viec-tot/feed.xml, /viec-tot/feed.json).

Only public stories of the request's site are listed (`core.visibility.public_pages`: live,
unrestricted, not past their expiry time, no link to a person who withdrew consent) — the same
stories the site shows. Exemplars whose consent no longer allows publication are never named
by the feed itself.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from wagtail.models import Site

from campaigns.models import StoryIndexPage, StoryPage
from campaigns.related import story_campaigns
from core.feeds import json_feed, json_feed_item, json_feed_response
from core.visibility import public_pages

from .seo import absolute, description, page_url, share_image

FEED_SIZE = 30
FEED_TITLE = "Gương Sáng — Việc tốt mới"
FEED_DESCRIPTION = "Những câu chuyện người tốt, việc tốt mới nhất trên đảo Lý Sơn."


def _site(request) -> Site | None:
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def feed_stories(request):
    return public_pages(StoryPage, _site(request)).order_by("-date", "-pk")[:FEED_SIZE]


def _published(story: StoryPage) -> datetime.datetime:
    """The story's date as a time: noon local time on the day shown on the page."""
    return timezone.make_aware(datetime.datetime.combine(story.date, datetime.time(12, 0)))


def _index_url(request) -> str:
    index = public_pages(StoryIndexPage, _site(request)).first()
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
        return [c.title for c in story_campaigns(item)]


def story_json_feed(request):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same stories as the RSS feed."""
    items = []
    for story in feed_stories(request):
        url = page_url(story, request)
        image = share_image(story, request)
        items.append(
            json_feed_item(
                id=url,
                url=url,
                title=story.title,
                summary=description(story),
                content_text=story.lead,
                date_published=_published(story).isoformat(),
                authors=[{"name": story.author}],
                language="vi",
                date_modified=story.last_published_at.isoformat() if story.last_published_at else None,
                image=image["url"] if image["type"] == "image/jpeg" else None,
                tags=[c.title for c in story_campaigns(story)] or None,
            )
        )
    feed = json_feed(
        items,
        title=FEED_TITLE,
        description=FEED_DESCRIPTION,
        home_page_url=_index_url(request),
        feed_url=absolute(request, request.get_full_path()),
        language="vi",
        icon=absolute(request, "/static/img/og-default.png"),
        favicon=absolute(request, "/static/img/favicon.png"),
    )
    return json_feed_response(feed)
