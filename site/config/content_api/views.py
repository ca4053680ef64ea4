"""Endpoints of the domain API: exemplars, campaigns, stories, vocabularies, award statistics.

Every queryset starts from `exemplars.queries` (live, public, unexpired, consent ok, inside
the request's Site), so drafts, scheduled, expired, private and consent-withdrawn content
cannot appear in lists, details, related lists, counts or statistics. Related lists are
prefetched with the same public querysets, so a list costs a fixed number of queries.
"""

from __future__ import annotations

import csv
import datetime
import io
from typing import Literal

from ninja import Query, Router

from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.utils import timezone

from campaigns import related
from campaigns.models import CampaignPage, StoryPage
from core.api import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    PAGINATION_PARAMS,
    paginate,
    reject_unknown_params,
    request_site,
    respond,
)
from core.problems import Problem, problem_responses
from exemplars import filters, statistics
from exemplars.models import (
    Adoption,
    Award,
    AwardCategory,
    AwardLevel,
    AwardType,
    ExemplarPage,
    Field,
    Place,
    SubjectKind,
)
from exemplars.propagation import adoptions_data, propagation_stats
from exemplars.queries import public_exemplars, public_pages
from exemplars.related import related_campaigns, related_stories
from exemplars.representation import place_ref, portrait_prefetch

from . import schemas, serializers

router = Router(tags=["Nội dung"])

PROBLEM = {400: schemas.Problem, 404: schemas.Problem}
_problem_responses = problem_responses


# -- querysets ------------------------------------------------------------------------------------


def exemplar_queryset(site, *, with_body: bool = False):
    qs = public_exemplars(site)
    if not with_body:
        qs = qs.defer_streamfields()  # lists never show the story; skip loading it
    # Places (with their paths) come from serializers.place_paths(), cached per content generation.
    return qs.select_related("consent").prefetch_related(
        portrait_prefetch(),
        Prefetch("fields", queryset=Field.objects.order_by("name")),
        Prefetch("awards", queryset=Award.objects.select_related("award_type").order_by("decision_date")),
    )


def public_campaigns(site):
    return public_pages(CampaignPage, site)


def public_stories(site):
    return public_pages(StoryPage, site)


def campaign_queryset(site):
    return (
        public_campaigns(site)
        .select_related("launcher")
        .prefetch_related(related.campaign_parent.prefetch("parent_campaign", site))
    )


def story_queryset(site):
    return public_stories(site).prefetch_related(
        related.story_exemplars.prefetch("exemplars", site), related.story_campaigns.prefetch("campaigns", site)
    )


def _by_slug(queryset, slug: str, what: str):
    page = queryset.filter(slug=slug).first()
    if page is None:
        raise Problem(404, f"Không tìm thấy {what} “{slug}”.", param="slug")
    return page


# -- exemplars --------------------------------------------------------------------------------------

# What `serializers.exemplar_item` reads (url_path/path/depth for the URL; consent for the portrait).
EXEMPLAR_LIST_COLUMNS = (
    "title", "slug", "url_path", "path", "depth", "kind", "summary", "place_id", "is_fictional",
    "portrait_id", "portrait_alt", "portrait_credit",
    "consent__status", "consent__covers_publication", "consent__covers_photo", "consent__covers_birth_year",
    "consent__covers_story",
)  # fmt: skip

KIND_VALUES = tuple(SubjectKind.values)  # the `kind` filter's values, as the schema's enum

EXEMPLAR_ORDER = {
    "-date": ("-first_published_at", "-pk"),
    "name": ("title", "pk"),
    "-awards": ("-active_award_count", "title", "pk"),
}


