"""Signal receivers that keep the API caches honest (and renditions ready).

Connected from `home.apps.HomeConfig.ready()`. Any change that can alter what a public API
shows bumps the content generation of `config.http_cache`: publishing, unpublishing
(including scheduled expiry), deleting or moving a page, consent records, vocabularies,
view restrictions, sites and images. Publishing also pre-generates the image renditions the
APIs serve, so that a list request never has to create them (and its query count stays fixed).
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .http_cache import bump_generation

logger = logging.getLogger(__name__)
_connected = False


def _bump(sender=None, **kwargs):
    bump_generation()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_generation()


def _pregenerate_renditions(sender, instance, **kwargs):
    from exemplars.representation import pregenerate_for_page

    try:
        pregenerate_for_page(instance.specific)
    except Exception:  # a broken image file must not block publishing
        logger.exception("Could not pre-generate renditions for page %s", instance.pk)


def connect() -> None:
    global _connected
    if _connected:
        return
    _connected = True
    from exemplars.models import Award, AwardType, ConsentRecord, Field, Organisation, Place

    page_published.connect(_bump, dispatch_uid="api-cache-published")
    page_published.connect(_pregenerate_renditions, dispatch_uid="api-renditions-published")
    page_unpublished.connect(_bump, dispatch_uid="api-cache-unpublished")
    post_page_move.connect(_bump, dispatch_uid="api-cache-moved")
    post_delete.connect(_page_deleted, dispatch_uid="api-cache-page-deleted")
    for model in (ConsentRecord, Place, Field, AwardType, Organisation, Award, PageViewRestriction, Site):
        post_save.connect(_bump, sender=model, dispatch_uid=f"api-cache-save-{model._meta.label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"api-cache-delete-{model._meta.label}")
    image_model = get_image_model()
    post_save.connect(_bump, sender=image_model, dispatch_uid="api-cache-image-save")
    post_delete.connect(_bump, sender=image_model, dispatch_uid="api-cache-image-delete")
    # Many-to-many links between places (predecessors) show in the places tree.
    from django.db.models.signals import m2m_changed

    m2m_changed.connect(_bump, sender=Place.predecessors.through, dispatch_uid="api-cache-place-links")
