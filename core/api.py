"""What every door of the domain API (`/api/v1/`) shares, whichever app serves it: strict
parameters (an unknown one is a 400, never ignored), the request's Site, count/next/previous
pagination with counts memoised per content generation, and rendering checked against the
endpoint's schema."""

from __future__ import annotations

from ninja.renderers import JSONRenderer

from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.utils.encoding import iri_to_uri

from wagtail.models import Site

from core.http_cache import memo_for_generation
from core.problems import Problem
from core.urls import absolute_url


class UnicodeJSONRenderer(JSONRenderer):
    """JSON with Vietnamese letters as they are (smaller and readable), not \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


RENDERER = UnicodeJSONRenderer()
MAX_LIMIT = 50
DEFAULT_LIMIT = 20
PAGINATION_PARAMS = ("limit", "offset")


def reject_unknown_params(request, allowed) -> None:
    """Unknown query parameters are an error, never silently ignored (a typo must not widen a list)."""
    for name in request.GET:
        if name not in allowed:
            raise Problem(
                400,
                f"Tham số “{name}” không được hỗ trợ. Các tham số hợp lệ: {', '.join(sorted(allowed)) or 'không có'}.",
                param=name,
            )


def request_site(request) -> Site | None:
    """Wagtail's Site for the request's host, looked up once per content generation per process
    (saving or deleting a Site bumps the generation)."""
    if not hasattr(request, "_wagtail_site"):
        host_port = (request.get_host(), request.get_port())
        request._wagtail_site = memo_for_generation(
            ("api:site", host_port), lambda: Site.find_for_request(request), request
        )
    return request._wagtail_site


def _link(request, offset: int | None) -> str | None:
    if offset is None:
        return None
    params: QueryDict = request.GET.copy()
    params["offset"] = str(offset)
    return absolute_url(iri_to_uri(request.path) + "?" + params.urlencode(), request)


def list_count(request, queryset) -> int:
    """The exact `count` of a list, computed once per content generation per process for the same
    filters (paging through a list, or the same list asked for in another format, counts once).

    Everything that changes what a list holds moves the generation; time does too, through the
    same rule as every cached answer (`core.http_cache.valid_until`): a count ends when a live
    page's scheduled expiry passes, and at midnight (lists filtered by "running today").
    """
    filters = sorted((name, values) for name, values in request.GET.lists() if name not in PAGINATION_PARAMS)
    key = ("api:count", request.get_host(), request.path, repr(filters))
    return memo_for_generation(key, queryset.count, request)


def paginate(request, queryset, limit: int, offset: int, serialise, prepare=None) -> dict:
    """One COUNT and one page of rows (plus the queryset's prefetches), whatever `limit` is.

    With `prepare`, `prepare(rows)` runs once (a fixed number of queries for the whole page) and
    each row is serialised as `serialise(row, prepared)`.
    """
    count = list_count(request, queryset)
    rows = list(queryset[offset : offset + limit]) if offset < count else []
    next_offset = offset + limit if offset + limit < count else None
    previous_offset = max(offset - limit, 0) if offset > 0 else None
    if prepare is not None:
        prepared = prepare(rows)
        results = [serialise(row, prepared) for row in rows]
    else:
        results = [serialise(row) for row in rows]
    return {
        "count": count,
        "next": _link(request, next_offset),
        "previous": _link(request, previous_offset),
        "results": results,
    }


def respond(request, schema, data) -> HttpResponse:
    """Render `data` (plain dicts from `serializers`) as the endpoint's JSON, without Ninja's
    per-object pydantic pass on the way out (it cost about as much as the database work of a list).

    With API_VALIDATE_RESPONSES (on in tests and with DEBUG), `data` is first validated against
    `schema` exactly as Ninja would, and any difference from what Ninja would have sent (a
    missing, extra, re-typed or re-ordered key) raises, so the OpenAPI document stays the contract.
    """
    renderer = RENDERER
    if getattr(settings, "API_VALIDATE_RESPONSES", False):
        expected = renderer.render(request, schema.model_validate(data).model_dump(), response_status=200)
        actual = renderer.render(request, data, response_status=200)
        if actual != expected:
            raise AssertionError(f"{schema.__name__}: response differs from its schema.\n{actual}\n!=\n{expected}")
    content = renderer.render(request, data, response_status=200)
    return HttpResponse(content, status=200, content_type=f"{renderer.media_type}; charset={renderer.charset}")