@router.get(
    "/exemplars",
    response={200: schemas.ExemplarList, 400: schemas.Problem},
    summary="Danh sách điển hình",
    openapi_extra=_problem_responses(400),
)
def list_exemplars(
    request,
    kind: Literal[KIND_VALUES] | None = Query(None, description="Loại điển hình."),
    place: int | None = Query(None, ge=1, description="Mã địa bàn; gồm cả các địa bàn trực thuộc."),
    field: str | None = Query(None, max_length=120, description="Mã (slug) lĩnh vực."),
    campaign: str | None = Query(None, max_length=255, description="Slug phong trào."),
    award_type: str | None = Query(None, max_length=120, description="Mã (slug) loại khen thưởng."),
    year: int | None = Query(None, ge=filters.YEAR_MIN, le=filters.YEAR_MAX, description="Năm quyết định khen thưởng."),
    replicated: bool | None = Query(
        None, description="true: chỉ điển hình đã được nhân rộng (có nơi làm theo); false: chưa được nhân rộng."
    ),
    q: str | None = Query(None, min_length=1, max_length=100, description="Lọc theo tên hoặc tóm tắt."),
    order: Literal["-date", "name", "-awards"] = Query("-date", description="Thứ tự sắp xếp."),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=1_000_000),
):
    reject_unknown_params(
        request,
        {"kind", "place", "field", "campaign", "award_type", "year", "replicated", "q", "order", *PAGINATION_PARAMS},
    )
    site = request_site(request)
    given = {
        "kind": kind,
        "place": place,
        "field": field,
        "campaign": campaign,
        "award_type": award_type,
        "year": year,
        "replicated": replicated,
    }
    try:
        qs = filters.apply(exemplar_queryset(site), filters.read_api(given, site))
    except filters.FilterError as exc:
        raise Problem(400, exc.api_message, param=exc.param) from None
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    if order == "-awards":
        qs = qs.annotate(active_award_count=Count("awards", filter=Q(awards__revoked=False)))
    # Lists show fields and active awards only as names and a summary: read them as plain values,
    # and load only the columns an item shows (a full page row costs more to build than to read).
    qs = (
        qs.order_by(*EXEMPLAR_ORDER[order])
        .only(*EXEMPLAR_LIST_COLUMNS)
        .prefetch_related(None)
        .prefetch_related(portrait_prefetch())
    )
    places = serializers.place_paths(request)
    data = paginate(
        request,
        qs,
        limit,
        offset,
        lambda page, relations: serializers.exemplar_item(page, request, places, relations),
        prepare=lambda rows: serializers.list_relations([row.pk for row in rows]),
    )
    return respond(request, schemas.ExemplarList, data)


@router.get(
    "/exemplars/{slug}",
    response={200: schemas.ExemplarDetail, **PROBLEM},
    summary="Chi tiết một điển hình",
    openapi_extra=_problem_responses(400, 404),
)
def get_exemplar(request, slug: str):
    reject_unknown_params(request, set())
    site = request_site(request)
    adoptions = Prefetch("adoptions", queryset=Adoption.objects.select_related("place__parent", "adopter_page"))
    page = _by_slug(exemplar_queryset(site, with_body=True).prefetch_related(adoptions), slug, "điển hình")
    data = serializers.exemplar_detail(
        page,
        request,
        campaigns=related_campaigns(page, site),
        stories=related_stories(page, site),
        places=serializers.place_paths(request),
        adoptions=adoptions_data(page, request, site),
    )
    return respond(request, schemas.ExemplarDetail, data)


# -- campaigns --------------------------------------------------------------------------------------


@router.get(
    "/campaigns",
    response={200: schemas.CampaignList, 400: schemas.Problem},
    summary="Danh sách phong trào thi đua",
    openapi_extra=_problem_responses(400),
)
def list_campaigns(
    request,
    running: bool | None = Query(None, description="true: chỉ phong trào đang diễn ra; false: đã kết thúc."),
    order: Literal["-start_date", "title"] = Query("-start_date"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=1_000_000),
):
    reject_unknown_params(request, {"running", "order", *PAGINATION_PARAMS})
    site = request_site(request)
    qs = campaign_queryset(site)
    if running is not None:
        today = timezone.localdate()
        current = (Q(start_date__isnull=True) | Q(start_date__lte=today)) & (
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )
        qs = qs.filter(current) if running else qs.exclude(current)
    qs = qs.order_by(*(("-start_date", "title", "pk") if order == "-start_date" else ("title", "pk")))
    return paginate(
        request,
        qs,
        limit,
        offset,
        lambda page: serializers.campaign_item(page, request, parent=page.parent_campaign),
    )


@router.get(
    "/campaigns/{slug}",
    response={200: schemas.CampaignDetail, **PROBLEM},
    summary="Chi tiết một phong trào",
    openapi_extra=_problem_responses(400, 404),
)
def get_campaign(request, slug: str):
    reject_unknown_params(request, set())
    site = request_site(request)
    page = _by_slug(campaign_queryset(site).select_related("document"), slug, "phong trào")
    return campaign_detail(page, request, site)


def campaign_detail(page, request, site) -> dict:
    """A campaign with its related public pages (the detail endpoint, and a draft's preview:
    the parent is the draft's own)."""
    return serializers.campaign_detail(
        page,
        request,
        parent=related.campaign_parent(page, site).first(),
        children=related.campaign_children(page, site),
        exemplars=related.campaign_exemplars(page, site),
        stories=related.campaign_stories(page, site),
    )


