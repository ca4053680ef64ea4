"""An exemplar's related public pages, each relation defined once (see `core.related`).

Campaigns know exemplars, not the reverse: the campaign and story models are reached through
the reverse relations the campaigns app declares on `ExemplarPage`, without importing it. The
exemplar page model itself is looked up by name, so that this module (and `exemplars.filters`,
which the page models' list page uses) does not import the page models.
"""

from __future__ import annotations

from django.apps import apps

from core.related import Related


def _exemplar_page():
    return apps.get_model("exemplars", "ExemplarPage")


def campaign_link_model():
    """The model of a campaign's link to one of its exemplars (`campaign_links`)."""
    return _exemplar_page().campaign_links.rel.related_model


def campaign_model():
    return campaign_link_model()._meta.get_field("page").related_model


def story_model():
    return _exemplar_page().stories.rel.related_model


# Public campaigns that list an exemplar, the most recent first.
related_campaigns = Related(campaign_model, "exemplar_links__exemplar", ("-start_date", "title"))
# Public stories that tell of an exemplar, newest first.
related_stories = Related(story_model, "exemplars", ("-date", "-pk"))
