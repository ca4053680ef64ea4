"""What a shared link shows: titles, descriptions, Open Graph images and schema.org JSON-LD.

Pure functions of a page and a request, used by the `public_tags` template tags. JSON-LD is
built as Python dicts and serialised with `json.dumps` (never by string concatenation), then
escaped for an HTML <script> element. Personal details follow the exemplar's consent exactly
as the page does (`show_portrait`, `show_birth_year`); revoked awards are left out.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page

from campaigns.models import CampaignPage, EventPage, StoryPage
from core.urls import absolute_url
from core.urls import page_url as public_page_url
from core.visibility import hidden_by_rule, servable_ancestors
from exemplars.models import ExemplarPage, SubjectKind

from .models import AboutPage, HomePage

DEFAULT_DESCRIPTION = "Gương người tốt, việc tốt trên đảo Lý Sơn — để học tập và nhân rộng điển hình tiên tiến."
DEFAULT_IMAGE = "img/og-default.png"
OG_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"

# Script-safe JSON: these characters could end the <script> element or start a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def absolute(request, url: str) -> str:
    """A full URL on the public address (PUBLIC_BASE_URL, else the request's): core.urls decides."""
    return absolute_url(url, request)


def page_url(page: Page, request) -> str:
    return public_page_url(page, request) or absolute(request, page.url or "/")


def description(page: Page | None) -> str:
    if page is None:
        return DEFAULT_DESCRIPTION
    specific = page.specific
    text = specific.search_description
    for attr in ("summary", "lead", "intro", "slogan"):
        if text:
            break
        text = getattr(specific, attr, "") or ""
    text = " ".join(strip_tags(str(text)).split())
    return Truncator(text).chars(200) if text else DEFAULT_DESCRIPTION


def _first_body_image(page):
    """The first captioned image block of a StreamField body, as (image, alt)."""
    for block in getattr(page, "body", None) or []:
        if block.block_type == "image":
            return block.value["image"], block.value["alt_text"]
    return None, ""


def share_image(page: Page | None, request) -> dict:
    """An image for Open Graph / Twitter: a rendition of the page's own photo, else the site card."""
    image, alt = None, ""
    if isinstance(page, ExemplarPage):
        if page.show_portrait:
            image, alt = page.portrait, page.portrait_alt
        elif page.show_story and page.is_publishable:
            image, alt = _first_body_image(page)
    elif isinstance(page, StoryPage | CampaignPage | AboutPage):
        image, alt = _first_body_image(page)
    if image is not None:
        rendition = image.get_rendition(OG_SPEC)
        return {
            "url": absolute(request, rendition.url),
            "alt": alt,
            "width": rendition.width,
            "height": rendition.height,
            "type": "image/jpeg",
        }
    return {
        "url": absolute(request, static(DEFAULT_IMAGE)),
        "alt": "Gương Sáng — người tốt, việc tốt ở Lý Sơn",
        "width": 1200,
        "height": 630,
        "type": "image/png",
    }


def share_meta(page: Page | None, request) -> dict:
    specific = page.specific if page is not None else None
    og_type = "website"
    if isinstance(specific, StoryPage):
        og_type = "article"
    elif isinstance(specific, ExemplarPage) and specific.kind == SubjectKind.INDIVIDUAL:
        og_type = "profile"
    return {
        "title": (specific.seo_title or specific.title) if specific else "Gương Sáng",
        "description": description(specific),
        "url": page_url(specific, request) if specific else absolute(request, "/"),
        "type": og_type,
        "image": share_image(specific, request),
    }


# --------------------------------------------------------------------------------------------
# JSON-LD
# --------------------------------------------------------------------------------------------


def _publisher(request) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": settings.CENTRE_NAME,
        "logo": {"@type": "ImageObject", "url": absolute(request, static("img/favicon.png"))},
    }


def _award_texts(page: ExemplarPage) -> list[str]:
    return [
        f"{award.award_type.name} ({award.decision_date.year}, {award.issuer_as_printed})"
        for award in page.timeline()
        if not award.revoked
    ]


def exemplar_entity(page: ExemplarPage, request) -> dict:
    kind_type = {
        SubjectKind.INDIVIDUAL: "Person",
        SubjectKind.COLLECTIVE: "Organization",
        SubjectKind.HOUSEHOLD: "Organization",
        SubjectKind.MODEL: "CreativeWork",
    }[page.kind]
    entity = {
        "@type": kind_type,
        "name": page.title,
        "url": page_url(page, request),
        "description": description(page),
        "award": _award_texts(page),
    }
    place = {"@type": "Place", "name": page.place.path_label}
    if kind_type == "Person":
        entity["homeLocation"] = place
        if page.position:
            entity["jobTitle"] = page.position
        if page.unit:
            entity["worksFor"] = {"@type": "Organization", "name": page.unit}
        if page.show_birth_year:
            entity["birthDate"] = str(page.birth_year)
            if page.gender:
                entity["gender"] = {"male": "Male", "female": "Female"}[page.gender]
    elif kind_type == "Organization":
        entity["location"] = place
    else:
        entity["spatialCoverage"] = place
    fields = [f.name for f in page.fields.all()]
    if fields:
        entity["knowsAbout" if kind_type != "CreativeWork" else "about"] = fields
    if page.show_portrait:
        entity["image"] = share_image(page, request)["url"]
    return entity


