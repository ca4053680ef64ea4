"""The one rule for "is this page public right now?", asked by every public surface.

A page is visible when it is live, not behind a view restriction, not past its expiry time
(whatever the `publish_scheduled` cron has done), inside the requested Site, and its own model's
rule allows it. A page model states its own rule (consent, for instance) by defining

    @classmethod
    def visibility_q(cls) -> Q: ...          # which rows of this model may be shown

and the rule is then applied wherever the model is queried through `public_pages()`, and to
Page-wide querysets (the v2 page API, sitemaps) through `hidden_pages_q()`. Nothing else in the
project decides visibility: HTML pages, both APIs, search, sitemap, feeds, radio and statistics
all come here.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from wagtail.models import Page, Site, get_page_models


def not_expired_q(prefix: str = "") -> Q:
    """Pages whose expiry time has not passed (Wagtail unpublishes them only when cron runs)."""
    return Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": timezone.now()})


def is_expired(page) -> bool:
    return page.expire_at is not None and page.expire_at <= timezone.now()


def _model_rule(model) -> Q | None:
    rule = getattr(model, "visibility_q", None)
    return rule() if rule is not None else None


def public_pages(model=Page, site: Site | None = None) -> QuerySet:
    """Visible pages of `model` (live, unrestricted, unexpired, the model's own rule), inside
    `site` when one is given. For `Page` itself, pages hidden by any model's rule are excluded."""
    qs = model.objects.live().public().filter(not_expired_q())
    rule = _model_rule(model)
    if rule is not None:
        qs = qs.filter(rule)
    elif model is Page:
        hidden = hidden_pages_q()
        if hidden is not None:
            qs = qs.exclude(hidden)
    if site is not None:
        qs = qs.descendant_of(site.root_page, inclusive=True)
    return qs


def hidden_pages_q(prefix: str = "") -> Q | None:
    """A Q for pages (of any type, optionally through a relation `prefix`) that their own
    model's rule keeps off every public surface; None when no model has a rule."""
    hidden = None
    for model in get_page_models():
        rule = _model_rule(model)
        if rule is None or model._meta.abstract:
            continue
        q = Q(**{f"{prefix}pk__in": model.objects.exclude(rule).values("pk")})
        hidden = q if hidden is None else hidden | q
    return hidden


def is_public(page, site: Site | None = None) -> bool:
    """Whether one page is visible now (for a page already loaded, e.g. when serving it)."""
    return public_pages(type(page), site).filter(pk=page.pk).exists()