# -- stories ----------------------------------------------------------------------------------------


@router.get(
    "/stories",
    response={200: schemas.StoryList, 400: schemas.Problem},
    summary="Danh sách tin việc tốt",
    openapi_extra=_problem_responses(400),
)
def list_stories(
    request,
    exemplar: str | None = Query(None, max_length=255, description="Slug điển hình được nói đến."),
    campaign: str | None = Query(None, max_length=255, description="Slug phong trào."),
    since: str | None = Query(
        None,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="Chỉ bài từ ngày này (YYYY-MM-DD).",
    ),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=1_000_000),
):
    reject_unknown_params(request, {"exemplar", "campaign", "since", *PAGINATION_PARAMS})
    site = request_site(request)
    qs = story_queryset(site)
    if exemplar:
        found = public_exemplars(site).filter(slug=exemplar).first()
        if found is None:
            raise Problem(400, f"Không có điển hình “{exemplar}”.", param="exemplar")
        qs = qs.filter(exemplars=found)
    if campaign:
        try:
            (found,) = filters.CAMPAIGN.clean_slugs([campaign], site)
        except filters.FilterError as exc:
            raise Problem(400, exc.api_message, param=exc.param) from None
        qs = qs.filter(campaigns=found)
    if since:
        try:
            qs = qs.filter(date__gte=datetime.date.fromisoformat(since))
        except ValueError:
            raise Problem(400, f"Ngày “{since}” không hợp lệ (dạng YYYY-MM-DD).", param="since") from None
    qs = qs.order_by("-date", "-pk")
    return paginate(
        request,
        qs,
        limit,
        offset,
        lambda page: serializers.story_item(
            page, request, exemplars=page.exemplars.all(), campaigns=page.campaigns.all()
        ),
    )


@router.get(
    "/stories/{slug}",
    response={200: schemas.StoryDetail, **PROBLEM},
    summary="Chi tiết một tin việc tốt",
    openapi_extra=_problem_responses(400, 404),
)
def get_story(request, slug: str):
    reject_unknown_params(request, set())
    site = request_site(request)
    page = _by_slug(story_queryset(site), slug, "tin việc tốt")
    return serializers.story_detail(page, request, exemplars=page.exemplars.all(), campaigns=page.campaigns.all())


# -- vocabularies ---------------------------------------------------------------------------------


@router.get(
    "/places",
    response={200: list[schemas.PlaceNode], 400: schemas.Problem},
    summary="Cây địa bàn (có thời hạn hiệu lực)",
    openapi_extra=_problem_responses(400),
)
def list_places(request):
    reject_unknown_params(request, set())
    places = list(Place.objects.order_by("name", "pk"))
    links = list(Place.predecessors.through.objects.values_list("from_place_id", "to_place_id"))
    predecessors: dict[int, list[int]] = {}
    successors: dict[int, list[int]] = {}
    for successor, predecessor in links:
        predecessors.setdefault(successor, []).append(predecessor)
        successors.setdefault(predecessor, []).append(successor)
    nodes = {
        p.pk: {
            **place_ref(p),
            "valid_from": p.valid_from,
            "valid_to": p.valid_to,
            "is_current": p.is_current,
            "legal_basis": p.legal_basis,
            "predecessors": sorted(predecessors.get(p.pk, [])),
            "successors": sorted(successors.get(p.pk, [])),
            "children": [],
        }
        for p in places
    }
    roots = []
    for p in places:
        parent = nodes.get(p.parent_id)
        (parent["children"] if parent else roots).append(nodes[p.pk])
    return roots


@router.get(
    "/fields",
    response={200: list[schemas.FieldItem], 400: schemas.Problem},
    summary="Lĩnh vực",
    openapi_extra=_problem_responses(400),
)
def list_fields(request):
    reject_unknown_params(request, set())
    public_ids = public_exemplars(request_site(request)).values("pk")
    counts = dict(
        ExemplarPage.fields.through.objects.filter(exemplarpage_id__in=public_ids)
        .values("field_id")
        .annotate(n=Count("pk"))
        .values_list("field_id", "n")
    )
    return [
        {"slug": f.slug, "name": f.name, "description": f.description, "exemplar_count": counts.get(f.pk, 0)}
        for f in Field.objects.order_by("name")
    ]


