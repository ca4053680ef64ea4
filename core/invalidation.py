"""What moves the content generation (`core.http_cache`), so that no cache serves stale content,
and what asks a CDN in front of the site to drop pages.

`core` connects the signals of Wagtail's own objects when it is ready: publishing, unpublishing
(scheduled expiry included), moving and deleting pages, view restrictions, sites and images.
Each content app adds its own models with `bump_on_change(*models)` in its `ready()`, so this
module never needs to know them.

A CDN (Wagtail's frontend cache, configured with `WAGTAILFRONTENDCACHE`) is asked to purge a
page and the pages above it (the lists and the home page that show it) when it is published,
unpublished or moved, and when its consent changes (`purge_frontend_cache`, called by the
exemplars app). Other URLs a CDN holds (API answers, search) end with their `max-age`.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .http_cache import bump_generation

logger = logging.getLogger(__name__)


def _bump(sender=None, **kwargs):
    bump_generation()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_generation()


def bump_on_change(*models) -> None:
    """Move the generation whenever a row of one of `models` is saved or deleted."""
    for model in models:
        post_save.connect(_bump, sender=model, dispatch_uid=f"cache-save-{model._meta.label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"cache-delete-{model._meta.label}")


def bump_on_m2m_change(through) -> None:
    m2m_changed.connect(_bump, sender=through, dispatch_uid=f"cache-m2m-{through._meta.label}")


def purge_frontend_cache(pages) -> None:
    """Ask the configured CDN to drop `pages` and their ancestors' URLs once the transaction
    commits (nothing happens without `WAGTAILFRONTENDCACHE`)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in pages:
        batch.add_page(page)
        batch.add_pages(page.get_ancestors().filter(depth__gt=1))

    def purge():
        try:
            batch.purge()
        except Exception:  # a CDN that is down must not break publishing; max-age bounds staleness
            logger.exception("Could not purge the frontend cache")

    transaction.on_commit(purge)


def _purge_page(sender=None, instance=None, **kwargs):
    if instance is not None:
        purge_frontend_cache([instance])


def connect() -> None:
    page_published.connect(_bump, dispatch_uid="cache-page-published")
    page_unpublished.connect(_bump, dispatch_uid="cache-page-unpublished")
    post_page_move.connect(_bump, dispatch_uid="cache-page-moved")
    post_delete.connect(_page_deleted, dispatch_uid="cache-page-deleted")
    bump_on_change(PageViewRestriction, Site, get_image_model())
    page_published.connect(_purge_page, dispatch_uid="cdn-page-published")
    page_unpublished.connect(_purge_page, dispatch_uid="cdn-page-unpublished")
    post_page_move.connect(_purge_page, dispatch_uid="cdn-page-moved")
