"""The one definition of "publicly visible" for exemplars, used by every public surface.

A page is public when it is live, not behind a view restriction, and — for individuals and
households — its consent record is given and covers publication.
"""

from django.db.models import Q

from .models import ConsentStatus, ExemplarPage, SubjectKind

CONSENT_KINDS = (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD)


def consent_ok_q(prefix: str = "") -> Q:
    """A Q for exemplars (optionally through a relation `prefix`) whose consent allows publication."""
    return Q(**{f"{prefix}kind__in": [SubjectKind.COLLECTIVE, SubjectKind.MODEL]}) | Q(
        **{f"{prefix}consent__status": ConsentStatus.GIVEN, f"{prefix}consent__covers_publication": True}
    )


def public_exemplars(site=None):
    """Live, public exemplar pages whose consent allows publication."""
    qs = ExemplarPage.objects.live().public().filter(consent_ok_q())
    if site is not None:
        qs = qs.descendant_of(site.root_page, inclusive=True)
    return qs


def countable_awards():
    """Awards that statistics may count: those of public exemplars, and those of exemplars taken
    offline because consent was withdrawn (award facts stay countable — never with the name).

    Callers must aggregate (counts by type, level, year…) and never output the page or its title.
    """
    from .models import Award

    withdrawn = ExemplarPage.objects.filter(
        consent__status=ConsentStatus.WITHDRAWN, first_published_at__isnull=False
    ).values("pk")
    return Award.objects.filter(Q(page__in=public_exemplars().values("pk")) | Q(page__in=withdrawn))