@router.get(
    "/award-types",
    response={200: list[schemas.AwardTypeItem], 400: schemas.Problem},
    summary="Loại khen thưởng (danh hiệu thi đua và hình thức khen thưởng)",
    openapi_extra=_problem_responses(400),
)
def list_award_types(request):
    reject_unknown_params(request, set())
    return [
        {
            "slug": t.slug,
            "name": t.name,
            "category": t.category,
            "category_label": t.get_category_display(),
            "level": t.level,
            "level_label": t.get_level_display(),
            "subject_kind": t.subject_kind,
            "description": t.description,
        }
        for t in AwardType.objects.order_by("category", "name")
    ]


# -- statistics -------------------------------------------------------------------------------------

CSV_HEADER = ["Năm", "Mã loại khen thưởng", "Loại khen thưởng", "Nhóm", "Cấp", "Số lượng"]


def award_stats(site, from_year: int, to_year: int, level: str = "", group: str = "") -> dict:
    """The register's statistics (`exemplars.statistics`, shared with /thong-ke/): counts only."""
    return statistics.award_statistics(site, statistics.StatsFilter(from_year, to_year, level, group))


def _stats_csv(stats: dict) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for row in stats["rows"]:
        level = AwardLevel(row["level"]).label if row["level"] in AwardLevel.values else row["level"]
        writer.writerow(
            [
                row["year"],
                row["award_type"],
                row["award_type_name"],
                AwardCategory(row["category"]).label,
                level,
                row["count"],
            ]
        )
    # A byte-order mark lets spreadsheet programs open the Vietnamese text as UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="thong-ke-khen-thuong-{stats["from_year"]}-{stats["to_year"]}.csv"'
    )
    return response


@router.get(
    "/stats/awards",
    response={200: schemas.AwardStats, 400: schemas.Problem},
    summary="Thống kê khen thưởng theo năm, cấp, hình thức, nhóm và loại đối tượng",
    description=(
        "Đếm mọi khen thưởng còn hiệu lực trong sổ khen thưởng (không bao giờ kèm tên người được khen), "
        "theo năm quyết định, cấp (suy ra từ người ký), hình thức, nhóm đối tượng, loại đối tượng "
        "(cá nhân, tập thể, hộ gia đình), thường xuyên/đột xuất/chuyên đề; tỷ lệ khen thưởng người lao "
        "động trực tiếp theo năm; tính kịp thời (số ngày từ đề xuất đến quyết định). "
        "`level` và `group` lọc theo cấp và nhóm. `format=csv` trả về bảng chi tiết dạng CSV."
    ),
    openapi_extra={
        "responses": {
            "200": {
                "description": "OK",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/AwardStats"}},
                    "text/csv": {"schema": {"type": "string"}},
                },
            },
            **_problem_responses(400)["responses"],
        }
    },
)
def get_award_stats(
    request,
    from_year: int | None = Query(None, alias="from", ge=1900, le=2100, description="Từ năm (mặc định: 9 năm trước)."),
    to_year: int | None = Query(None, alias="to", ge=1900, le=2100, description="Đến năm (mặc định: năm nay)."),
    level: str = Query("", description="Cấp khen: national, province, district, commune, unit."),
    group: str = Query(
        "",
        description="Nhóm đối tượng: farmer, fisher, worker, direct_worker, official, student, business, "
        "armed_forces, other, chua_phan_loai.",
    ),
    format: Literal["json", "csv"] = Query("json", description="json hoặc csv."),  # noqa: A002
):
    reject_unknown_params(request, {"from", "to", "level", "group", "format"})
    try:
        flt = statistics.parse_filter(from_year, to_year, level, group)
    except statistics.StatsInputError as exc:
        raise Problem(400, exc.message, param=exc.param) from None
    stats = statistics.award_statistics(request_site(request), flt, request=request)
    if format == "csv":
        return _stats_csv(stats)
    return stats


@router.get(
    "/stats/propagation",
    response={200: schemas.PropagationStats, 400: schemas.Problem},
    summary="Thống kê nhân rộng theo năm và địa bàn",
    description=(
        "Đếm các nơi đã làm theo (nhân rộng) mô hình, cách làm của các điển hình công khai: theo năm bắt đầu áp "
        "dụng, theo địa bàn và theo tình trạng. Chỉ tính bản ghi của phiên bản đã duyệt và xuất bản."
    ),
    openapi_extra=_problem_responses(400),
)
def get_propagation_stats(request):
    reject_unknown_params(request, set())
    return propagation_stats(request_site(request))
