"""A campaign's and a story's related public pages, each relation defined once (`core.related`).

The campaign page, its v2 API fields, the domain API (per page, prefetched for lists, and in
headless preview), search documents and the story feed all read these. An exemplar's own
campaigns and stories are `exemplars.related`. The campaigns app's page models are looked up
by name, so that `campaigns.models` can use these in its class bodies.
"""

from __future__ import annotations

from django.apps import apps

from core.related import Related
from exemplars.models import ExemplarPage


def _campaign_page():
    return apps.get_model("campaigns", "CampaignPage")


def _story_page():
    return apps.get_model("campaigns", "StoryPage")


# The campaign this one carries out (its `parent_campaign`), when that is public.
campaign_parent = Related(_campaign_page, "pk", (), key="parent_campaign_id")
# Campaigns that carry this one out, the most recent first.
campaign_children = Related(_campaign_page, "parent_campaign", ("-start_date", "title"))
campaign_exemplars = Related(ExemplarPage, "campaign_links__page", ("title",))
campaign_stories = Related(_story_page, "campaigns", ("-date", "-pk"))
story_exemplars = Related(ExemplarPage, "stories", ("title",))
story_campaigns = Related(_campaign_page, "stories", ("title",))


def _event_page():
    return apps.get_model("campaigns", "EventPage")


# Events: the exemplars honoured (public ones; the others are only counted), campaigns, stories.
event_honourees = Related(ExemplarPage, "event_links__page", ("title",))
event_campaigns = Related(_campaign_page, "events", ("title",))
event_stories = Related(_story_page, "events", ("-date", "-pk"))
campaign_events = Related(_event_page, "campaigns", ("-year", "-date", "title"))
story_events = Related(_event_page, "stories", ("-year", "-date", "title"))
