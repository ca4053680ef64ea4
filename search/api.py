"""Public search API: `/api/v1/search` and `/api/v1/search/suggest`.

Errors are problem documents naming the parameter (`q`, `limit`, `place`…); an engine failure
never reaches the client (Elasticsearch falls back to the embedded engine).
"""

from __future__ import annotations

from ninja import Query, Router, Schema
from pydantic import RootModel

from core.api import respond
from core.problems import Problem, problem_responses

from . import service

router = Router(tags=["Tìm kiếm"])


class SearchItem(Schema):
    type: str
    id: int
    title: str
    url: str
    summary: str
    snippet: str


class FacetValue(Schema):
    value: str
    label: str
    count: int


class Suggestion(Schema):
    kind: str
    count: int
    q: str | None = None
    param: str | None = None
    label: str | None = None


class Corrected(Schema):
    """What the spelling suggestion finds, given when the query as typed finds nothing."""

    q: str
    count: int
    count_exact: bool
    items: list[SearchItem]


class SearchAnswer(Schema):
    count: int
    count_exact: bool
    items: list[SearchItem]
    facets: dict[str, list[FacetValue]]
    facets_sampled: bool
    engine: str
    suggestion: Suggestion | None = None
    corrected: Corrected | None = None


class SuggestItem(Schema):
    type: str
    id: int
    title: str
    url: str
    highlight: str


class SuggestList(RootModel[list[SuggestItem]]):
    """The suggest answer as one schema, for `core.api.respond`."""


def _problem(exc: service.SearchInputError) -> Problem:
    return Problem(400, exc.detail, param=exc.param)


@router.get(
    "",
    response=SearchAnswer,
    summary="Tìm kiếm điển hình, phong trào, tin việc tốt",
    openapi_extra=problem_responses(400),
)
def search(
    request,
    q: str | None = Query(None, description="Từ khóa, có dấu hoặc không dấu (tối đa 200 ký tự)."),  # noqa: B008 - django-ninja idiom
    type_: list[str] | None = Query(None, alias="type", description="exemplar, campaign, story, event"),  # noqa: B008 - django-ninja idiom
    kind: list[str] | None = Query(None, description="individual, collective, household, model"),  # noqa: B008 - django-ninja idiom
    field: list[str] | None = Query(None, description="Mã (slug) lĩnh vực"),  # noqa: B008 - django-ninja idiom
    place: list[str] | None = Query(None, description="Mã địa bàn (gồm cả các địa bàn trực thuộc)"),  # noqa: B008 - django-ninja idiom
    campaign: list[str] | None = Query(None, description="Mã trang phong trào"),  # noqa: B008 - django-ninja idiom
    award_type: list[str] | None = Query(None, description="Mã (slug) loại khen thưởng"),  # noqa: B008 - django-ninja idiom
    year: list[str] | None = Query(None, description="Năm quyết định khen thưởng"),  # noqa: B008 - django-ninja idiom
    replicated: list[str] | None = Query(None, description="true: đã được nhân rộng; false: chưa"),  # noqa: B008 - django-ninja idiom
    limit: int = Query(20, description="Số kết quả (1–50)"),  # noqa: B008 - django-ninja idiom
    offset: int = Query(0, description="Bỏ qua bao nhiêu kết quả đầu (tối đa 500)"),  # noqa: B008 - django-ninja idiom
    facets: bool = Query(True, description="Có đếm theo nhóm (facets) hay không"),  # noqa: B008 - django-ninja idiom
):
    params = service.SearchParams(
        q=q,
        filters={
            "type": type_,
            "kind": kind,
            "field": field,
            "place": place,
            "campaign": campaign,
            "award_type": award_type,
            "year": year,
            "replicated": replicated,
        },
        limit=limit,
        offset=offset,
        facets=facets,
    )
    try:
        answer = service.search(params)
    except service.SearchInputError as exc:
        raise _problem(exc) from None
    # Rendered as built (checked against `SearchAnswer` in tests and with DEBUG): Ninja's
    # pydantic pass over 20 items and their facets cost more than the search itself.
    return respond(request, SearchAnswer, answer)


@router.get(
    "/suggest",
    response=list[SuggestItem],
    summary="Gợi ý tên điển hình, phong trào khi đang gõ",
    openapi_extra=problem_responses(400),
)
def suggest(request, q: str | None = Query(None, description="Ít nhất 2 ký tự; từ cuối được hiểu là tiền tố.")):
    try:
        items = service.suggest(q)
    except service.SearchInputError as exc:
        raise _problem(exc) from None
    return respond(request, SuggestList, items)
