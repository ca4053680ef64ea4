# ruff: noqa: S608 - SQL is assembled from internal identifiers only; every value is a bound parameter.
"""The embedded engine: full-text search inside the site's own database, SQLite or PostgreSQL.

Ranking comes in two tiers, each bounded by `WINDOW`:
1. title matches (names of exemplars, campaigns, stories), ranked by bm25 / ts_rank over the
   title alone, where the accented title counts more than the folded one — so "Nguyễn Văn An"
   ranks above "Nguyên Văn An" for "nguyễn văn an", and both are found by "nguyen van an";
2. other matches (summary, body), ranked over title, summary and body with title > summary > body.
Inside each tier only the `WINDOW` most recent matches are ranked: cost stays flat however
many pages a broad word matches. Counts stop at `COUNT_CAP`; facets are counted with one
GROUP BY over at most `FACET_SAMPLE` matching documents.
"""

from __future__ import annotations

from django.db import connection

from ..documents import FACETS
from ..text import ParsedQuery, fts5_query
from .base import Hit, SearchRequest, SearchResult, limits

FACET_TABLE = "search_searchfacet"


def _filter_sql(filters: dict[str, list[str]], id_column: str) -> tuple[str, list]:
    sql, params = [], []
    for name, values in sorted(filters.items()):
        if not values:
            continue
        marks = ", ".join(["%s"] * len(values))
        # Only internal identifiers are interpolated; every value is a bound parameter.
        sql.append(f"{id_column} IN (SELECT document_id FROM {FACET_TABLE} WHERE name = %s AND value IN ({marks}))")
        params += [name, *values]
    return "".join(f" AND {clause}" for clause in sql), params


