"""Serializer fields for the `api_fields` of the page models (Wagtail's API v2).

They give v2 the same shapes as the domain API: places with their path, fields as
{slug, name}, StreamField bodies as blocks with WebP renditions and HTML, related pages as
{id, title, url} (public ones only, consent applied), and consent-gated personal details.
"""

from __future__ import annotations

from rest_framework.fields import Field

from core.urls import absolute_url, page_url

from .representation import adoption_data, body, place_with_path, portrait, rich


def _request(field):
    return field.context.get("request")


def page_ref(page, request) -> dict:
    return {"id": page.pk, "title": page.title, "url": page_url(page, request)}


class WholeObjectField(Field):
    """A read-only field computed from the whole object (`source="*"`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class PlaceField(Field):
    def to_representation(self, place):
        return place_with_path(place)


class SlugNameListField(Field):
    def to_representation(self, manager):
        return [{"slug": item.slug, "name": item.name} for item in manager.all()]


class RichTextHTMLField(Field):
    """Rich text with internal links and embeds expanded to real HTML."""

    def to_representation(self, value):
        return rich(value)


class BodyField(WholeObjectField):
    """A StreamField as {html, blocks}; null when the exemplar's consent does not cover the story."""

    def __init__(self, stream_name: str = "body", **kwargs):
        self.stream_name = stream_name
        super().__init__(**kwargs)

    def to_representation(self, page):
        if hasattr(page, "consent_covers") and not page.consent_covers("story"):
            return None
        return body(getattr(page, self.stream_name))


class ConsentGatedField(WholeObjectField):
    """A personal detail shown only when consent covers it (`detail`: photo, birth_year, story)."""

    def __init__(self, attribute: str, detail: str, **kwargs):
        self.attribute, self.detail = attribute, detail
        super().__init__(**kwargs)

    def to_representation(self, page):
        if not page.consent_covers(self.detail):
            return None
        return getattr(page, self.attribute) or None


class PortraitField(WholeObjectField):
    def to_representation(self, page):
        return portrait(page)


class AwardsField(Field):
    def to_representation(self, manager):
        awards = sorted(manager.all(), key=lambda a: (a.decision_date, a.sort_order or 0))
        return [
            {
                "award_type": {"slug": a.award_type.slug, "name": a.award_type.name, "category": a.category},
                "level": a.effective_level,
                "decision_number": a.decision_number,
                "decision_date": a.decision_date.isoformat(),
                "issuer_as_printed": a.issuer_as_printed,
                "commendation_type": a.commendation_type,
                "achievement": a.achievement,
                "revoked": a.revoked,
                "revoked_date": a.revoked_date.isoformat() if a.revoked_date else None,
                "revoked_reason": a.revoked_reason,
            }
            for a in awards
        ]


class PublicPagesField(WholeObjectField):
    """Related pages as [{id, title, url}], limited to public ones by `queryset(page, site)`."""

    def __init__(self, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def to_representation(self, page):
        from wagtail.models import Site

        request = _request(self)
        site = Site.find_for_request(request) if request else None
        if page.pk is None:
            return []
        return [page_ref(p, request) for p in self.queryset(page, site)]


class PublicPageField(PublicPagesField):
    """One related page as {id, title, url}, or null when it is not public."""

    def to_representation(self, page):
        found = super().to_representation(page)
        return found[0] if found else None


class OrganisationField(Field):
    def to_representation(self, organisation):
        return {"name": organisation.name, "short_name": organisation.short_name}


class DocumentField(Field):
    def to_representation(self, document):
        request = self.context.get("request")
        url = absolute_url(document.url, request)
        return {"title": document.title, "url": url}


class MilestonesField(Field):
    def to_representation(self, manager):
        return [
            {"kind": m.kind, "kind_label": m.get_kind_display(), "date": m.date.isoformat(), "note": m.note}
            for m in sorted(manager.all(), key=lambda m: (m.date, m.sort_order or 0))
        ]


class AdoptionsField(Field):
    """Where the exemplar was taken up (nhân rộng), as the domain API gives it."""

    def to_representation(self, manager):
        from wagtail.models import Site

        request = _request(self)
        site = Site.find_for_request(request) if request else None
        page = manager.instance
        adoptions = page.adoptions_in_order()
        adopters = page.public_adopter_ids(adoptions, site)
        return [adoption_data(a, request, adopters) for a in adoptions]


class AdoptionCountField(WholeObjectField):
    def to_representation(self, page):
        return len(page.adoptions.all()) if page.pk else 0
