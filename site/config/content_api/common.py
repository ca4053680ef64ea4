"""Strict parameters and count/next/previous pagination for the domain API."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.encoding import iri_to_uri

from wagtail.models import Site

from config.problems import Problem

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
    return Site.find_for_request(request)


def _link(request, offset: int | None) -> str | None:
    if offset is None:
        return None
    params: QueryDict = request.GET.copy()
    params["offset"] = str(offset)
    return request.build_absolute_uri(iri_to_uri(request.path) + "?" + params.urlencode())


def paginate(request, queryset, limit: int, offset: int, serialise) -> dict:
    """One COUNT and one page of rows (plus the queryset's prefetches), whatever `limit` is."""
    count = queryset.count()
    rows = list(queryset[offset : offset + limit]) if offset < count else []
    next_offset = offset + limit if offset + limit < count else None
    previous_offset = max(offset - limit, 0) if offset > 0 else None
    return {
        "count": count,
        "next": _link(request, next_offset),
        "previous": _link(request, previous_offset),
        "results": [serialise(row) for row in rows],
    }