class EmbeddedEngine:
    name = "embedded"

    # -- vendor specifics ---------------------------------------------------------------------

    def __init__(self):
        self.vendor = connection.vendor
        if self.vendor not in ("sqlite", "postgresql"):
            raise RuntimeError(f"embedded search supports SQLite and PostgreSQL, not {self.vendor}")

    def _match(self, query: ParsedQuery, tier: str, prefix_last: bool = False) -> tuple[str, str, str, list]:
        """(FROM clause, WHERE clause, id column, params) of the documents matching `query` in `tier`."""
        if self.vendor == "sqlite":
            if tier == "title":
                expr = fts5_query(query, "title", "title_folded", prefix_last=prefix_last)
                return "search_title_fts", "search_title_fts MATCH %s", "rowid", [expr]
            expr = fts5_query(query, "title summary", "title_folded summary_folded body_folded")
            return "search_fts", "search_fts MATCH %s", "rowid", [expr]
        tsquery, params = self._tsquery(query, prefix_last)
        column = "title_vector" if tier == "title" else "doc_vector"
        return "search_searchdocument", f"{column} @@ ({tsquery})", "page_id", params

    def _score(self, query: ParsedQuery, tier: str, prefix_last: bool = False) -> tuple[str, list, str]:
        """(score expression, params, order) — SQLite's bm25 is lower-is-better, ts_rank higher."""
        if self.vendor == "sqlite":
            if tier == "title":
                return "bm25(search_title_fts, 10.0, 6.0)", [], "ASC"
            return "bm25(search_fts, 10.0, 4.0, 8.0, 3.0, 1.0)", [], "ASC"
        tsquery, params = self._tsquery(query, prefix_last)
        column = "title_vector" if tier == "title" else "doc_vector"
        score = f"ts_rank({column}, ({tsquery}))"
        exact = self._exact_tsquery(query)
        if exact:
            score += f" + ts_rank({column}, {exact[0]})"
            params = [*params, *exact[1]]
        return score, params, "DESC"

    @staticmethod
    def _tsquery(query: ParsedQuery, prefix_last: bool) -> tuple[str, list]:
        """The folded query (what must match): every token, folded, AND-ed."""
        groups, params = [], []
        for i, token in enumerate(query.tokens):
            star = ":*" if prefix_last and i == len(query.tokens) - 1 else ""
            groups.append("to_tsquery('guongsang_fold', %s)")
            params.append(" <-> ".join(token.folded) + star)
        return " && ".join(groups), params

    @staticmethod
    def _exact_tsquery(query: ParsedQuery) -> tuple[str, list] | None:
        """The accented tokens OR-ed (what earns the exact-accent bonus), or None if none is accented."""
        exact = [token.exact for token in query.tokens if token.is_accented]
        if not exact:
            return None
        return "to_tsquery('simple', %s)", [" | ".join(exact)]

    def _filter_column(self, idcol: str) -> str:
        # On an FTS5 table a plain `rowid IN (…)` is offered to the virtual table as a rowid
        # lookup, and FTS5 then re-runs the MATCH once per listed rowid. `+rowid` is an
        # expression, not a constraint: the MATCH runs once and the filter checks its rows.
        return f"+{idcol}" if self.vendor == "sqlite" else idcol

    # -- building blocks ----------------------------------------------------------------------

    def _ranked(self, query, tier, filters, window, exclude=(), prefix_last=False) -> list[int]:
        lim = limits()
        table, where, idcol, params = self._match(query, tier, prefix_last)
        fsql, fparams = _filter_sql(filters, self._filter_column(idcol))
        score, sparams, order = self._score(query, tier, prefix_last)
        excl = ""
        if exclude:
            excl = f" AND {idcol} NOT IN ({', '.join(['%s'] * len(exclude))})"
        sql = (
            f"SELECT id FROM (SELECT {idcol} AS id, {score} AS score FROM {table} "
            f"WHERE {where}{fsql}{excl} ORDER BY {idcol} DESC LIMIT %s) ranked "
            f"ORDER BY score {order}, id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*sparams, *params, *fparams, *exclude, lim["WINDOW"], window])
            return [row[0] for row in cursor.fetchall()]

    def _count(self, query, filters) -> tuple[int, bool]:
        cap = limits()["COUNT_CAP"]
        table, where, idcol, params = self._match(query, "all")
        fsql, fparams = _filter_sql(filters, self._filter_column(idcol))
        sql = f"SELECT count(*) FROM (SELECT {idcol} FROM {table} WHERE {where}{fsql} LIMIT %s) capped"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *fparams, cap + 1])
            n = cursor.fetchone()[0]
        return (cap, False) if n > cap else (n, True)

    def _facet_counts(self, query, filters, names) -> tuple[dict[str, dict[str, int]], int]:
        sample = limits()["FACET_SAMPLE"]
        table, where, idcol, params = self._match(query, "all")
        fsql, fparams = _filter_sql(filters, self._filter_column(idcol))
        wanted = sorted(set(names) | {"type"})
        marks = ", ".join(["%s"] * len(wanted))
        sql = (
            f"SELECT name, value, count(*) FROM {FACET_TABLE} WHERE document_id IN "
            f"(SELECT {idcol} FROM {table} WHERE {where}{fsql} ORDER BY {idcol} DESC LIMIT %s) "
            f"AND name IN ({marks}) GROUP BY name, value"
        )
        counts: dict[str, dict[str, int]] = {name: {} for name in wanted}
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *fparams, sample, *wanted])
            for name, value, n in cursor.fetchall():
                counts[name][value] = n
        sampled_docs = sum(counts["type"].values())  # every document has exactly one type
        return {name: counts[name] for name in names}, sampled_docs

    # -- the interface ------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        window = request.offset + request.limit
        title_ids = self._ranked(request.query, "title", request.filters, window)
        ids = list(title_ids)
        if len(ids) < window:
            ids += self._ranked(request.query, "all", request.filters, window - len(ids), exclude=title_ids)
        count, exact = self._count(request.query, request.filters)
        hits = [Hit(pk) for pk in ids[request.offset : window]]
        result = SearchResult(count=count, count_exact=exact, hits=hits, engine=self.name)
        if request.facets:
            result.facets, result.facets_sampled = self.facets(request)
        return result

    def facets(self, request: SearchRequest) -> tuple[dict[str, dict[str, int]], bool]:
        """Counts per facet value; each facet respects every active filter but its own."""
        sample = limits()["FACET_SAMPLE"]
        active = [name for name in FACETS if request.filters.get(name)]
        free = [name for name in FACETS if name not in active]
        out, sampled = {}, False
        if free:
            counts, n = self._facet_counts(request.query, request.filters, free)
            out.update(counts)
            sampled |= n >= sample
        for name in active:
            others = {k: v for k, v in request.filters.items() if k != name}
            counts, n = self._facet_counts(request.query, others, [name])
            out.update(counts)
            sampled |= n >= sample
        return {name: out.get(name, {}) for name in FACETS}, sampled

    def count(self, query: ParsedQuery, filters: dict[str, list[str]]) -> int:
        return self._count(query, filters)[0]

    def suggest(self, query: ParsedQuery, limit: int = 8) -> list[int]:
        """Exemplars and campaigns whose title matches, the last word as a prefix."""
        return self._ranked(query, "title", {"type": ["exemplar", "campaign"]}, limit, prefix_last=True)

    def vocabulary(self) -> list[str]:
        """Folded words of every indexed title (for "did you mean")."""
        if self.vendor == "sqlite":
            sql = "SELECT term FROM search_title_vocab"
        else:
            sql = "SELECT word FROM ts_stat('SELECT title_vector FROM search_searchdocument')"
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return [row[0] for row in cursor.fetchall() if row[0].isascii() and row[0].isalpha()]
