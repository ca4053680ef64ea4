"""Events and emulation blocs in the domain API: `/api/v1/events` and `/api/v1/blocs`.

Mounted by `config.api`. Events are pages, so every queryset starts from the one visibility rule
(`core.visibility.public_pages`, inside the request's Site); the exemplars an event honoured are
listed only while their own pages are public, and the rest are counted (`honoured_unnamed`),
never named. Blocs are public when saved; their rankings only once published at the end of the
two-step approval (`campaigns.blocs.published_rankings`). Answers are cached like every other
anonymous answer (`core.http_cache` keys them on the content generation, which publishing a
page or saving a bloc or ranking moves). Bad input is a problem document naming the parameter.
"""

from __future__ import annotations

from typing import Literal

from ninja import Field, Query, Router, Schema

from django.db.models import Prefetch

from core.api import DEFAULT_LIMIT, MAX_LIMIT, paginate, reject_unknown_params, request_site
from core.problems import Problem, problem_responses
from core.urls import page_url
from core.visibility import public_pages

from .blocs import ILLUSTRATIVE_NOTE, BlocScore, latest_public_rankings, public_blocs, published_rankings
from .events import YEAR_MAX, YEAR_MIN, EventKind, EventPage
from .related import event_campaigns, event_honourees, event_stories

router = Router(tags=["Sự kiện và khối thi đua"])

KIND_VALUES = tuple(EventKind.values)


# -- schemas ---------------------------------------------------------------------------------------


# Names unique in the whole OpenAPI document: a schema named like one of the content API's
# (LinkedPage, OrganisationName) would silently replace it there.
class LinkedPage(Schema):
    id: int
    slug: str
    title: str
    url: str | None = Field(description="Địa chỉ trang công khai (tuyệt đối).")


class OrganisationName(Schema):
    name: str
    short_name: str


class EventDocumentOut(Schema):
    kind: str
    kind_label: str
    number: str
    date: str | None = Field(description="Ngày ban hành (YYYY-MM-DD).")
    as_printed: str = Field(description="Số và ngày như nguồn in, ví dụ “Kế hoạch số 94/KH-UBND ngày 10/12/2014”.")
    title: str = Field(description="Trích yếu.")
    file_url: str | None


class EventFigureOut(Schema):
    value: str
    label: str


class EventItem(Schema):
    slug: str
    title: str
    url: str | None
    type: str = Field(description="conference, interim (sơ kết), final (tổng kết), talk (tọa đàm, giao lưu).")
    type_label: str
    year: int
    date: str | None = Field(description="Ngày tổ chức; null khi nguồn không nêu ngày.")
    location: str
    organiser: OrganisationName | None
    summary: str
    documents: list[EventDocumentOut]
    honoured_count: int | None = Field(description="Số được biểu dương như nguồn ghi; null khi nguồn không nêu.")
    is_illustrative: bool


class EventDetail(EventItem):
    campaigns: list[LinkedPage]
    milestone: dict | None = Field(description="Mốc phong trào: {campaign, kind, kind_label, date}.")
    honoured: list[LinkedPage] = Field(description="Điển hình được biểu dương mà trang đang công khai.")
    honoured_unnamed: int = Field(description="Số điển hình được biểu dương không công khai tên (chỉ đếm).")
    results: str = Field(description="Kết quả (HTML).")
    figures: list[EventFigureOut]
    stories: list[LinkedPage]
    source: str


