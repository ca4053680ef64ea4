"""What goes into the search index, and what may: one document per public page.

Public means what `core.visibility.public_pages()` says: live, no view restriction, not past
its expiry time, and the model's own rule (consent for exemplars; for stories, no link to a
person who withdrew consent). A page that is not public has no document at all, so it cannot
show up in results, suggestions or facet counts whatever the query.

Time is the one thing no signal reports: a page passes its `expire_at` while it is still live,
until the `publish_scheduled` cron unpublishes it. So each document keeps a copy of its page's
`expire_at`, and every search leaves out the documents `expired_document_ids()` names — the
condition is `core.visibility.expired_q`, applied to that copy (an indexed column, so asking
costs next to nothing when, as usual, no document has expired).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Min
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Page

from campaigns.models import CampaignPage, EventPage, StoryPage
from campaigns.related import event_campaigns, event_honourees, story_campaigns, story_exemplars
from core.http_cache import memo_for_generation
from core.visibility import expired_q, not_expired_q, public_pages
from exemplars.blocks import CaptionedImageBlock
from exemplars.models import ExemplarPage, SubjectKind
from exemplars.related import related_campaigns

from .models import SearchDocument
from .text import fold, normalise

DOC_TYPES = {"exemplar": "Điển hình", "campaign": "Phong trào", "story": "Việc tốt", "event": "Sự kiện"}
FACETS = ("type", "kind", "field", "place", "campaign", "award_type", "year", "replicated")


MODELS = {"exemplar": ExemplarPage, "campaign": CampaignPage, "story": StoryPage, "event": EventPage}


def public_exemplars():
    return public_pages(ExemplarPage)


def public_campaigns():
    return public_pages(CampaignPage)


def public_stories():
    return public_pages(StoryPage)


def public_events():
    return public_pages(EventPage)


PUBLIC_QUERYSETS = {
    "exemplar": public_exemplars,
    "campaign": public_campaigns,
    "story": public_stories,
    "event": public_events,
}


def expired_document_ids() -> list[int]:
    """Pages still in the index although their expiry time has passed (they stay live until
    `publish_scheduled` runs): every engine leaves them out of results, counts and facets.

    Remembered in this process for the content generation (`memo_for_generation`: indexing moves
    it) together with the window of time in which the answer holds — from when it was read to
    the next expiry time among the documents, by the clock the visibility rule reads — so the
    moment a document's expiry passes ends it. A search with a spelling correction asked it
    three times, each a round trip (~2 ms on PostgreSQL)."""
    now = timezone.now()
    read_at, ids, next_expiry = memo_for_generation(("search:expired",), _expired_state)
    if read_at <= now and (next_expiry is None or now < next_expiry):
        return ids
    return _expired_state(now)[1]


def _expired_state(now=None) -> tuple[datetime.datetime, list[int], datetime.datetime | None]:
    """(when read, the expired documents, the next expiry time among the others: NULL never
    expires, so `Min` skips it)."""
    now = now or timezone.now()
    ids = SearchDocument.objects.filter(expired_q()).order_by("page_id").values_list("page_id", flat=True)
    later = SearchDocument.objects.filter(not_expired_q()).aggregate(first=Min("expire_at"))["first"]
    return now, list(ids), later


def doc_type_of(page) -> str | None:
    for doc_type, model in MODELS.items():
        if isinstance(page, model):
            return doc_type
    return None


@dataclass
class DocumentData:
    page_id: int
    doc_type: str
    title: str
    url: str
    summary: str
    body: str
    facets: list[tuple[str, str]] = field(default_factory=list)
    expire_at: datetime.datetime | None = None  # the page's, copied so searches can leave it out in time

    @property
    def title_folded(self) -> str:
        return fold(self.title)

    @property
    def summary_folded(self) -> str:
        return fold(self.summary)

    @property
    def body_folded(self) -> str:
        return fold(self.body)


_BLOCK_BOUNDARY = re.compile(r"(?i)<br\s*/?>|</(?:p|h[1-6]|li|ul|ol|blockquote|div|figcaption|td|th)>")


def _plain(value) -> str:
    # Block tags end words too: "<h3>Cần gì</h3><p>10–15 người</p>" must not read "Cần gì10–15".
    text = strip_tags(_BLOCK_BOUNDARY.sub(" ", str(value or "")))
    return re.sub(r"\s+", " ", normalise(text)).strip()


# Image text that says the picture only illustrates ("Ảnh minh họa: …", "(minh họa)"): it
# describes a stock or generated picture, not the page, and the same words recur on every page
# that uses one (the demo's "mặt trời, biển và đảo" was on 20 pages).
ILLUSTRATIVE = re.compile(r"\bminh hoa\b")


def image_text(value) -> list[str]:
    """What of a captioned image is worth finding the page by: its caption and alt text when they
    are specific to the page. The credit ("Ảnh: Trung tâm VH-TT Lý Sơn") is an attribution that
    repeats across pages, never indexed; a caption or alt text marked as illustrative is left
    out; the alt text only when it says something the caption does not."""
    texts = []
    for key in ("caption", "alt_text"):
        text = _plain(value.get(key) or "")
        if text and not ILLUSTRATIVE.search(fold(text)) and fold(text) not in {fold(t) for t in texts}:
            texts.append(text)
    return texts


def _stream_text(stream) -> str:
    if not stream:
        return ""
    parts = []
    for child in stream:
        if isinstance(child.block, CaptionedImageBlock):
            parts += image_text(child.value)
        else:
            parts += [str(part) for part in child.block.get_searchable_content(child.value)]
    return _plain(" ".join(parts))


def _join(*parts) -> str:
    return " ".join(p for p in (_plain(part) for part in parts) if p)


def is_public(page) -> bool:
    doc_type = doc_type_of(page)
    return bool(doc_type) and PUBLIC_QUERYSETS[doc_type]().filter(pk=page.pk).exists()


def build(page) -> DocumentData | None:
    """The document for `page` (its specific instance), or None when it must not be findable."""
    page = page.specific
    doc_type = doc_type_of(page)
    if doc_type is None or not is_public(page):
        return None
    data = _build(page, doc_type)
    data.expire_at = page.expire_at
    return data


def _build(page, doc_type: str) -> DocumentData:
    url = page.get_url() or page.url_path
    facets: list[tuple[str, str]] = [("type", doc_type)]
    if doc_type == "exemplar":
        return _exemplar(page, url, facets)
    if doc_type == "campaign":
        facets.append(("campaign", str(page.pk)))
        body = _join(
            page.slogan,
            page.launcher.name if page.launcher_id else "",
            page.goals,
            page.criteria,
            _stream_text(page.body),
            page.results,
        )
        return DocumentData(page.pk, doc_type, page.title, url, _plain(page.summary or page.slogan), body, facets)
    if doc_type == "event":
        return _event(page, url, facets)
    # story
    public_campaign_ids = set(story_campaigns(page).values_list("pk", flat=True))
    facets += [("campaign", str(pk)) for pk in sorted(public_campaign_ids)]
    names = story_exemplars(page).values_list("title", flat=True)
    body = _join(_stream_text(page.body), " ".join(names), page.author)
    return DocumentData(page.pk, doc_type, page.title, url, _plain(page.lead), body, facets)


def _exemplar(page: ExemplarPage, url: str, facets: list) -> DocumentData:
    facets.append(("kind", page.kind))
    fields = list(page.fields.all())
    facets += [("field", f.slug) for f in fields]
    places = page.place.ancestors() if page.place_id else []
    facets += [("place", str(p.pk)) for p in places]
    campaign_ids = related_campaigns(page).values_list("pk", flat=True)
    facets += [("campaign", str(pk)) for pk in sorted(set(campaign_ids))]
    awards = [a for a in page.awards.select_related("award_type").all() if not a.revoked]
    facets += sorted({("award_type", a.award_type.slug) for a in awards})
    facets += sorted({("year", str(a.decision_date.year)) for a in awards})
    # Taken up somewhere (adoptions of the published revision), as `exemplars.filters.REPLICATED`
    # cleans the value: "True" or "False".
    facets.append(("replicated", str(page.adoptions.exists())))
    # The story is indexed only as far as consent lets the public page show it.
    story = _stream_text(page.body) if page.show_story else ""
    personal = page.kind in (SubjectKind.INDIVIDUAL, SubjectKind.HOUSEHOLD) and not page.show_story
    body = _join(
        page.get_kind_display(),
        page.occupation,
        page.unit,
        page.position,
        ", ".join(p.full_name for p in places),
        " ".join(f.name for f in fields),
        " ".join(a.award_type.name for a in awards),
        "" if personal else page.achievements,
        story,
        page.replication_guide,
    )
    return DocumentData(page.pk, "exemplar", page.title, url, _plain(page.summary), body, facets)


def _event(page: EventPage, url: str, facets: list) -> DocumentData:
    """An event: what, when and where, who organised it, the campaigns it reviewed and the public
    exemplars it honoured (by name), its results and figures."""
    campaigns = dict(event_campaigns(page).values_list("pk", "title"))  # one read, in the related order
    facets += [("campaign", str(pk)) for pk in sorted(campaigns)]
    body = _join(
        page.get_kind_display(),
        str(page.year),
        page.location,
        page.organiser.name if page.organiser_id else "",
        " ".join(campaigns.values()),
        " ".join(event_honourees(page).values_list("title", flat=True)),
        page.results,
        " ".join(f"{figure.value} {figure.label}" for figure in page.figures.all()),
    )
    return DocumentData(page.pk, "event", page.title, url, _plain(page.summary), body, facets)


def public_page_ids() -> dict[str, list[int]]:
    return {t: list(qs().order_by("pk").values_list("pk", flat=True)) for t, qs in PUBLIC_QUERYSETS.items()}


def related_page_ids(page) -> set[int]:
    """Pages whose documents mention `page` (a campaign's exemplars, stories and events, an
    exemplar's stories and the events that honoured it)."""
    page = page.specific if isinstance(page, Page) else page
    ids: set[int] = set()
    if isinstance(page, CampaignPage):
        ids |= set(ExemplarPage.objects.filter(campaign_links__page=page).values_list("pk", flat=True))
        ids |= set(StoryPage.objects.filter(campaigns=page).values_list("pk", flat=True))
        ids |= set(EventPage.objects.filter(campaigns=page).values_list("pk", flat=True))
    elif isinstance(page, ExemplarPage):
        ids |= set(StoryPage.objects.filter(exemplars=page).values_list("pk", flat=True))
        ids |= set(EventPage.objects.filter(honourees__exemplar=page).values_list("pk", flat=True))
    return ids
