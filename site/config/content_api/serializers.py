"""Plain-dict serialisers shared by the list, detail and preview endpoints.

They work both on rows fetched with the prefetches of `queries.py` (fixed query counts) and
on unsaved page objects rebuilt from a preview token (relations then live in memory). Consent
is applied here: portrait, birth year, gender and story appear only when consent covers them.
"""

from __future__ import annotations

from html import escape

from django.db.models.functions import Coalesce
from django.utils.encoding import iri_to_uri

from core.http_cache import memo_for_generation
from core.urls import absolute_url
from core.urls import page_url as public_page_url
from exemplars.models import AwardLevel, CommendationType, Place, SubjectKind
from exemplars.representation import body, place_with_path, portrait, rich

KIND_LABELS = dict(SubjectKind.choices)
LEVEL_LABELS = dict(AwardLevel.choices)
COMMENDATION_LABELS = dict(CommendationType.choices)

# -- vocabularies cached per content generation ----------------------------------------------------


def place_paths(request=None) -> dict[int, dict]:
    """{place id: place_with_path(place)} for every place, built once per content generation per
    process (every save or delete of a place bumps the generation) instead of once per item."""
    return memo_for_generation("api:place-paths", _build_place_paths, request)


def _build_place_paths() -> dict[int, dict]:
    places = {p.pk: p for p in Place.objects.all()}
    for place in places.values():  # link parents in memory: no query per ancestor
        if place.parent_id in places:
            Place.parent.field.set_cached_value(place, places[place.parent_id])
    return {pk: place_with_path(place) for pk, place in places.items()}


def represented_place(page, places: dict | None) -> dict:
    if places is not None and page.place_id in places:
        return places[page.place_id]
    return place_with_path(page.place)


def page_url(page, request) -> str | None:
    if page.pk is None or not getattr(page, "url_path", None):
        return None
    return public_page_url(page, request)


def api_url(request, path: str) -> str:
    return absolute_url(iri_to_uri(f"/api/v1/{path}"), request)


def page_ref(page, request) -> dict:
    return {"id": page.pk, "slug": page.slug, "title": page.title, "url": page_url(page, request)}


def exemplar_ref(page, request) -> dict:
    return {**page_ref(page, request), "kind": page.kind}


def story_ref(page, request) -> dict:
    return {**page_ref(page, request), "date": page.date}


# -- exemplars ------------------------------------------------------------------------------------


def _award_summary(award) -> dict:
    return {
        "award_type": {
            "slug": award.award_type.slug,
            "name": award.award_type.name,
            "category": award.award_type.category,
        },
        "year": award.decision_date.year,
        "decision_date": award.decision_date,
        "decision_number": award.decision_number,
        "issuer_as_printed": award.issuer_as_printed,
    }


def _award(award) -> dict:
    level = award.effective_level  # follows the signer (the register's resolved level)
    return {
        **_award_summary(award),
        "level": level,
        "level_label": LEVEL_LABELS.get(level, level),
        "commendation_type": award.commendation_type,
        "commendation_type_label": COMMENDATION_LABELS.get(award.commendation_type, ""),
        "achievement": award.achievement,
        "revoked": award.revoked,
        "revoked_date": award.revoked_date,
        "revoked_reason": award.revoked_reason,
    }


def _sorted_awards(page) -> list:
    return sorted(page.awards.all(), key=lambda a: (a.decision_date, a.sort_order or 0, a.pk or 0))


def list_relations(page_ids) -> tuple[dict, dict]:
    """Fields and awards of a page of list rows, as plain values (two queries, no model objects).

    Returns ({page id: [field dicts sorted by name]}, {page id: [award summaries]}) where the awards
    are the page's non-revoked ones, oldest first — what `exemplar_item` shows.
    """
    from exemplars.models import Award, ExemplarPage

    fields: dict[int, list] = {pk: [] for pk in page_ids}
    rows = ExemplarPage.fields.through.objects.filter(exemplarpage_id__in=page_ids).values_list(
        "exemplarpage_id", "field__slug", "field__name"
    )
    for page_id, slug, name in rows:
        fields[page_id].append({"slug": slug, "name": name})
    for items in fields.values():  # by code point, as the detail does (not the database's collation)
        items.sort(key=lambda f: f["name"])
    awards: dict[int, list] = {pk: [] for pk in page_ids}
    rows = (
        Award.objects.filter(page_id__in=page_ids, revoked=False)
        .order_by("decision_date", Coalesce("sort_order", 0), "pk")  # as _sorted_awards
        .values_list(
            "page_id",
            "award_type__slug",
            "award_type__name",
            "award_type__category",
            "decision_date",
            "decision_number",
            "issuer_as_printed",
        )
    )
    for page_id, slug, name, category, date, number, issuer in rows:
        awards[page_id].append(
            {
                "award_type": {"slug": slug, "name": name, "category": category},
                "year": date.year,
                "decision_date": date,
                "decision_number": number,
                "issuer_as_printed": issuer,
            }
        )
    return fields, awards


