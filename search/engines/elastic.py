"""The Elasticsearch engine (scale-out), defined with `elasticsearch.dsl`.

Used for public search only when ELASTICSEARCH_URL is set; the embedded index is always kept
too, and any Elasticsearch error makes the caller answer from it (see `search.service`).
The index folds Vietnamese like the embedded engine (lowercase + asciifolding, which folds
đ → d), keeps an unfolded `exact` sub-field so exact accents rank first, has an edge-n-gram
`autocomplete` sub-field on titles, and applies the editable synonym list (`SearchSynonym`)
at query time through a `synonym_graph` filter. Run `manage.py rebuild_search` after editing
synonyms: they are part of the index settings.
"""

from __future__ import annotations

from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import Document, Index, Integer, Keyword, Q, Search, Text, analyzer, token_filter

from ..documents import FACETS, expired_document_ids
from ..text import ParsedQuery, fold
from .base import Hit, SearchRequest, SearchResult, limits

TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT, EXACT_BONUS = 10, 4, 1, 3


def synonym_rules() -> list[str]:
    """Synonym groups from the admin, folded like the text they apply to ("ubnd, uy ban nhan dan")."""
    from ..models import SearchSynonym

    rules = []
    for group in SearchSynonym.objects.all():
        terms = [" ".join(fold(term).split()) for term in group.term_list()]
        terms = [t for t in dict.fromkeys(terms) if t]
        if len(terms) >= 2:
            rules.append(", ".join(terms))
    return rules


def make_index(name: str, synonyms: list[str]) -> tuple[Index, type[Document]]:
    """The index `name` and its document class, with the given synonym rules."""
    folding = token_filter("vi_folding", type="asciifolding", preserve_original=False)
    synonym = token_filter("vi_synonyms", type="synonym_graph", synonyms=synonyms or ["guongsang, guong sang"])
    edge = token_filter("vi_edge_ngram", type="edge_ngram", min_gram=1, max_gram=20)
    vi_fold = analyzer("vi_fold", tokenizer="standard", filter=["lowercase", folding])
    vi_fold_search = analyzer("vi_fold_search", tokenizer="standard", filter=["lowercase", folding, synonym])
    vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
    vi_autocomplete = analyzer("vi_autocomplete", tokenizer="standard", filter=["lowercase", folding, edge])

    def folded_text(**extra):
        return Text(analyzer=vi_fold, search_analyzer=vi_fold_search, **extra)

    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)

    @index.document
    class SearchDoc(Document):
        page_id = Integer()
        doc_type = Keyword()
        url = Keyword(index=False)
        title = folded_text(
            fields={
                "exact": Text(analyzer=vi_exact),
                "autocomplete": Text(analyzer=vi_autocomplete, search_analyzer=vi_fold),
            }
        )
        summary = folded_text(fields={"exact": Text(analyzer=vi_exact)})
        body = folded_text()
        type = Keyword()
        kind = Keyword()
        field = Keyword()
        place = Keyword()
        campaign = Keyword()
        award_type = Keyword()
        year = Keyword()
        replicated = Keyword()

    return index, SearchDoc


def _text(query: ParsedQuery) -> str:
    # Only the tokens, never the raw string: nothing the user types reaches ES as syntax.
    return " ".join(token.exact for token in query.tokens)


def _filters(filters: dict[str, list[str]], skip: str | None = None) -> list:
    return [Q("terms", **{name: values}) for name, values in sorted(filters.items()) if values and name != skip]


def _not_expired(expired: list[int] | None) -> list:
    """Documents past their page's expiry time (still live until cron runs) never match."""
    return [Q("terms", page_id=list(expired))] if expired else []


