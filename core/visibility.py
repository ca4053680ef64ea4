"""The one rule for "is this page public right now?", asked by every public surface.

A page is visible when it is live, not behind a view restriction, not past its expiry time
(whatever the `publish_scheduled` cron has done), inside the requested Site, and its own model's
rule allows it. A page model states its own rule (consent, for instance) by defining

    @classmethod
    def visibility_q(cls) -> Q: ...          # which rows of this model may be shown

and the rule is then applied wherever the model is queried through `public_pages()`, to
Page-wide querysets (the v2 page API, sitemaps) through `hidden_pages_q()`, and to serving one
page through `is_servable()` (core/wagtail_hooks.py). Nothing else in the project decides
visibility: HTML pages, both APIs, search, sitemap, feeds, radio and statistics all come here.

View restrictions are the one part Wagtail checks itself when it serves a page (it answers with
its password or login form), so serving asks `is_servable()` — live, unexpired, the model's
rule — and leaves restrictions to Wagtail; lists ask `public_pages()`, which adds them.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from wagtail.models import Page, Site, get_page_models

_SERVABLE_MEMO = "_visibility_servable_by_rule"


def not_expired_q(prefix: str = "", field: str = "expire_at") -> Q:
    """Rows whose expiry time has not passed (Wagtail unpublishes them only when cron runs).

    `field` names the expiry column (a denormalised copy, such as the search index's, may use
    another name); `prefix` reaches it through a relation."""
    return Q(**{f"{prefix}{field}__isnull": True}) | Q(**{f"{prefix}{field}__gt": timezone.now()})


def expired_q(prefix: str = "", field: str = "expire_at") -> Q:
    """Rows whose expiry time has passed: the complement of `not_expired_q` (NULL never expires),
    written as one range so that an index on the column answers it. The `IS NOT NULL` changes
    nothing in meaning (NULL is never <= a time) but lets SQLite use a partial index on the
    non-null rows (`search_doc_expire_at`); without it SQLite scanned all 100,000 search
    documents on every search (~25 ms)."""
    return Q(**{f"{prefix}{field}__isnull": False, f"{prefix}{field}__lte": timezone.now()})


def is_expired(page) -> bool:
    return page.expire_at is not None and page.expire_at <= timezone.now()


def _model_rule(model) -> Q | None:
    rule = getattr(model, "visibility_q", None)
    return rule() if rule is not None else None


def servable_pages(model=Page) -> QuerySet:
    """Pages of `model` that may be shown to a visitor who passes their view restrictions: live,
    unexpired, and the model's own rule (for `Page` itself: no model's rule hides them)."""
    qs = model.objects.live().filter(not_expired_q())
    rule = _model_rule(model)
    if rule is not None:
        qs = qs.filter(rule)
    elif model is Page:
        hidden = hidden_pages_q()
        if hidden is not None:
            qs = qs.exclude(hidden)
    return qs


def servable_ancestors(page) -> QuerySet:
    """`page` and its ancestors that may be shown, root first (breadcrumbs). View restrictions
    are not asked: a visitor who sees the page has passed those of its ancestors."""
    return servable_pages(Page).ancestor_of(page, inclusive=True).order_by("path")


def public_pages(model=Page, site: Site | None = None) -> QuerySet:
    """Visible pages of `model` (live, unrestricted, unexpired, the model's own rule), inside
    `site` when one is given. For `Page` itself, pages hidden by any model's rule are excluded."""
    qs = servable_pages(model).public()
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


def held_back_pages(model) -> QuerySet:
    """Live pages of `model` that its own rule keeps off every public surface (for the editors'
    list of what waits for them: a live page the public cannot see)."""
    rule = _model_rule(model)
    if rule is None:
        return model.objects.none()
    return model.objects.live().exclude(rule)


def hidden_by_rule(page) -> bool:
    """Whether the page's own model rule keeps it off the public surfaces (one query, remembered
    on the instance for the rest of the request: serving asks, then the page's JSON-LD does).
    An unsaved page (an editor's preview of a new page) is never served, so nothing to hide."""
    model = type(page)
    memo = page.__dict__.get(_SERVABLE_MEMO)
    if memo is not None and memo[0] is model:  # `.specific` copies attributes from a plain Page
        return memo[1]
    rule = _model_rule(model)
    hidden = rule is not None and page.pk is not None and not model.objects.filter(rule, pk=page.pk).exists()
    page.__dict__[_SERVABLE_MEMO] = (model, hidden)
    return hidden


def is_servable(page) -> bool:
    """Whether one page (already loaded, in its specific class) may be served now: live, not
    past its expiry time, not hidden by its model's rule. View restrictions are left to Wagtail,
    which shows its password or login form for them."""
    return bool(page.live) and not is_expired(page) and not hidden_by_rule(page)


def is_public(page, site: Site | None = None) -> bool:
    """Whether one page is visible now on the public lists (view restrictions included)."""
    return public_pages(type(page), site).filter(pk=page.pk).exists()