def exemplar_item(page, request, places: dict | None = None, relations: tuple[dict, dict] | None = None) -> dict:
    """One exemplar of a list; `places` is `place_paths()` (or None to follow `page.place`);
    `relations` is `list_relations()` of the list's rows (or None to follow the page's relations)."""
    if relations is not None:
        field_list = relations[0][page.pk]
        active_summaries = relations[1][page.pk]
        award_count = len(active_summaries)
        latest = active_summaries[-1] if active_summaries else None
    else:
        field_list = [{"slug": f.slug, "name": f.name} for f in sorted(page.fields.all(), key=lambda f: f.name)]
        active = [a for a in _sorted_awards(page) if not a.revoked]
        award_count = len(active)
        latest = _award_summary(active[-1]) if active else None
    return {
        "id": page.pk or 0,
        "slug": page.slug,
        "kind": page.kind,
        "kind_label": KIND_LABELS.get(page.kind, page.kind),
        "name": page.title,
        "summary": page.summary,
        "place": represented_place(page, places),
        "fields": field_list,
        "portrait": portrait(page),
        "award_count": award_count,
        "latest_award": latest,
        "is_fictional": page.is_fictional,
        "url": page_url(page, request),
        "api_url": api_url(request, f"exemplars/{page.slug}"),
    }


def exemplar_detail(page, request, *, campaigns, stories, places: dict | None = None, adoptions=None) -> dict:
    """`adoptions`: `exemplars.propagation.adoptions_data(page)` (None: computed here, e.g. for a preview)."""
    if adoptions is None:
        from exemplars.propagation import adoptions_data

        adoptions = adoptions_data(page, request)
    return {
        **exemplar_item(page, request, places),
        "occupation": page.occupation,
        "unit": page.unit,
        "position": page.position,
        "birth_year": page.birth_year if page.show_birth_year else None,
        "gender": (page.gender or None) if page.consent_covers("birth_year") else None,
        "body": body(page.body) if page.show_story else None,
        "achievements": rich(page.achievements),
        "replication_guide": rich(page.replication_guide) if page.kind == "model" else None,
        "source": page.source,
        "awards": [_award(a) for a in _sorted_awards(page)],
        "campaigns": [page_ref(c, request) for c in campaigns],
        "stories": [story_ref(s, request) for s in stories],
        "adoptions": adoptions,
        "adoption_count": len(adoptions),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


# -- campaigns and stories ----------------------------------------------------------------------


def campaign_item(page, request, *, parent) -> dict:
    launcher = page.launcher
    return {
        "id": page.pk or 0,
        "slug": page.slug,
        "title": page.title,
        "slogan": page.slogan,
        "summary": page.summary,
        "form": page.form,
        "form_label": page.get_form_display(),
        "scope": page.scope,
        "scope_label": page.get_scope_display(),
        "start_date": page.start_date,
        "end_date": page.end_date,
        "period_label": page.period_label,
        "is_running": page.is_running,
        "launcher": {"name": launcher.name, "short_name": launcher.short_name} if launcher else None,
        "parent": page_ref(parent, request) if parent is not None else None,
        "url": page_url(page, request),
        "api_url": api_url(request, f"campaigns/{page.slug}"),
    }


def campaign_detail(page, request, *, parent, children, exemplars, stories) -> dict:
    document = page.document
    milestones = sorted(page.milestones.all(), key=lambda m: (m.date, m.sort_order or 0))
    return {
        **campaign_item(page, request, parent=parent),
        "document_number": page.document_number,
        "document_date": page.document_date,
        "document": {"title": document.title, "url": absolute_url(document.url, request)} if document else None,
        "goals": rich(page.goals),
        "criteria": rich(page.criteria),
        "body": body(page.body),
        "results": rich(page.results),
        "milestones": [
            {"kind": m.kind, "kind_label": m.get_kind_display(), "date": m.date, "note": m.note} for m in milestones
        ],
        "children": [page_ref(c, request) for c in children],
        "exemplars": [exemplar_ref(e, request) for e in exemplars],
        "stories": [story_ref(s, request) for s in stories],
    }


def story_item(page, request, *, exemplars, campaigns) -> dict:
    return {
        "id": page.pk or 0,
        "slug": page.slug,
        "title": page.title,
        "lead": page.lead,
        "author": page.author,
        "date": page.date,
        "is_fictional": page.is_fictional,
        "exemplars": [exemplar_ref(e, request) for e in exemplars],
        "campaigns": [page_ref(c, request) for c in campaigns],
        "url": page_url(page, request),
        "api_url": api_url(request, f"stories/{page.slug}"),
    }


def story_detail(page, request, *, exemplars, campaigns) -> dict:
    return {**story_item(page, request, exemplars=exemplars, campaigns=campaigns), "body": body(page.body)}


def simple_page_detail(page, request) -> dict:
    stream = getattr(page, "body", None)
    intro = getattr(page, "intro", None) or getattr(page, "lead", "") or ""
    return {
        "id": page.pk or 0,
        "slug": page.slug,
        "title": page.title,
        "type": page._meta.label,
        "intro": rich(intro) if hasattr(page, "lead") else escape(intro),
        "body": body(stream) if stream is not None else None,
        "url": page_url(page, request),
    }
