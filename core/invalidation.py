"""What moves the content generation (`core.http_cache`), so that no cache serves stale content.

`core` connects the signals of Wagtail's own objects when it is ready: publishing, unpublishing
(scheduled expiry included), moving and deleting pages, view restrictions, sites and images.
Each content app adds its own models with `bump_on_change(*models)` in its `ready()`, so this
module never needs to know them.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .http_cache import bump_generation


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


def connect() -> None:
    page_published.connect(_bump, dispatch_uid="cache-page-published")
    page_unpublished.connect(_bump, dispatch_uid="cache-page-unpublished")
    post_page_move.connect(_bump, dispatch_uid="cache-page-moved")
    post_delete.connect(_page_deleted, dispatch_uid="cache-page-deleted")
    bump_on_change(PageViewRestriction, Site, get_image_model())
