"""One query interface for the API and the public page, whichever engine answers.

Validates parameters (every bad value is a `SearchInputError` naming the parameter, which the
API turns into a 400 problem and the page into a Vietnamese message), runs the configured
engine — Elasticsearch when ELASTICSEARCH_URL is set, falling back to the embedded engine with
a logged warning on any error — and turns hits into items with HTML-safe snippets, facet ids
into labelled values, and a query without hits into a suggestion.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import connection

from core.http_cache import cache_for_generation
from exemplars import filters as exemplar_filters
from exemplars.models import AwardType, Field, Place, SubjectKind

from . import vocabulary as terms
from .documents import DOC_TYPES, FACETS, expired_document_ids
from .engines import elastic_engine, embedded_engine
from .engines.base import SearchRequest, SearchResult, limits
from .models import SearchDocument
from .text import ParsedQuery, QueryError, as_you_type, highlight, parse_query

logger = logging.getLogger(__name__)

FACET_LABELS = {"type": "Loại nội dung", **{flt.name: flt.label for flt in exemplar_filters.FILTERS}}
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


def _value_error(param: str, raw: str, reason: str = "unknown") -> SearchInputError:
    if reason == "number":
        return SearchInputError(param, f"Giá trị của “{param}” phải là số.")
    return SearchInputError(param, f"Không có giá trị “{raw}” cho bộ lọc “{param}”.")


def validate_filters(raw: dict[str, list[str] | None]) -> dict[str, list[str]]:
    """Known values only; an unknown one is an error naming its parameter, not an empty result.

    Each exemplar filter's values are read and checked by its one definition in
    `exemplars.filters` (as on the browse page and in the domain API); the engines get them back
    as the strings their facet keys hold (ids and years as plain digits).
    """
    filters: dict[str, list[str]] = {}
    for name in FACETS:
        values = [str(v).strip() for v in (raw.get(name) or []) if str(v).strip()]
        if not values:
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise SearchInputError(name, f"Tối đa {MAX_FILTER_VALUES} giá trị cho “{name}”.")
        values = sorted(set(values))
        if name == "type":
            unknown = [v for v in values if v not in DOC_TYPES]
            if unknown:
                raise _value_error(name, unknown[0])
        else:
            try:
                cleaned = exemplar_filters.BY_NAME[name].clean(values)
            except exemplar_filters.FilterError as exc:
                raise _value_error(name, exc.raw, exc.reason) from None
            values = sorted({str(value) for value in cleaned})
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
        query=terms.settle_last_word(as_you_type(query)),
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
    if facets.get("campaign"):
        # Other documents still carry the key of a campaign past its expiry time: no label, so
        # the facet value is dropped (the cached table is shared: filter a copy).
        expired = {str(pk) for pk in expired_document_ids()}
        if expired:
            labels["campaign"] = {k: v for k, v in labels["campaign"].items() if k not in expired}
    labels["type"] = dict(DOC_TYPES)
    labels["kind"] = dict(SubjectKind.choices)
    labels["year"] = {v: v for v in facets.get("year", {})}
    labels["replicated"] = {str(value): label for value, label in exemplar_filters.REPLICATED.LABELS.items()}
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
    ids = [hit.page_id for hit in result.hits]
    docs = {}
    if ids:
        # One plain query: the ORM's compiling of this same SELECT cost ~0.4 ms of every search.
        quote = connection.ops.quote_name
        # identifiers from the model; every value is a bound parameter
        sql = (
            f"SELECT {', '.join(map(quote, columns))} FROM {quote(SearchDocument._meta.db_table)} "  # noqa: S608
            f"WHERE {quote('page_id')} IN ({', '.join(['%s'] * len(ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, ids)
            docs = {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}
    items = []
    for hit in result.hits:
        doc = docs.get(hit.page_id)
        if doc is None:  # an Elasticsearch hit the embedded index no longer has: not public
            continue
        text = f"{doc['summary']} {doc['body']}".strip()
        snippet = hit.highlight or highlight(text, query, prefix_last=query.prefix_last)
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


# A query with at most this many results is offered a spelling correction that finds more.
FEW_RESULTS = 2


def vocabulary() -> list[str]:
    return cache_for_generation("search:vocabulary", lambda: embedded_engine().vocabulary(), 300)


def spelling(request: SearchRequest, count: int) -> tuple[ParsedQuery, int | None] | None:
    """The first corrected query (see `search.vocabulary.corrections`, nearest and most frequent
    first) whose words occur together, in this order, in a public page and that finds more than
    `count` pages, with its count — or None. So what is offered is a phrase of the content
    ("trinh quoc khanh"), never words that merely exist somewhere ("mat tro" for "mặt trời").
    With `count` 0 a phrase that exists finds more by itself: its count is left to the search of
    it that follows (None here), which counts anyway."""
    engine = embedded_engine()
    for corrected in terms.corrections(request.query, request.query.prefix_last):
        if not engine.phrase_exists(corrected, request.filters):
            continue
        query = parse_query(" ".join(corrected))  # whole words: no prefix
        if not count:
            return query, None
        n = engine.count(query, request.filters)
        if n > count:
            return query, n
    return None


def suggestion(request: SearchRequest, count: int = 0) -> dict | None:
    """For a query without hits: the broadest filter to drop, else the nearest spelling (its
    count None: see `spelling`); for a query with few hits, a spelling that finds more."""
    engine = embedded_engine()
    if request.filters and not count:
        best = None
        for name in request.filters:
            others = {k: v for k, v in request.filters.items() if k != name}
            n = engine.count(request.query, others)
            if n and (best is None or n > best[1]):
                best = (name, n)
        if best:
            return {
                "kind": "drop_filter",
                "count": best[1],
                "q": None,
                "param": best[0],
                "label": FACET_LABELS[best[0]],
            }
    found = spelling(request, count)
    if found:
        return {"kind": "spelling", "count": found[1], "q": found[0].raw, "param": None, "label": None}
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
        "corrected": None,
    }
    if result.count <= FEW_RESULTS:
        answer["suggestion"] = suggestion(request, result.count)
    suggested = answer["suggestion"]
    if result.count == 0 and suggested and suggested["kind"] == "spelling":
        # Nothing for the words as typed: show what the correction finds, under the notice.
        corrected = SearchRequest(
            query=parse_query(suggested["q"]),
            filters=request.filters,
            limit=request.limit,
            facets=False,
        )
        found = embedded_engine().search(corrected)
        suggested["count"] = found.count
        answer["corrected"] = {
            "q": suggested["q"],
            "count": found.count,
            "count_exact": found.count_exact,
            "items": shape_items(found, corrected.query),
        }
    return answer


def suggest(q: str | None, limit: int = 8) -> list[dict]:
    text = (q or "").strip()
    try:
        query = parse_query(text)
    except QueryError as exc:
        raise SearchInputError("q", exc.detail) from None
    if len(query.folded_text) < 2:
        raise SearchInputError("q", "Hãy gõ ít nhất 2 ký tự.")
    query = as_you_type(query)
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