def build_search(request: SearchRequest, index_name: str, client=None, expired: list[int] | None = None) -> Search:
    """The request body for `request` (tested for what it sends, independently of a server)."""
    text = _text(request.query)
    cap = limits()["COUNT_CAP"]
    match = Q(
        "multi_match",
        query=text,
        fields=[f"title^{TITLE_WEIGHT}", f"summary^{SUMMARY_WEIGHT}", f"body^{BODY_WEIGHT}"],
        type="cross_fields",
        operator="and",
    )
    boosts = [
        Q("match", **{"title.exact": {"query": text, "boost": TITLE_WEIGHT + EXACT_BONUS}}),
        Q("match", **{"summary.exact": {"query": text, "boost": SUMMARY_WEIGHT}}),
        Q("match_phrase", title={"query": text, "boost": TITLE_WEIGHT}),
    ]
    search = Search(using=client, index=index_name).query(
        Q("bool", must=[match], should=boosts, must_not=_not_expired(expired))
    )
    active = _filters(request.filters)
    if active:
        search = search.post_filter(Q("bool", filter=active))
    if request.facets:
        for name in FACETS:
            others = _filters(request.filters, skip=name)
            bucket = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others) if others else Q("match_all"))
            bucket.bucket("values", "terms", field=name, size=50)
    search = search.highlight("summary", "body", fragment_size=180, number_of_fragments=1)
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.extra(track_total_hits=cap, size=request.limit, **{"from": request.offset})
    return search.source(["page_id"])


def build_suggest(
    query: ParsedQuery, index_name: str, limit: int = 8, client=None, expired: list[int] | None = None
) -> Search:
    match = Q("match", **{"title.autocomplete": {"query": _text(query), "operator": "and"}})
    search = Search(using=client, index=index_name).query(
        Q(
            "bool",
            must=[match],
            filter=[Q("terms", type=["exemplar", "campaign"])],
            must_not=_not_expired(expired),
        )
    )
    return search.extra(size=limit).source(["page_id"])


class ElasticEngine:
    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "guongsang"):
        self.url = url
        self.index_name = f"{prefix}-search"
        self.client = Elasticsearch(url, request_timeout=2, max_retries=0, retry_on_timeout=False)

    def index_definition(self) -> tuple[Index, type[Document]]:
        return make_index(self.index_name, synonym_rules())

    def search(self, request: SearchRequest) -> SearchResult:
        response = build_search(request, self.index_name, self.client, expired_document_ids()).execute()
        total = response.hits.total
        hits = []
        for hit in response:
            fragments = []
            if hasattr(hit.meta, "highlight"):
                for name in ("summary", "body"):
                    fragments += list(getattr(hit.meta.highlight, name, []))
            hits.append(Hit(int(hit.meta.id), fragments[0] if fragments else None))
        facets = {}
        if request.facets:
            for name in FACETS:
                facets[name] = {str(b.key): b.doc_count for b in getattr(response.aggregations, name).values.buckets}
        return SearchResult(
            count=total.value,
            count_exact=total.relation == "eq",
            hits=hits,
            facets=facets,
            engine=self.name,
        )

    def suggest(self, query: ParsedQuery, limit: int = 8) -> list[int]:
        search = build_suggest(query, self.index_name, limit, self.client, expired_document_ids())
        return [int(hit.meta.id) for hit in search.execute()]

    def count(self, query: ParsedQuery, filters) -> int:
        request = SearchRequest(query=query, filters=filters, limit=0, facets=False)
        return self.search(request).count

    # -- indexing -----------------------------------------------------------------------------

    @staticmethod
    def _source(data) -> dict:
        source = {
            "page_id": data.page_id,
            "doc_type": data.doc_type,
            "url": data.url,
            "title": data.title,
            "summary": data.summary,
            "body": data.body,
        }
        for name in FACETS:
            source[name] = [value for key, value in data.facets if key == name]
        return source

    def _actions(self, docs):
        for data in docs:
            yield {"_op_type": "index", "_index": self.index_name, "_id": data.page_id, "_source": self._source(data)}

    def index(self, docs) -> None:
        docs = list(docs)
        if docs:
            helpers.bulk(self.client, self._actions(docs), refresh="wait_for")

    def delete(self, page_ids) -> None:
        actions = [{"_op_type": "delete", "_index": self.index_name, "_id": pk} for pk in page_ids]
        if actions:
            helpers.bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def recreate(self) -> None:
        index, _ = self.index_definition()
        index.delete(using=self.client, ignore_unavailable=True)
        index.create(using=self.client)
