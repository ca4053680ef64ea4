"""One query interface for the API and the public page, whichever engine answers.

Validates parameters (every bad value is a `SearchInputError` naming the parameter, which the
API turns into a 400 problem and the page into a Vietnamese message), runs the configured
engine — Elasticsearch when ELASTICSEARCH_URL is set, falling back to the embedded engine with
a logged warning on any error — and turns hits into items with HTML-safe snippets, facet ids
into labelled values, and a query without hits into a suggestion.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field

from core.http_cache import cache_for_generation
from exemplars.models import AwardType, Field, Place, SubjectKind

from .documents import DOC_TYPES, FACETS
from .engines import elastic_engine, embedded_engine
from .engines.base import SearchRequest, SearchResult, limits
from .models import SearchDocument
from .text import ParsedQuery, QueryError, highlight, parse_query

logger = logging.getLogger(__name__)

FACET_LABELS = {
    "type": "Loại nội dung",
    "kind": "Loại điển hình",
    "field": "Lĩnh vực",
    "place": "Địa bàn",
    "campaign": "Phong trào",
    "award_type": "Danh hiệu, hình thức khen thưởng",
    "year": "Năm khen thưởng",
}
MAX_LIMIT = 50
MAX_FILTER_VALUES = 10


class SearchInputError(ValueError):
    def __init__(self, param: str, detail: str):
        super().__init__(detail)
        self.param = param
        self.detail = detail


@dataclass
class SearchParams:
    q: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    limit: int = 20
    offset: int = 0
    facets: bool = True


def _ints(param: str, values: list[str]) -> list[int]:
    try:
        return [int(v) for v in values]
    except (TypeError, ValueError):
        raise SearchInputError(param, f"Giá trị của “{param}” phải là số.") from None


def validate_filters(raw: dict[str, list[str] | None]) -> dict[str, list[str]]:
    """Known values only; an unknown one is an error naming its parameter, not an empty result."""
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = [str(v).strip() for v in (raw.get(name) or []) if str(v).strip()]
        if not values:
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise SearchInputError(name, f"Tối đa {MAX_FILTER_VALUES} giá trị cho “{name}”.")
        values = sorted(set(values))
        if name == "type":
            known = set(DOC_TYPES)
        elif name == "kind":
            known = set(SubjectKind.values)
        elif name == "field":
            known = set(Field.objects.filter(slug__in=values).values_list("slug", flat=True))
        elif name == "award_type":
            known = set(AwardType.objects.filter(slug__in=values).values_list("slug", flat=True))
        elif name == "place":
            known = {str(pk) for pk in Place.objects.filter(pk__in=_ints(name, values)).values_list("pk", flat=True)}
        elif name == "campaign":
            ids = _ints(name, values)
            known = {
                str(pk)
                for pk in SearchDocument.objects.filter(page_id__in=ids, doc_type="campaign").values_list(
                    "page_id", flat=True
                )
            }
        else:  # year
            known = {str(y) for y in _ints(name, values) if 1900 <= y <= 2100}
        unknown = [v for v in values if v not in known]
        if unknown:
            raise SearchInputError(name, f"Không có giá trị “{unknown[0]}” cho bộ lọc “{name}”.")
        filters[name] = values
    return filters


def validate(params: SearchParams) -> SearchRequest:
    try:
        query = parse_query(params.q)
    except QueryError as exc:
        raise SearchInputError("q", exc.detail) from None
    if not 1 <= params.limit <= MAX_LIMIT:
        raise SearchInputError("limit", f"“limit” phải từ 1 đến {MAX_LIMIT}.")
    max_offset = limits()["MAX_OFFSET"]
    if not 0 <= params.offset <= max_offset:
        raise SearchInputError("offset", f"“offset” phải từ 0 đến {max_offset}.")
    return SearchRequest(
        query=query,
        filters=validate_filters(params.filters),
        limit=params.limit,
        offset=params.offset,
        facets=params.facets,
    )


def run(request: SearchRequest) -> SearchResult:
    engine = elastic_engine()
    if engine is not None:
        try:
            return engine.search(request)
        except Exception as exc:  # noqa: BLE001 - any ES failure: answer from the embedded index
            logger.warning(
                "Elasticsearch search failed (%s: %s); answering from the embedded engine", type(exc).__name__, exc
            )
    return embedded_engine().search(request)


# --------------------------------------------------------------------------------------------
# Shaping answers
# --------------------------------------------------------------------------------------------


LABELS_KEY = "search:facet-labels"
LABELS_SECONDS = 300


def label_tables() -> dict[str, dict[str, str]]:
    """Labels of every field, award type, place and public campaign, cached for the content
    generation (they are few; a vocabulary or document change moves the generation on)."""

    def build():
        return {
            "field": dict(Field.objects.values_list("slug", "name")),
            "award_type": dict(AwardType.objects.values_list("slug", "name")),
            "place": {str(p.pk): p.full_name for p in Place.objects.all()},
            "campaign": {
                str(pk): title
                for pk, title in SearchDocument.objects.filter(doc_type="campaign").values_list("page_id", "title")
            },
        }

    return cache_for_generation(LABELS_KEY, build, LABELS_SECONDS)


def facet_labels(facets: dict[str, dict[str, int]]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {name: {} for name in FACETS}
    if not any(facets.values()):
        return labels
    labels.update(label_tables())
    labels["type"] = dict(DOC_TYPES)
    labels["kind"] = dict(SubjectKind.choices)
    labels["year"] = {v: v for v in facets.get("year", {})}
    return labels


def shape_facets(facets: dict[str, dict[str, int]]) -> dict[str, list[dict]]:
    labels = facet_labels(facets)
    out = {}
    for name in FACETS:
        entries = [
            {"value": value, "label": labels[name][value], "count": count}
            for value, count in (facets.get(name) or {}).items()
            if value in labels[name]  # a value without a public label (e.g. a private campaign) is dropped
        ]
        if name == "year":
            entries.sort(key=lambda e: e["value"], reverse=True)
        else:
            entries.sort(key=lambda e: (-e["count"], e["label"]))
        out[name] = entries
    return out


def shape_items(result: SearchResult, query: ParsedQuery) -> list[dict]:
    columns = ("page_id", "doc_type", "title", "url", "summary", "body")
    rows = SearchDocument.objects.filter(page_id__in=[hit.page_id for hit in result.hits]).values_list(*columns)
    docs = {row[0]: dict(zip(columns, row, strict=True)) for row in rows}
    items = []
    for hit in result.hits:
        doc = docs.get(hit.page_id)
        if doc is None:  # an Elasticsearch hit the embedded index no longer has: not public
            continue
        snippet = hit.highlight or highlight(f"{doc['summary']} {doc['body']}".strip(), query)
        items.append(
            {
                "type": doc["doc_type"],
                "id": doc["page_id"],
                "title": doc["title"],
                "url": doc["url"],
                "summary": doc["summary"],
                "snippet": snippet,
            }
        )
    return items


def vocabulary() -> list[str]:
    return cache_for_generation("search:vocabulary", lambda: embedded_engine().vocabulary(), 300)


def suggestion(request: SearchRequest) -> dict | None:
    """For a query without hits: the broadest filter to drop, else the nearest spelling."""
    engine = embedded_engine()
    if request.filters:
        best = None
        for name in request.filters:
            others = {k: v for k, v in request.filters.items() if k != name}
            n = engine.count(request.query, others)
            if n and (best is None or n > best[1]):
                best = (name, n)
        if best:
            return {"kind": "drop_filter", "param": best[0], "label": FACET_LABELS[best[0]], "count": best[1]}
    words = vocabulary()
    known = set(words)
    corrected, changed = [], False
    for term in request.query.folded_terms:
        if term in known or term.isdigit():
            corrected.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=0.7)
        corrected.append(close[0] if close else term)
        changed |= bool(close)
    if changed:
        q = " ".join(corrected)
        n = engine.count(parse_query(q), request.filters)
        if n:
            return {"kind": "spelling", "q": q, "count": n}
    return None


def search(params: SearchParams) -> dict:
    request = validate(params)
    result = run(request)
    answer = {
        "count": result.count,
        "count_exact": result.count_exact,
        "items": shape_items(result, request.query),
        "facets": shape_facets(result.facets),
        "facets_sampled": result.facets_sampled,
        "engine": result.engine,
        "suggestion": None,
    }
    if result.count == 0:
        answer["suggestion"] = suggestion(request)
    return answer


def suggest(q: str | None, limit: int = 8) -> list[dict]:
    text = (q or "").strip()
    try:
        query = parse_query(text)
    except QueryError as exc:
        raise SearchInputError("q", exc.detail) from None
    if len(query.folded_text) < 2:
        raise SearchInputError("q", "Hãy gõ ít nhất 2 ký tự.")
    ids: list[int] | None = None
    engine = elastic_engine()
    if engine is not None:
        try:
            ids = engine.suggest(query, limit)
        except Exception as exc:  # noqa: BLE001
            logger.warning("Elasticsearch suggest failed (%s); answering from the embedded engine", exc)
    if ids is None:
        ids = embedded_engine().suggest(query, limit)
    docs = SearchDocument.objects.in_bulk(ids)
    return [
        {
            "type": docs[pk].doc_type,
            "id": pk,
            "title": docs[pk].title,
            "url": docs[pk].url,
            "highlight": highlight(docs[pk].title, query, prefix_last=True),
        }
        for pk in ids
        if pk in docs
    ]