def story_entity(page: StoryPage, request) -> dict:
    from exemplars.queries import public_exemplars

    about = [
        {
            "@type": "Person" if ex.kind == SubjectKind.INDIVIDUAL else "Organization",
            "name": ex.title,
            "url": page_url(ex, request),
        }
        for ex in public_exemplars().filter(stories=page)
    ]
    entity = {
        "@type": "Article",
        "headline": Truncator(page.title).chars(110),
        "description": description(page),
        "url": page_url(page, request),
        "mainEntityOfPage": page_url(page, request),
        "datePublished": page.date.isoformat(),
        "author": {"@type": "Person", "name": page.author},
        "publisher": _publisher(request),
        "image": [share_image(page, request)["url"]],
        "inLanguage": "vi",
    }
    if page.last_published_at:
        entity["dateModified"] = page.last_published_at.isoformat()
    if about:
        entity["about"] = about
    return entity


def campaign_entity(page: CampaignPage, request) -> dict:
    location_name = "đặc khu Lý Sơn, tỉnh Quảng Ngãi"
    if page.launcher_id and page.launcher.place_id:
        location_name = page.launcher.place.path_label
    location = {"@type": "Place", "name": location_name}
    entity = {
        "@type": "Event",
        "name": page.title,
        "description": description(page),
        "url": page_url(page, request),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location,
        "image": [share_image(page, request)["url"]],
        "inLanguage": "vi",
    }
    if page.start_date:
        entity["startDate"] = page.start_date.isoformat()
    if page.end_date:
        entity["endDate"] = page.end_date.isoformat()
    if page.launcher_id:
        entity["organizer"] = {"@type": "Organization", "name": page.launcher.name}
    milestones = [
        {
            "@type": "Event",
            "name": f"{m.get_kind_display()}: {m.note}" if m.note else m.get_kind_display(),
            "startDate": m.date.isoformat(),
            "location": location,
        }
        for m in page.milestones.order_by("date", "sort_order")
    ]
    if milestones:
        entity["subEvent"] = milestones
    return entity


def event_entity(page: EventPage, request) -> dict:
    """An event, with only what its page states: no day, place or organiser is invented when the
    source gives none (the 2015 and 2020 conferences have a year and documents, no day)."""
    entity = {
        "@type": "Event",
        "name": page.title,
        "description": description(page),
        "url": page_url(page, request),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "vi",
    }
    if page.date:
        entity["startDate"] = page.date.isoformat()
    if page.location:
        entity["location"] = {"@type": "Place", "name": page.location}
    if page.organiser_id:
        entity["organizer"] = {"@type": "Organization", "name": page.organiser.name}
    return entity


def breadcrumb_list(page: Page, request) -> dict | None:
    crumbs = [p for p in servable_ancestors(page).specific() if p.depth >= 2]
    if len(crumbs) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": "Trang chủ" if p.depth == 2 else p.title,
                "item": page_url(p, request),
            }
            for i, p in enumerate(crumbs, start=1)
        ],
    }


def json_ld(page: Page | None, request) -> dict | None:
    """The schema.org graph describing `page`, or None for pages with nothing to say."""
    if page is None:
        return None
    page = page.specific
    if hidden_by_rule(page):  # its model's rule (consent) keeps it off every public surface
        return None
    if isinstance(page, ExemplarPage):
        main = exemplar_entity(page, request)
    elif isinstance(page, StoryPage):
        main = story_entity(page, request)
    elif isinstance(page, CampaignPage):
        main = campaign_entity(page, request)
    elif isinstance(page, EventPage):
        main = event_entity(page, request)
    elif isinstance(page, HomePage):
        main = {
            "@type": "WebSite",
            "name": "Gương Sáng",
            "url": page_url(page, request),
            "description": description(page),
            "inLanguage": "vi",
            "publisher": _publisher(request),
        }
    else:
        main = {
            "@type": "AboutPage" if isinstance(page, AboutPage) else "CollectionPage",
            "name": page.title,
            "url": page_url(page, request),
            "description": description(page),
            "inLanguage": "vi",
        }
    graph = [main]
    crumbs = breadcrumb_list(page, request)
    if crumbs:
        graph.append(crumbs)
    return {"@context": "https://schema.org", "@graph": graph}


def script_json(data) -> str:
    """JSON for inside <script type="application/ld+json">: no raw <, > or & can end the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
