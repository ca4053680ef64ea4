"""Exemplar-specific queries on top of the one visibility rule in `core.visibility`.

An exemplar is public when the core rule holds (live, unrestricted, unexpired, in the Site) and,
in addition, it is a collective or a model, or its consent record is given and covers
publication (individuals and households): `ExemplarPage.visibility_q`, stored as the flag
`publication_allowed`.
"""

from __future__ import annotations

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from wagtail.models import Page, Site

from core.visibility import not_expired_q, public_pages  # noqa: F401 (re-exported)

from .models import Award, AwardSource, ConsentStatus, ExemplarPage, SubjectKind

CONSENT_KINDS = (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD)


def consent_covers_q(detail: str, prefix: str = "") -> Q:
    """Exemplars whose consent covers `detail` ("photo", "birth_year", "story")."""
    return Q(**{f"{prefix}kind__in": [SubjectKind.COLLECTIVE, SubjectKind.MODEL]}) | Q(
        **{
            f"{prefix}consent__status": ConsentStatus.GIVEN,
            f"{prefix}consent__covers_publication": True,
            f"{prefix}consent__covers_{detail}": True,
        }
    )


def public_exemplars(site: Site | None = None) -> QuerySet:
    """Live, public exemplar pages whose consent allows publication (`core.visibility` applies
    `ExemplarPage.visibility_q`)."""
    return public_pages(ExemplarPage, site)


def public_page_tree(site: Site | None = None) -> QuerySet:
    """All public pages of any type, every model's own rule applied (the v2 page API's base)."""
    return public_pages(Page, site)


def as_str_ids(queryset: QuerySet) -> QuerySet:
    """Primary keys as strings, for matching ReferenceIndex's character object ids."""
    return queryset.annotate(str_pk=Cast("pk", output_field=CharField())).values("str_pk")


def countable_awards(site=None):
    """Awards that statistics may count: every entry the office recorded in the register (by hand,
    import, proposal decision — linked to a profile or not), and awards entered on a profile
    (`source="profile"`) when that profile is public or was taken offline because consent was
    withdrawn (award facts stay countable — never with the name). An award typed on a profile
    that was never published (a draft, a restricted or expired page) is the profile's draft, not
    yet a fact: not counted.

    Callers must aggregate (counts by type, level, year…) and never output the page or its title.
    """
    # Taken offline by the withdrawal, not by anything else the rule looks at: never published,
    # behind a view restriction or past its expiry time, its awards were never public facts.
    withdrawn = (
        ExemplarPage.objects.filter(consent__status=ConsentStatus.WITHDRAWN, first_published_at__isnull=False)
        .public()
        .filter(not_expired_q())
        .values("pk")
    )
    if site is not None:
        withdrawn = withdrawn.descendant_of(site.root_page, inclusive=True)
    return Award.objects.filter(
        Q(page__isnull=True)
        | ~Q(source=AwardSource.PROFILE)
        | Q(page__in=public_exemplars(site).values("pk"))
        | Q(page__in=withdrawn)
    )
