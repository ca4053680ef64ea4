# ruff: noqa: S608 - SQL is assembled from internal identifiers only; every value is a bound parameter.
"""The embedded engine: full-text search inside the site's own database, SQLite or PostgreSQL.

Ranking comes in two tiers, each bounded by `WINDOW`:
1. title matches (names of exemplars, campaigns, stories), ranked by bm25 / ts_rank over the
   title alone, where the accented title counts more than the folded one — so "Nguyễn Văn An"
   ranks above "Nguyên Văn An" for "nguyễn văn an", and both are found by "nguyen van an";
2. other matches, by where the words are (title or summary before body only, exact accents
   before folded), then newest first — see `_rank_recent` for why not bm25 or ts_rank.
One id-only scan of the most recent matches (newest first, at most COUNT_CAP + 1) gives the
count, the second tier's window and the facet sample. Filters are part of the full-text match
(SQLite: facet keys indexed as words of `facet_tokens`; PostgreSQL: facet keys inside
`search_match.match_vector`), so a filter costs no join. Facets are counted from the sampled documents' facet keys and
cached per (query, filters) for the content generation (`core.http_cache.cache_for_generation`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections import Counter

from django.db import connection

from core.http_cache import cache_for_generation

from .. import vocabulary
from ..documents import FACETS, expired_document_ids
from ..text import ParsedQuery, facet_token, fts5_exact, fts5_filters, fts5_query, parse_facet_token, parse_query
from .base import Hit, SearchRequest, SearchResult, limits

# PostgreSQL's statistics of the search tables, kept in each process for this long: they move
# only with ANALYZE, and reading them from the shared cache (a pickled dict of ~1,000 lexemes)
# cost ~0.4 ms on every search.
STATISTICS_SECONDS = 300
_statistics_memo: dict[tuple[str, str], tuple[float, object]] = {}


# Words' and prefixes' shares are kept the same way (they only choose a plan, never an answer),
# for at most this many words per process.
STATISTICS_MAX_ENTRIES = 4096


def _statistics(kind, read):
    key = (connection.settings_dict["NAME"], kind)
    now = time.monotonic()
    held = _statistics_memo.get(key)
    if held is None or held[0] <= now:
        if len(_statistics_memo) >= STATISTICS_MAX_ENTRIES:
            _statistics_memo.clear()
        held = (now + STATISTICS_SECONDS, read())
        _statistics_memo[key] = held
    return held[1]


def clear_statistics() -> None:
    """Forget the statistics read so far (tests, after ANALYZE)."""
    _statistics_memo.clear()


def _facet_tsquery(filters: dict[str, list[str]]) -> str:
    """PostgreSQL: the filters as a tsquery over facet keys ("" without)."""
    groups = []
    for name, values in sorted(filters.items()):
        if values:
            groups.append("(" + " | ".join(f"'{facet_token(name, value)}'" for value in values) + ")")
    return " & ".join(groups)


class EmbeddedEngine:
    name = "embedded"

    # -- vendor specifics ---------------------------------------------------------------------

    def __init__(self):
        self.vendor = connection.vendor
        if self.vendor not in ("sqlite", "postgresql"):
            raise RuntimeError(f"embedded search supports SQLite and PostgreSQL, not {self.vendor}")
        self._expired: list[int] | None = None

    def expired_ids(self) -> list[int]:
        """Documents whose page has passed its expiry time (still live until cron runs): left out
        of every match, count and facet of this engine's answers. Read once per answer."""
        if self._expired is None:
            self._expired = expired_document_ids()
        return self._expired

    def _without_expired(self, where: str, idcol: str, params: list) -> tuple[str, list]:
        expired = self.expired_ids()
        if not expired:
            return where, params
        return f"{where} AND {idcol} NOT IN ({', '.join(['%s'] * len(expired))})", [*params, *expired]

    def _match(
        self,
        query: ParsedQuery,
        tier: str,
        filters: dict[str, list[str]],
        prefix_last: bool = False,
        on_rows: bool = False,
        walk_key: str | None = None,
        scored: bool = False,
    ) -> tuple[str, str, str, list]:
        """(FROM clause, WHERE clause, id column, params) of the documents matching `query` in
        `tier` and every filter: on SQLite the filters are words of the MATCH (see migration
        0003), on PostgreSQL part of the condition on `search_match.match_vector` (migration 0005;
        titles: `search_vector`, 0004). Documents past their page's expiry time never match.
        `on_rows` (PostgreSQL, tier "all"): the whole condition as a function call, which the
        planner never takes to the GIN index, so that it walks the key backwards (see
        `_recent_rows`) without a planner setting, a transaction and two more round trips —
        except the facet key `walk_key`, written as the condition of its walk index (migration
        0012), so that the walk reads only the documents of that value.
        `scored` (SQLite, tier "title"): the rows are ranked by bm25, so an accented word also
        matches as typed in `title`, which bm25 weighs above `title_folded`. Elsewhere the folded
        columns alone match: they hold every word of the accented ones, folded, so the
        alternative would only make FTS5 merge one more doclist per word (1.6 ms of the 6 ms that
        "Trần Thị Hồng" takes at 100,000)."""
        prefix_last = prefix_last or query.prefix_last
        if self.vendor == "sqlite":
            if tier == "title":
                exact = "title" if scored else ""
                expr = fts5_query(query, exact, "title_folded", prefix_last=prefix_last, filters=filters)
                where, params = self._without_expired("search_title_fts MATCH %s", "rowid", [expr])
                return "search_title_fts", where, "rowid", params
            expr = fts5_query(
                query,
                "",
                "title_folded summary_folded body_folded",
                filters=filters,
                prefix_last=prefix_last,
                completions=self._completions(query) if prefix_last else None,
            )
            where, params = self._without_expired("search_fts MATCH %s", "rowid", [expr])
            return "search_fts", where, "rowid", params
        if tier == "title":
            groups, params = self._tsquery_groups(query, prefix_last)
            tested = []
            if (
                prefix_last
                and len(groups) > 1
                and self._prefix_share(query.tokens[-1].folded[-1]) >= self.ON_ROWS_SHARE
            ):
                # A cut-off word that begins most documents' words ("hu", "ho", "ng") is, in the
                # GIN index, the union of every completion's posting list: tested on the titles
                # the other words find instead (at 100,000: "nguyen van hu" 2.3 → 1.0 ms,
                # "xay dung nong th" 2.1 → 0.15; a rare one stays in the index, where "nguyen
                # van (khuyen)" takes 0.15 ms against 0.85 on the rows).
                tested = [groups.pop()]
            where = "title_vector @@ (" + " && ".join(groups) + ")"
            if tested:
                where += f" AND ts_match_vq(title_vector, {tested[0]})"
            facet_query = _facet_tsquery(filters)
            if facet_query:
                where += " AND facet_vector @@ %s::tsquery"
                params = [*params, facet_query]
            where, params = self._without_expired(where, "page_id", params)
            return "search_vector", where, "page_id", params
        # Everything else matches on the position-free vectors, facet keys included (0005), the
        # rarest condition first: `@@` stops at the first word a row lacks, and most rows the
        # key walk reads lack one ("kheo & van & dan" walks in ~80 % of the time "dan & van & kheo"
        # takes).
        last = len(query.tokens) - 1
        conditions = [
            (
                self._prefix_share(token.folded[-1]) if prefix_last and i == last else self._share(token.folded),
                "to_tsquery('guongsang_fold', %s)",
                self._cut_off(token) if prefix_last and i == last else " <-> ".join(token.folded),
            )
            for i, token in enumerate(query.tokens)
        ]
        for name, values in sorted(filters.items()):
            if values:
                keys = [facet_token(name, value) for value in values]
                conditions.append(
                    (self._share(keys, any_of=True, facets=True), "%s::tsquery", " | ".join(f"'{k}'" for k in keys))
                )
        conditions.sort(key=lambda condition: condition[0])
        # A condition most documents meet ("dung": 97 %; a cut-off word such as "hu", 99.7 %) is
        # tested on the rows the rarer conditions find, not in the GIN index: there it is a long
        # posting list to intersect (for a cut-off word, the union of every word it begins: 20 ms
        # for "hu" at 100,000) for a condition that removes almost nothing. The rarest stays.
        if on_rows:
            indexed, tested = [], conditions
        else:
            indexed = [c for c in conditions if c[0] < self.ON_ROWS_SHARE] or conditions[:1]
            tested = conditions[len(indexed) :]
        clauses, walked = [], []
        if on_rows and walk_key:
            tested = [c for c in tested if c[2] != f"'{walk_key}'"]
            clauses.append("match_vector @@ %s::tsquery")  # the walk index's condition, as written there
            walked = [walk_key]
        if indexed:
            clauses.append("match_vector @@ (" + " && ".join(sql for _, sql, _ in indexed) + ")")
        if tested:
            # a function call, which the planner does not take to the index
            clauses.append("ts_match_vq(match_vector, " + " && ".join(sql for _, sql, _ in tested) + ")")
        where, params = self._without_expired(
            " AND ".join(clauses), "page_id", [*walked, *(param for _, _, param in indexed + tested)]
        )
        return "search_match", where, "page_id", params

    # PostgreSQL: conditions met by at least this share of documents are tested on the rows the
    # bitmap finds, not in the GIN index (measured at 100,000, with a kind filter: "nguyen van
    # hu" 20.6 → 5.9 ms, "tran thi ho" 26 → 11 ms, "le dinh dung" 6.8 → 6.0 ms; a narrow
    # condition is faster in the index: "nguyen van hung" as a prefix, 2.4 ms, 11.7 on the rows).
    # The title tier applies the same rule to a cut-off last word, on the titles (see `_match`).
    ON_ROWS_SHARE = 0.6

    # PostgreSQL: a cut-off last word with at most this many completions is matched as them.
    PG_MAX_COMPLETIONS = 16

    def _cut_off(self, token) -> str:
        """PostgreSQL: the cut-off last word as tsquery text — its known completions OR-ed when
        they are few ("kheo" → `(kheo)`), else the prefix (`kheo:*`). GIN answers `:*` with a
        partial match that gathers every entry it begins into a bitmap: 3.6 ms for the 9,939
        documents of "kheo:*" at 100,000, against 1.3 ms for the same documents as a word. The
        vocabulary holds every indexed word of letters and digits (migration 0011), so the list
        is the prefix's meaning, and it leaves out the facet keys a prefix could begin."""
        memo = self.__dict__.setdefault("_cut_off_memo", {})
        prefix = token.folded[-1]
        if prefix not in memo:
            words, _, complete = vocabulary.completions(prefix, self.PG_MAX_COMPLETIONS)
            if complete:
                memo[prefix] = "(" + " | ".join([prefix, *(w for w in words if w != prefix)]) + ")"
            else:
                memo[prefix] = f"{prefix}:*"
        return " <-> ".join([*token.folded[:-1], memo[prefix]])

    # SQLite: the prefix lengths the full-text index keeps (migration 0010).
    FTS_PREFIX_LENGTHS = (2, 3)

    def _completions(self, query: ParsedQuery) -> list[str] | None:
        """SQLite: the known words the last word begins (see `text.fts5_query`), or None for
        FTS5's own prefix query — when its prefix index holds the prefix (2 or 3 letters: one
        doclist), or when there are more than `vocabulary.MAX_COMPLETIONS` words."""
        memo = self.__dict__.setdefault("_completion_memo", {})
        prefix = query.tokens[-1].folded[-1]
        if prefix not in memo:
            if len(prefix) in self.FTS_PREFIX_LENGTHS:
                memo[prefix] = None
            else:
                words, _, complete = vocabulary.completions(prefix)
                memo[prefix] = words if complete else None
        return memo[prefix]

    def _prefix_share(self, prefix: str) -> float:
        """PostgreSQL: the share of documents holding a word that begins with `prefix`, at most
        the sum of its completions' document frequencies (`SearchTerm`) over the documents;
        kept like the statistics (it chooses a plan, never an answer)."""

        def read():
            rows = self._table_stats()[0] or 1.0
            return min(1.0, vocabulary.completions(prefix, 0)[1] / rows)

        return _statistics(("prefix", prefix), read)

    def _title_score(self, query: ParsedQuery, prefix_last: bool = False) -> tuple[str, list, str]:
        """(score expression, params, order) of the title tier — the only one ranked by score
        (see `_rank_recent`); SQLite's bm25 is lower-is-better, ts_rank higher. ts_rank divides
        by 1 + log(title length) (normalisation 1), as bm25 weighs length: with the same words
        matched, "Tạ Công Thắng" ranks above "Ông Tạ Công Thắng hiến 200 mét vuông đất…"."""
        if self.vendor == "sqlite":
            return "bm25(search_title_fts, 10.0, 6.0, 0.0)", [], "ASC"
        tsquery, params = self._tsquery(query, prefix_last)
        score = f"ts_rank(title_vector, ({tsquery}), 1)"
        exact = self._exact_tsquery(query)
        if exact:
            score += f" + ts_rank(title_vector, {exact[0]}, 1)"
            params = [*params, *exact[1]]
        return score, params, "DESC"

    def _tsquery(self, query: ParsedQuery, prefix_last: bool) -> tuple[str, list]:
        """The folded query (what must match): every token, folded, AND-ed; with `prefix_last`
        the last one cut off (`_cut_off`)."""
        groups, params = self._tsquery_groups(query, prefix_last)
        return " && ".join(groups), params

    def _tsquery_groups(self, query: ParsedQuery, prefix_last: bool) -> tuple[list[str], list]:
        """`_tsquery` as one tsquery per token, with one parameter each, in the query's order."""
        groups, params = [], []
        for i, token in enumerate(query.tokens):
            groups.append("to_tsquery('guongsang_fold', %s)")
            cut = prefix_last and i == len(query.tokens) - 1
            params.append(self._cut_off(token) if cut else " <-> ".join(token.folded))
        return groups, params

    @staticmethod
    def _exact_tsquery(query: ParsedQuery) -> tuple[str, list] | None:
        """The accented tokens OR-ed (what earns the exact-accent bonus), or None if none is accented."""
        exact = [token.exact for token in query.tokens if token.is_accented]
        if not exact:
            return None
        return "to_tsquery('simple', %s)", [" | ".join(exact)]

    # -- building blocks ----------------------------------------------------------------------

    def _ranked_titles(self, query, filters, window, prefix_last=False) -> list[int]:
        """Ids of the best `window` title matches among the WINDOW most recent ones."""
        lim = limits()
        prefix_last = prefix_last or query.prefix_last
        # bm25() first counts the documents of every word of the MATCH, the filter words
        # included (50,000 for kind=collective): with filters, SQLite ranks with the query words
        # alone, over the window of most recent matches that pass the filters (matched unscored).
        split = self.vendor == "sqlite" and any(filters.values())
        table, where, idcol, params = self._match(query, "title", filters, prefix_last, scored=not split)
        score, sparams, order = self._title_score(query, prefix_last)
        columns, cparams, keys, kparams = self._title_keys(query, prefix_last)
        if split:
            _, text_where, _, text_params = self._match(query, "title", {}, prefix_last, scored=True)
            sql = (
                f"SELECT id FROM (SELECT rowid AS id, {score} AS score FROM {table} WHERE {text_where} "
                f"AND +rowid IN (SELECT rowid FROM {table} WHERE {where} ORDER BY rowid DESC LIMIT %s)) "
                f"ranked ORDER BY {keys}score {order}, id DESC LIMIT %s"
            )
            args = [*sparams, *text_params, *params, lim["WINDOW"], *kparams, window]
        else:
            sql = (
                f"SELECT id FROM (SELECT {idcol} AS id, {score} AS score{columns} FROM {table} "
                f"WHERE {where} ORDER BY {idcol} DESC LIMIT %s) ranked "
                f"ORDER BY {keys}score {order}, id DESC LIMIT %s"
            )
            args = [*sparams, *cparams, *params, lim["WINDOW"], *kparams, window]
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            return [row[0] for row in cursor.fetchall()]

    def _title_keys(self, query: ParsedQuery, prefix_last: bool) -> tuple[str, list, str, list]:
        """The title tier's keys before its score, as (columns of the ranked rows, their params,
        ORDER BY keys, their params): whole-word matches before matches of the last word as a
        prefix only, then (for a query with accents) titles with every accented word as typed
        before titles that match only folded. Strict keys rather than weights: bm25 and ts_rank
        favour short titles and rare words enough to rank a folded-only match above the exact one.
        """
        if self.vendor == "sqlite":
            keys, params = [], []
            member = "(id IN (SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH %s)) DESC, "
            if prefix_last:
                keys.append(member)
                params.append(fts5_query(query, "", "title_folded"))
            exact = fts5_exact(query, "title", prefix_last=prefix_last)
            if exact:
                keys.append(member)
                params.append(exact)
            return "", [], "".join(keys), params
        columns, params, keys = [], [], []
        if prefix_last:
            whole, wparams = self._tsquery(query, False)
            columns.append(f", (title_vector @@ ({whole})) AS whole")
            keys.append("whole DESC, ")
            params += wparams
        accented = self._exact_terms(query, prefix_last)
        if accented:
            columns.append(", (title_vector @@ to_tsquery('simple', %s)) AS exact")
            keys.append("exact DESC, ")
            params.append(accented)
        return "".join(columns), params, "".join(keys), []

    @staticmethod
    def _exact_terms(query: ParsedQuery, prefix_last: bool) -> str:
        """PostgreSQL: every accented word as typed, AND-ed ("" if none): the last as a prefix
        with `prefix_last`."""
        last = len(query.tokens) - 1
        return " & ".join(
            f"'{token.exact}'" + (":*" if prefix_last and i == last else "")
            for i, token in enumerate(query.tokens)
            if token.is_accented
        )

    def _recent(self, query, filters, n: int) -> list[int]:
        """Ids of the `n` most recent documents matching `query` and `filters` (no ranking)."""
        return [row[0] for row in self._recent_rows(query, filters, n, head=False)]

    def _recent_with_head(self, query, filters, n: int, window: int) -> tuple[list[int], dict[int, int]]:
        """The ids of the `n` most recent matches, and the head weight (see `_head_weight`) of
        those among the first `window` that have one — on PostgreSQL read from the same rows."""
        if self.vendor == "sqlite":
            ids = self._recent(query, filters, n)
            weights: dict[int, int] = {}
            for found, weight in self._head_matches(query, ids[:window]):
                for pk in found:
                    weights[pk] = weights.get(pk, 0) + weight
            return ids, weights
        rows = self._recent_rows(query, filters, n, head=True)
        return [pk for pk, _ in rows], {pk: weight for pk, weight in rows[:window] if weight}

    def _recent_rows(self, query, filters, n: int, head: bool) -> list[tuple]:
        """(id,) — or (id, head weight) — of the `n` most recent matches, most recent first."""
        table, where, idcol, params = self._match(query, "all", filters)
        columns, where_params = idcol, params
        if head and self.vendor == "postgresql":
            weight, wparams = self._head_weight(query)
            columns, params = f"{idcol}, {weight}", [*wparams, *params]
        column_params = params[: len(params) - len(where_params)]
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {idcol} DESC LIMIT %s", [*params, n]
                )
                return cursor.fetchall()
        # PostgreSQL: three plans, chosen here because the planner's estimate for several words
        # multiplies their frequencies (words of a phrase occur together: "xay dung nong thon
        # moi" is estimated at 7 % and matches 23 %) and it does not price reading vectors.
        # - Common words: walk the primary key backwards and stop after n matches: n / share
        #   rows, each vector (and the head weight) read from its row; the condition is written
        #   as a function call (`_match(on_rows=True)`), so the planner has no index to choose.
        # - Otherwise the GIN bitmap of the matches, their ids sorted (OFFSET 0 keeps the
        #   ORDER BY … LIMIT out of the subquery) — restricted to the most recent ids when many
        #   documents match (see `_recent_bound`): every match the bitmap keeps is a heap row
        #   read and tested, 10,000 of them at a 10 % share.
        #   A sequential scan, which the planner may prefer at 10–30 %, reads every vector of
        #   the table: 350–600 ms at 100,000.
        # - Between the two — the words are common but, taken as independent, expected to meet
        #   rarely ("xay dung nong thon moi": five words of 25–85 % each, so 0.2 % by product,
        #   23 % in fact) — first walk a bounded stretch of the key (`_walk_budget` rows); only
        #   if that stretch holds fewer than n matches, the bitmap. A wrong guess costs the
        #   stretch (a few ms), never the answer; the bitmap of 23,000 matches read every heap
        #   block of the table (18,000, ~350 ms when they are not in shared buffers).
        # A walk with a filter that has a walk index of its own (migration 0012) reads only the
        # documents of that value: the filter's share of the rows the plain walk would read.
        upper, independent = self._shares(query, filters)
        walk_key = self._walk_key(filters)
        if upper > 0 and upper >= self.COMMON_SHARE and independent < self.INDEPENDENT_FLOOR:
            budget, within, within_params = self._walk_budget(upper, n), "", []
            if walk_key:
                budget = int(budget * self._share([walk_key], facets=True)) + 1
                within, within_params = " WHERE match_vector @@ %s::tsquery", [walk_key]
            walk = (
                f"SELECT {columns} FROM (SELECT * FROM {table}{within} ORDER BY {idcol} DESC LIMIT %s) walked "
                f"WHERE {where} ORDER BY {idcol} DESC LIMIT %s"
            )
            with connection.cursor() as cursor:
                cursor.execute(walk, [*column_params, *within_params, budget, *where_params, n])
                rows = cursor.fetchall()
            if len(rows) >= n:
                return rows
        if upper >= self.COMMON_SHARE and independent >= self.INDEPENDENT_FLOOR:
            # The key backwards: the condition as a function call on each row (`on_rows`), which
            # the planner cannot take to the GIN index — no planner setting, so no transaction.
            _, row_where, _, row_params = self._match(query, "all", filters, on_rows=True, walk_key=walk_key)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {columns} FROM {table} WHERE {row_where} ORDER BY {idcol} DESC LIMIT %s",
                    [*column_params, *row_params, n],
                )
                return cursor.fetchall()
        plan = "set_config('enable_indexscan', %s, true), set_config('enable_seqscan', %s, true)"
        bound = self._recent_bound(query, filters, n)
        sql = (
            f"SELECT * FROM (SELECT {columns} FROM {table} WHERE {where}{{range}} OFFSET 0) matched "
            f"ORDER BY {idcol} DESC LIMIT %s"
        )
        # The settings travel in one string with the query (Django's client-side binding allows
        # several statements): in autocommit PostgreSQL runs the string as one implicit
        # transaction, so the settings end with it — one round trip, no BEGIN/COMMIT; inside an
        # enclosing transaction the same string puts them back before it goes on.
        reset, reset_args = ("; SELECT " + plan, ["on", "on"]) if connection.in_atomic_block else ("", [])

        def select(range_sql: str, args: list) -> list[tuple]:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {plan}; {sql.format(range=range_sql)}{reset}", ["off", "off", *args, *reset_args]
                )
                cursor.nextset()
                return cursor.fetchall()

        if bound is None:
            return select("", [*params, n])
        rows = select(f" AND {idcol} > %s", [*params, bound, n])
        if len(rows) < n:
            # Fewer than n above the bound: the rest from below it — first down to a second
            # bound set by the share of matches seen above the first (one more bounded pass;
            # every match below it cost 29 ms for "nguyen van hu" filtered at 100,000), then,
            # if still short, all of them.
            lower = self._next_bound(bound, rows[0][0] if rows else bound, len(rows), n)
            if lower is not None:
                rows += select(f" AND {idcol} <= %s AND {idcol} > %s", [*params, bound, lower, n - len(rows)])
                bound = lower
            if len(rows) < n:
                rows += select(f" AND {idcol} <= %s", [*params, bound, n - len(rows)])
        return rows

    # PostgreSQL, bitmap plan: restrict the ids when at least this many matches are expected ...
    RANGE_MIN_MATCHES = 3000
    # ... to a range expected to hold this many times the n wanted (measured at 100,000
    # documents, a 10 % share: all 10,000 matches 14–29 ms, the 16,000 most recent ids 7 ms).
    # A range too narrow costs one more bounded pass (`_next_bound`): 1.6 → 1.4 took "nguyen
    # van hu" filtered 9.3 → 7.3 ms and "dan van kheo" 7.5 → 5.7; at 1.2 it needs the second
    # pass (10.3 ms; 29 ms when the second pass was every match).
    RANGE_MARGIN = 1.4

    def _recent_bound(self, query, filters, n: int) -> int | None:
        """PostgreSQL: an id above which the `n` most recent matches are expected to lie, or
        None when too few documents are expected to match for a bound to save work. A bound
        too high costs a second query (`_recent_rows` then takes every match), never an answer."""
        rows, low, high = self._table_stats()
        # between "the words occur together" and "independent": names are nearer the second
        # ("nguyen van hung": 4.8 % and 0.6 %, matches 0.6 %), phrases the first ("dan van
        # kheo": 9.8 % and 7.1 %, matches 9.9 %)
        share = math.sqrt(math.prod(self._shares(query, filters)))
        if not rows or not share or share * rows < self.RANGE_MIN_MATCHES:
            return None
        density = rows / (high - low + 1)  # documents per id
        bound = int(high - n * self.RANGE_MARGIN / share / density)
        return bound if bound > low else None

    def _next_bound(self, bound: int, newest: int, found: int, n: int) -> int | None:
        """PostgreSQL: below `bound`, an id above which the `n - found` matches still wanted are
        expected, from the `found` matches seen above it (`newest` the highest id seen), or None
        when none was seen or the bound would reach the lowest id."""
        _, low, high = self._table_stats()
        if not found:
            return None
        per_id = found / max(max(high, newest) - bound, 1)
        lower = int(bound - (n - found) * self.RANGE_MARGIN / per_id)
        return lower if lower > low else None

    @classmethod
    def _head_weight(cls, query: ParsedQuery) -> tuple[str, list]:
        """PostgreSQL: the weight of a matched row as an SQL expression — 4 if the last word
        matches as a whole word (only asked when it is also matched as a prefix), plus 2 if every
        word is in the title or summary, plus 1 if every accented word is there as typed
        (migration 0007: folded head words are in `match_vector` with a leading "_", and the
        only accented words there are the head's). Words are letters and digits only
        (text.parse_query)."""
        prefix = query.prefix_last
        parts = query.folded_terms
        marked = " & ".join(
            f"'_{part}'" + (":*" if prefix and i == len(parts) - 1 else "") for i, part in enumerate(parts)
        )
        expr, params = "(CASE WHEN match_vector @@ %s::tsquery THEN 2 ELSE 0 END)", [marked]
        accented = cls._exact_terms(query, prefix)
        if accented:
            expr += " + (CASE WHEN match_vector @@ to_tsquery('simple', %s) THEN 1 ELSE 0 END)"
            params.append(accented)
        if prefix:
            expr += " + (CASE WHEN match_vector @@ to_tsquery('guongsang_fold', %s) THEN 4 ELSE 0 END)"
            params.append(" <-> ".join(query.tokens[-1].folded))
        return expr, params

    # PostgreSQL: walk the key when at least this share of documents is expected to match
    # (measured at 100,000 documents: equal at about 10 % — 9 ms either way; at 20 %: walk 3–4 ms,
    # bitmap 20–30 ms; at 0.6 %: walk 85 ms, bitmap 1.6 ms) ...
    COMMON_SHARE = 0.1
    # ... unless the words, taken as independent, are expected to meet in fewer than this share
    # (two common words that rarely occur together would make the walk read every row).
    INDEPENDENT_FLOOR = 0.01

    # ... and when they are common but may rarely meet, walk at most this many times the rows
    # that n matches take if the words always occur together (n / the rarest word's share).
    WALK_BUDGET_FACTOR = 2

    def _walk_budget(self, upper: float, n: int) -> int:
        return int(self.WALK_BUDGET_FACTOR * n / upper) + 1

    def _walk_key(self, filters: dict[str, list[str]]) -> str | None:
        """PostgreSQL: the facet key of a one-value filter whose documents have a walk index of
        their own (migration 0012), the rarest if several; None without one."""
        keys = self._walk_keys()
        candidates = [
            facet_token(name, values[0])
            for name, values in sorted(filters.items())
            if len(values) == 1 and facet_token(name, values[0]) in keys
        ]
        return min(candidates, key=lambda key: self._share([key], facets=True), default=None)

    @staticmethod
    def _walk_keys() -> frozenset[str]:
        """PostgreSQL: the facet keys with a walk index, read from the catalogue (the index's
        condition names its key) and kept like the statistics."""

        def read():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_match' AND indexname LIKE %s",
                    ["search_match_walk_%"],
                )
                return frozenset(key for (d,) in cursor.fetchall() for key in re.findall(r"'(f[a-z]+x[0-9a-f]+)'", d))

        return _statistics("walk keys", read)

    def _shares(self, query, filters) -> tuple[float, float]:
        """PostgreSQL: the share of documents expected to match, as (upper bound: the rarest
        word's share — the words of one query tend to occur together, "xay dung nong thon moi"
        matches 23 % —, the words taken as independent: the product of their shares), each
        times the filters' shares. From `pg_stats`, not the planner: it takes the product."""
        frequencies = [self._share([part]) for token in query.tokens for part in token.folded]
        if query.prefix_last:  # the last word: any word it begins
            frequencies[-1] = self._prefix_share(query.tokens[-1].folded[-1])
        upper = min(frequencies) if frequencies else 1.0
        independent = math.prod(frequencies) if frequencies else 1.0
        for name, values in filters.items():
            if values:
                share = self._share([facet_token(name, value) for value in values], any_of=True, facets=True)
                upper, independent = upper * share, independent * share
        return upper, independent

    def _share(self, lexemes: list[str], any_of: bool = False, facets: bool = False) -> float:
        """PostgreSQL: the share of documents holding every one of `lexemes` (at most the rarest
        one's), or with `any_of` at least one of them (at most the sum). `facets`: the lexemes
        are facet keys, not words."""
        known, floor = self._element_stats()
        shares = [
            known[lexeme] if lexeme in known else floor if facets else self._unlisted_share(lexeme, floor)
            for lexeme in lexemes
        ]
        if not shares:
            return 1.0
        return min(1.0, sum(shares)) if any_of else min(shares)

    def _unlisted_share(self, lexeme: str, floor: float) -> float:
        """A lexeme `pg_stats` does not list is rarer than the rarest listed one — unless it is a
        word no document holds at all (a typo: "dugn"), which the word counts know: 0, so that
        a query holding it is never taken for a common one (the key walk would then read every
        row looking for a match that does not exist: 150 ms at 100,000). Kept like the
        statistics: a word indexed meanwhile is found all the same, by the bitmap plan."""
        known = _statistics(("known", lexeme), lambda: bool(vocabulary.frequencies([lexeme]).get(lexeme)))
        return floor if known else 0.0

    @staticmethod
    def _element_stats() -> tuple[dict[str, float], float]:
        """PostgreSQL's statistics of `search_match.match_vector`: the most common lexemes (words
        and facet keys) and the share of documents holding each, as ANALYZE and autovacuum
        gather them, kept for five minutes. A lexeme not listed is rarer than the rarest listed
        one; its share is taken as that one's."""

        def read():
            stats = ({}, 0.0)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                    "WHERE tablename = 'search_match' AND attname = 'match_vector'"
                )
                row = cursor.fetchone()
            if row and row[0] and row[1]:
                elements, shares = row
                # after one share per element come the minimum, maximum and null share
                stats = (dict(zip(elements, shares[: len(elements)], strict=True)), float(shares[-3]))
            return stats

        return _statistics("elements", read)

    @staticmethod
    def _table_stats() -> tuple[float, int, int]:
        """PostgreSQL: (rows, lowest id, highest id) of `search_match`, as of the last ANALYZE,
        kept for five minutes. Documents added since lie above the highest id, so a bound
        taken from it keeps them."""

        def read():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT greatest(reltuples, 0), (SELECT min(page_id) FROM search_match), "
                    "(SELECT max(page_id) FROM search_match) FROM pg_class WHERE oid = 'search_match'::regclass"
                )
                rows, low, high = cursor.fetchone()
            return float(rows), low or 0, high or 0

        return _statistics("table", read)

    @staticmethod
    def _rank_recent(candidates: list[int], weights: dict[int, int], exclude, n: int) -> list[int]:
        """The second tier: the `candidates` (most recent first) not in `exclude`, ordered by
        where the words are (`weights`: every word in a title or summary before words only in
        the body, accents as typed before folded), then by recency.

        Neither bm25() nor ts_rank is used here. Before ranking its first row FTS5 counts the
        documents of every query word (to weigh rare words), which for common words ("dân",
        "biển") costs 10–25 ms at 100,000 documents whatever the window; ts_rank detoasts every
        candidate's positioned vector (5–7 ms for 1,000). The weights come with the candidates
        (PostgreSQL) or from two id-only matches restricted to them (SQLite, `_head_matches`).
        """
        excluded = set(exclude)
        pool = [pk for pk in candidates if pk not in excluded]
        # `pool` is most recent first: the weighted ones (few) in front, then the rest in order.
        boosted = sorted((pk for pk in pool if pk in weights), key=lambda pk: (-weights[pk], -pk))
        return (boosted + [pk for pk in pool[: n + len(boosted)] if pk not in weights])[:n]

    def _head_matches(self, query, pool: list[int]) -> list[tuple[list[int], int]]:
        """SQLite: [(ids of `pool` with every word in the title or summary, 2), (ids with every
        accented word there as typed, 1), (ids where the last word matches whole, 4)] — the
        second only when the query has accents, the third only when the last word is also
        matched as a prefix."""
        found = []
        if not pool:
            return found
        prefix = query.prefix_last
        exact = fts5_exact(query, "title summary", prefix_last=prefix)
        folded = fts5_query(
            query,
            "",
            "title_folded summary_folded",
            prefix_last=prefix,
            completions=self._completions(query) if prefix else None,
        )
        whole = fts5_query(query, "", "title_folded summary_folded body_folded") if prefix else ""
        members = set(pool)
        with connection.cursor() as cursor:
            for expr, weight in ((folded, 2), (exact, 1), (whole, 4)):
                if expr:
                    sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid >= %s"
                    cursor.execute(sql, [expr, min(pool)])
                    found.append(([row[0] for row in cursor.fetchall() if row[0] in members], weight))
        return found

    def _count(self, query, filters) -> tuple[int, bool]:
        cap = limits()["COUNT_CAP"]
        table, where, idcol, params = self._match(query, "all", filters)
        sql = f"SELECT count(*) FROM (SELECT {idcol} FROM {table} WHERE {where} LIMIT %s) capped"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, cap + 1])
            n = cursor.fetchone()[0]
        return (cap, False) if n > cap else (n, True)

    def _facet_counts(
        self, query, filters, names, ids: list[int] | None = None
    ) -> tuple[dict[str, dict[str, int]], int]:
        """Counts per value of the facets `names` over the FACET_SAMPLE most recent matches
        (`ids` when the caller already has them).

        Counted in Python from each document's `facet_tokens` (one primary-key read per
        document) rather than with GROUP BY over `SearchFacet`: at 1,000 sampled documents
        that is ~7,000 index rows and a temporary B-tree, about twice the CPU.
        """
        sample = limits()["FACET_SAMPLE"]
        if ids is None:
            ids = self._recent(query, filters, sample)
        ids = ids[:sample]
        wanted = set(names) | {"type"}
        tokens: Counter[str] = Counter()
        if ids:
            with connection.cursor() as cursor:
                if self.vendor == "sqlite":
                    sql = "SELECT facet_tokens FROM search_searchdocument WHERE page_id IN (SELECT value FROM json_each(%s))"
                    cursor.execute(sql, [json.dumps(ids)])
                    tokens.update(" ".join(text for (text,) in cursor.fetchall()).split())
                else:  # the narrow table's facet lexemes, counted by the database
                    sql = (
                        "SELECT f.lexeme, count(*) FROM search_vector v, unnest(v.facet_vector) f "
                        "WHERE v.page_id = ANY(%s) GROUP BY f.lexeme"
                    )
                    cursor.execute(sql, [ids])
                    tokens.update(dict(cursor.fetchall()))
        counts: dict[str, dict[str, int]] = {name: {} for name in wanted}
        for token, n in tokens.items():
            name, value = parse_facet_token(token)
            if name in wanted:
                counts[name][value] = n
        sampled_docs = sum(counts["type"].values())  # every document has exactly one type
        return {name: counts[name] for name in names}, sampled_docs

    # -- the interface ------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        lim = limits()
        window = request.offset + request.limit
        title_ids = self._ranked_titles(request.query, request.filters, window)
        ids = list(title_ids)
        # One scan of the most recent matches gives the count (capped), the second ranking
        # tier's window (on PostgreSQL with its head weights, read from the same rows) and the
        # facet sample.
        recent, weights = self._recent_with_head(
            request.query, request.filters, max(lim["COUNT_CAP"] + 1, lim["FACET_SAMPLE"]), lim["WINDOW"]
        )
        count, exact = (lim["COUNT_CAP"], False) if len(recent) > lim["COUNT_CAP"] else (len(recent), True)
        if len(ids) < window:
            ids += self._rank_recent(recent[: lim["WINDOW"]], weights, title_ids, window - len(ids))
        hits = [Hit(pk) for pk in ids[request.offset : window]]
        result = SearchResult(count=count, count_exact=exact, hits=hits, engine=self.name)
        if request.facets:
            result.facets, result.facets_sampled = self.facets(request, recent)
        return result

    def facets(self, request: SearchRequest, recent: list[int] | None = None) -> tuple[dict[str, dict[str, int]], bool]:
        """Counts per facet value; each facet respects every active filter but its own.
        `recent`: the most recent matches of the query with every filter, if already known."""
        lim = limits()
        if not lim["FACET_CACHE_SECONDS"]:
            return self._facets(request, recent)
        # Kept for the content generation, which every document change moves on, and never past
        # the next page expiry (core.http_cache), so a cached count is never staler than the index.
        words = [(t.exact, tuple(t.folded)) for t in request.query.tokens]
        filters = sorted((k, tuple(v)) for k, v in request.filters.items() if v)
        scope = (self.vendor, words, filters, request.query.prefix_last)
        digest = hashlib.blake2b(repr(scope).encode(), digest_size=16).hexdigest()
        return cache_for_generation(
            f"search:facets:{digest}", lambda: self._facets(request, recent), lim["FACET_CACHE_SECONDS"]
        )

    def _facets(self, request: SearchRequest, recent: list[int] | None) -> tuple[dict[str, dict[str, int]], bool]:
        sample = limits()["FACET_SAMPLE"]
        active = [name for name in FACETS if request.filters.get(name)]
        free = [name for name in FACETS if name not in active]
        out, sampled = {}, False
        if free:
            counts, n = self._facet_counts(request.query, request.filters, free, recent)
            out.update(counts)
            sampled |= n >= sample
        for name in active:
            others = {k: v for k, v in request.filters.items() if k != name}
            counts, n = self._facet_counts(request.query, others, [name])
            out.update(counts)
            sampled |= n >= sample
        return {name: out.get(name, {}) for name in FACETS}, sampled

    # PostgreSQL: the phrase is looked for in the positioned vectors of at most this many of the
    # most recent documents holding every word (see `phrase_exists`).
    PHRASE_SAMPLE = 200

    def phrase_exists(self, words: list[str], filters: dict[str, list[str]]) -> bool:
        """Whether a document (passing `filters`, not expired) holds the folded `words` next to
        each other, in this order, in its title, summary or text (spelling suggestions must be
        real phrases)."""
        # Titles first: most slips are in names, and the titles' index is the smaller ("le dinh
        # dung" with a kind filter, SQLite at 100,000: 0.3 ms in titles, 3 ms in every column).
        if self.vendor == "sqlite":
            phrase = " + ".join('"' + word + '"' for word in words)  # letters and digits only
            facet_clause = fts5_filters(filters)
            for table, columns in (
                ("search_title_fts", "title_folded"),
                ("search_fts", "title_folded summary_folded body_folded"),
            ):
                expr = f"{{{columns}}} : ({phrase})" + (f" AND {facet_clause}" if facet_clause else "")
                where, params = self._without_expired(f"{table} MATCH %s", "rowid", [expr])
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT 1 FROM {table} WHERE {where} LIMIT 1", params)
                    if cursor.fetchone() is not None:
                        return True
            return False
        # PostgreSQL: one GIN match on the narrow table, positions checked on the few titles
        # holding every word.
        phrase = " <-> ".join(words)
        where, params = "title_vector @@ to_tsquery('simple', %s)", [phrase]
        if facet_query := _facet_tsquery(filters):
            where, params = f"{where} AND facet_vector @@ %s::tsquery", [*params, facet_query]
        where, params = self._without_expired(where, "page_id", params)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM search_vector WHERE {where} LIMIT 1", params)
            if cursor.fetchone() is not None:
                return True
        # `match_vector` has no positions: the most recent documents with every word, found by
        # the same plans as a search's (common words that seldom meet, "xay dung nong thon moi",
        # would make a plain GIN bitmap read 23,000 rows), then their positioned `doc_vector`s.
        ids = self._recent(parse_query(" ".join(words)), filters, self.PHRASE_SAMPLE)
        if not ids:
            return False
        sql = "SELECT 1 FROM search_vector WHERE page_id = ANY(%s) AND doc_vector @@ to_tsquery('simple', %s) LIMIT 1"
        with connection.cursor() as cursor:
            cursor.execute(sql, [ids, phrase])
            return cursor.fetchone() is not None

    def count(self, query: ParsedQuery, filters: dict[str, list[str]]) -> int:
        return self._count(query, filters)[0]

    def suggest(self, query: ParsedQuery, limit: int = 8) -> list[int]:
        """Exemplars and campaigns whose title matches, the last word as a prefix."""
        return self._ranked_titles(query, {"type": ["exemplar", "campaign"]}, limit, prefix_last=True)

    def vocabulary(self) -> list[str]:
        """Folded words of every indexed title (for "did you mean")."""
        if self.vendor == "sqlite":
            sql = "SELECT DISTINCT term FROM search_title_vocab WHERE col = 'title_folded'"
        else:
            sql = "SELECT word FROM ts_stat('SELECT title_vector FROM search_vector')"
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return [row[0] for row in cursor.fetchall() if row[0].isascii() and row[0].isalpha()]
