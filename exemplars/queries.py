"""The one definition of "publicly visible" for pages and exemplars, used by every public surface.

A page is public when it is live, not behind a view restriction, not past its expiry time
(even before `publish_scheduled` has run), and inside the requested Site. An exemplar is
public when, in addition, it is a collective or a model, or its consent record is given and
covers publication (individuals and households).
"""

from __future__ import annotations

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import Page, Site

from .models import ConsentStatus, ExemplarPage, SubjectKind

CONSENT_KINDS = (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD)


def consent_ok_q(prefix: str = "") -> Q:
    """A Q for exemplars (optionally through a relation `prefix`) whose consent allows publication.

    Reads the stored flag `publication_allowed` (kind, or a given consent covering publication;
    kept true by `ExemplarPage.save()` and the consent record signals).
    """
    return Q(**{f"{prefix}publication_allowed": True})


def consent_covers_q(detail: str, prefix: str = "") -> Q:
    """Exemplars whose consent covers `detail` ("photo", "birth_year", "story")."""
    return Q(**{f"{prefix}kind__in": [SubjectKind.COLLECTIVE, SubjectKind.MODEL]}) | Q(
        **{
            f"{prefix}consent__status": ConsentStatus.GIVEN,
            f"{prefix}consent__covers_publication": True,
            f"{prefix}consent__covers_{detail}": True,
        }
    )


def not_expired_q(prefix: str = "") -> Q:
    """Pages whose expiry time has not passed (Wagtail unpublishes them only when cron runs)."""
    return Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": timezone.now()})


def public_pages(model=Page, site: Site | None = None) -> QuerySet:
    """Live, unrestricted, unexpired pages of `model`, inside `site` when one is given."""
    qs = model.objects.live().public().filter(not_expired_q())
    if site is not None:
        qs = qs.descendant_of(site.root_page, inclusive=True)
    return qs


def public_exemplars(site: Site | None = None) -> QuerySet:
    """Live, public exemplar pages whose consent allows publication."""
    return public_pages(ExemplarPage, site).filter(consent_ok_q())


def hidden_exemplar_ids() -> QuerySet:
    """Ids of exemplar pages that consent keeps off every public surface (for Page querysets)."""
    return ExemplarPage.objects.exclude(consent_ok_q()).values("pk")


def public_page_tree(site: Site | None = None) -> QuerySet:
    """All public pages of any type, with consent applied to exemplars (the v2 page API's base)."""
    return public_pages(Page, site).exclude(pk__in=hidden_exemplar_ids())


def as_str_ids(queryset: QuerySet) -> QuerySet:
    """Primary keys as strings, for matching ReferenceIndex's character object ids."""
    return queryset.annotate(str_pk=Cast("pk", output_field=CharField())).values("str_pk")


def countable_awards(site=None):
    """Awards that statistics may count: those of public exemplars, and those of exemplars taken
    offline because consent was withdrawn (award facts stay countable — never with the name).

    Callers must aggregate (counts by type, level, year…) and never output the page or its title.
    """
    from .models import Award

    withdrawn = ExemplarPage.objects.filter(
        consent__status=ConsentStatus.WITHDRAWN, first_published_at__isnull=False
    ).values("pk")
    if site is not None:
        withdrawn = withdrawn.descendant_of(site.root_page, inclusive=True)
    return Award.objects.filter(Q(page__in=public_exemplars(site).values("pk")) | Q(page__in=withdrawn))