class EventList(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[EventItem]


class MemberOut(Schema):
    organisation: OrganisationName
    role: str
    role_label: str


class PledgeOut(Schema):
    year: int
    signed_on: str | None
    targets: str
    is_illustrative: bool


class ScoreOut(Schema):
    rank: int
    organisation: OrganisationName
    score: float
    title: str


class RankingOut(Schema):
    year: int
    decision: str
    note: str
    is_illustrative: bool
    scores: list[ScoreOut]


class BlocItem(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    description: str
    established_by: str
    illustrative: bool = Field(description="true: tên khối là minh họa (nguồn không nêu).")
    illustrative_note: str | None
    members: list[MemberOut]
    pledges: list[PledgeOut]
    latest_ranking: RankingOut | None = Field(description="Kết quả chấm điểm mới nhất đã được duyệt.")
    source: str


class BlocDetail(BlocItem):
    rankings: list[RankingOut] = Field(description="Mọi kết quả đã duyệt, năm mới trước.")


class BlocList(Schema):
    count: int
    results: list[BlocItem]


# -- helpers ---------------------------------------------------------------------------------------


def _org(org) -> dict | None:
    return {"name": org.name, "short_name": org.short_name} if org is not None else None


def _ref(page, request) -> dict:
    return {"id": page.pk, "slug": page.slug, "title": page.title, "url": page_url(page, request)}


def _event_queryset(site):
    return (
        public_pages(EventPage, site)
        .select_related("organiser")
        .prefetch_related(Prefetch("documents"))
        .order_by("-year", "-date", "title", "pk")
    )


def _event_item(page, request) -> dict:
    return {
        "slug": page.slug,
        "title": page.title,
        "url": page_url(page, request),
        "type": page.kind,
        "type_label": page.get_kind_display(),
        "year": page.year,
        "date": page.date.isoformat() if page.date else None,
        "location": page.location,
        "organiser": _org(page.organiser),
        "summary": page.summary,
        "documents": [d.as_dict() for d in sorted(page.documents.all(), key=lambda d: d.sort_order)],
        "honoured_count": page.honoured_count,
        "is_illustrative": page.is_illustrative,
    }


# -- events ----------------------------------------------------------------------------------------


@router.get(
    "/events",
    response={200: EventList},
    summary="Danh sách sự kiện (hội nghị điển hình tiên tiến, sơ kết, tổng kết, tọa đàm)",
    openapi_extra=problem_responses(400),
)
def list_events(
    request,
    type: Literal[KIND_VALUES] | None = Query(None, description="Loại sự kiện."),  # noqa: A002
    year: int | None = Query(None, ge=YEAR_MIN, le=YEAR_MAX, description="Năm tổ chức."),
    campaign: str | None = Query(None, max_length=255, description="Slug phong trào liên quan."),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=1_000_000),
):
    reject_unknown_params(request, {"type", "year", "campaign", "limit", "offset"})
    site = request_site(request)
    qs = _event_queryset(site)
    if type:
        qs = qs.filter(kind=type)
    if year:
        qs = qs.filter(year=year)
    if campaign:
        found = event_campaigns.public(site).filter(slug=campaign).first()
        if found is None:
            raise Problem(400, f"Không có phong trào “{campaign}”.", param="campaign")
        qs = qs.filter(campaigns=found)
    return paginate(request, qs, limit, offset, lambda page: _event_item(page, request))


@router.get(
    "/events/{slug}",
    response={200: EventDetail},
    summary="Chi tiết một sự kiện",
    openapi_extra=problem_responses(400, 404),
)
def get_event(request, slug: str):
    reject_unknown_params(request, set())
    site = request_site(request)
    page = _event_queryset(site).filter(slug=slug).first()
    if page is None:
        raise Problem(404, f"Không tìm thấy sự kiện “{slug}”.", param="slug")
    honoured = list(event_honourees(page, site))
    milestone = page.public_milestone
    return {
        **_event_item(page, request),
        "campaigns": [_ref(c, request) for c in event_campaigns(page, site)],
        "milestone": (
            {
                "campaign": milestone.page.title,
                "kind": milestone.kind,
                "kind_label": milestone.get_kind_display(),
                "date": milestone.date.isoformat(),
            }
            if milestone
            else None
        ),
        "honoured": [_ref(e, request) for e in honoured],
        "honoured_unnamed": page.linked_honouree_count - len(honoured),
        "results": str(page.results or ""),
        "figures": [{"value": f.value, "label": f.label} for f in page.figures.order_by("sort_order")],
        "stories": [_ref(s, request) for s in event_stories(page, site)],
        "source": page.source,
    }


# -- blocs -----------------------------------------------------------------------------------------


def _ranking(ranking) -> dict:
    return {
        "year": ranking.year,
        "decision": ranking.decision,
        "note": ranking.note,
        "is_illustrative": ranking.is_illustrative,
        "scores": [
            {"rank": s.rank, "organisation": _org(s.organisation), "score": float(s.score), "title": s.title}
            for s in ranking.scores.all()
        ],
    }


def _bloc(bloc, latest) -> dict:
    return {
        "slug": bloc.slug,
        "name": bloc.name,
        "kind": bloc.kind,
        "kind_label": bloc.get_kind_display(),
        "description": bloc.description,
        "established_by": bloc.established_by,
        "illustrative": bloc.is_illustrative,
        "illustrative_note": ILLUSTRATIVE_NOTE if bloc.is_illustrative else None,
        "members": [
            {"organisation": _org(m.organisation), "role": m.role, "role_label": m.get_role_display()}
            for m in bloc.members.all()
        ],
        "pledges": [
            {
                "year": p.year,
                "signed_on": p.signed_on.isoformat() if p.signed_on else None,
                "targets": p.targets,
                "is_illustrative": p.is_illustrative,
            }
            for p in bloc.pledges.all()
        ],
        "latest_ranking": _ranking(latest) if latest else None,
        "source": bloc.source,
    }


@router.get(
    "/blocs",
    response={200: BlocList},
    summary="Khối, cụm thi đua: thành viên, giao ước, kết quả xếp hạng đã duyệt",
    description="Điểm và xếp hạng chỉ xuất hiện sau khi được duyệt (quy trình duyệt hai bước).",
    openapi_extra=problem_responses(400),
)
def list_blocs(request):
    reject_unknown_params(request, set())
    blocs = list(public_blocs())
    latest = latest_public_rankings(blocs)
    return {"count": len(blocs), "results": [_bloc(b, latest.get(b.pk)) for b in blocs]}


@router.get(
    "/blocs/{slug}",
    response={200: BlocDetail},
    summary="Chi tiết một khối, cụm thi đua",
    openapi_extra=problem_responses(400, 404),
)
def get_bloc(request, slug: str):
    reject_unknown_params(request, set())
    bloc = public_blocs().filter(slug=slug).first()
    if bloc is None:
        raise Problem(404, f"Không tìm thấy khối thi đua “{slug}”.", param="slug")
    rankings = list(
        published_rankings()
        .filter(bloc=bloc)
        .order_by("-year")
        .prefetch_related(
            Prefetch("scores", queryset=BlocScore.objects.select_related("organisation").order_by("rank", "sort_order"))
        )
    )
    return {**_bloc(bloc, rankings[0] if rankings else None), "rankings": [_ranking(r) for r in rankings]}
