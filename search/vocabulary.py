"""The index's vocabulary: folded words with their document frequency, kept with the documents,
and what is built from it — completions of a word being typed and spelling corrections.

Why a table of our own (`SearchTerm`) rather than asking the full-text index each time: SQLite's
fts5vocab counts a term's documents by reading its whole doclist (tens of milliseconds for a
common word at 100,000 documents) and PostgreSQL's `ts_stat` reads every vector; a B-tree of a
few thousand words answers "words starting with 'hu'" or "words of 4–6 letters starting with
'n'" in well under a millisecond.

Corrections are proposed only towards words that exist in public content, one word at a time:
a word of the query that the index holds is never changed (so "thu nghiem" stays "thu nghiem",
not an edit towards another word), an unknown one is replaced by the known words at 1 edit (2
for words of 5 letters or more; an edit is an insertion, deletion, substitution or swap of two
neighbouring letters, on the folded form) with the same first letter, most frequent first. The
caller checks that the corrected query finds pages before offering it.
"""

from __future__ import annotations

import itertools
import json
import re

from django.db import connection, transaction

from core.http_cache import memo_for_generation

from .models import SearchTerm
from .text import ParsedQuery, folded_words

MAX_TERM = 64
_WORD = re.compile(r"^[a-z0-9]+$")  # letters and digits (migration 0011)
# completions of a prefix handed to a database as whole words (see `completions`)
MAX_COMPLETIONS = 64


def document_terms(*texts: str) -> set[str]:
    """The distinct vocabulary words of a document's texts (already folded or not)."""
    return {w for text in texts for w in folded_words(text) if len(w) <= MAX_TERM and _WORD.match(w)}


def apply(added: set[str], removed: set[str]) -> None:
    """Count one more document for every word of `added`, one fewer for `removed`."""
    if not added and not removed:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        if added:
            if connection.vendor == "postgresql":
                sql = (
                    "INSERT INTO search_searchterm (term, df) SELECT unnest(%s::text[]), 1 "
                    "ON CONFLICT (term) DO UPDATE SET df = search_searchterm.df + 1"
                )
                cursor.execute(sql, [sorted(added)])
            else:
                sql = (
                    "INSERT INTO search_searchterm (term, df) SELECT value, 1 FROM json_each(%s) WHERE true "
                    "ON CONFLICT (term) DO UPDATE SET df = df + 1"
                )
                cursor.execute(sql, [_json(sorted(added))])
        if removed:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "UPDATE search_searchterm SET df = df - 1 WHERE term = ANY(%s) AND df > 0", [sorted(removed)]
                )
                cursor.execute("DELETE FROM search_searchterm WHERE term = ANY(%s) AND df = 0", [sorted(removed)])
            else:
                members = [_json(sorted(removed))]
                cursor.execute(
                    "UPDATE search_searchterm SET df = df - 1 WHERE term IN (SELECT value FROM json_each(%s)) AND df > 0",
                    members,
                )
                cursor.execute(
                    "DELETE FROM search_searchterm WHERE term IN (SELECT value FROM json_each(%s)) AND df = 0", members
                )


def _json(values) -> str:
    return json.dumps(values)


def rebuild() -> int:
    """Count every word again from the full-text index (see migration 0011); returns the words."""
    from importlib import import_module

    fill = import_module("search.migrations.0011_terms_with_digits")
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(fill.SQLITE_VOCAB)
        cursor.execute("DELETE FROM search_searchterm")
        cursor.execute(fill.FILL[connection.vendor])
    return SearchTerm.objects.count()


# --------------------------------------------------------------------------------------------
# Reading it
# --------------------------------------------------------------------------------------------


def frequencies(terms) -> dict[str, int]:
    """Document frequency of each of `terms` the index holds."""
    terms = sorted(set(terms))
    if not terms:
        return {}
    return dict(SearchTerm.objects.filter(term__in=terms).values_list("term", "df"))


def completions(prefix: str, limit: int = MAX_COMPLETIONS) -> tuple[list[str], int, bool]:
    """(the most frequent words starting with `prefix`, at most `limit`; the sum of their document
    frequencies, all of them counted; whether every completion is in the list). Remembered in
    this process for the content generation (`core.http_cache.memo_for_generation`): the words
    change only with the documents, and every document change moves the generation on."""

    def read():
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = list(
            SearchTerm.objects.filter(term__gte=prefix, term__lt=upper)
            .order_by("-df", "term")
            .values_list("term", "df")
        )
        return tuple(t for t, _ in rows[: max(limit, 0)]), sum(df for _, df in rows), len(rows) <= limit

    words, total, complete = memo_for_generation(("search:completions", prefix, limit), read)
    return list(words), total, complete


def settle_last_word(query: ParsedQuery) -> ParsedQuery:
    """`query` with its last word matched whole, not as a prefix, when the only indexed word it
    begins is itself ("nguyen van hung": every word beginning with "hung" is "hung"). The
    matches are the same; the ranking's whole-word keys and the prefix's own work are saved."""
    prefix = query.prefix
    if prefix:
        words, _, complete = completions(prefix)
        if complete and words == [prefix]:
            query.prefix_last = False
    return query


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), or limit + 1 when it
    is over `limit` (rows are abandoned as soon as every cell exceeds it)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1] if prev[-1] <= limit else limit + 1


def max_edits(word: str) -> int:
    return 1 if len(word) <= 4 else 2


def candidates(word: str, limit: int = 3) -> list[tuple[str, int, int]]:
    """Known words near `word`: [(word, edits, document frequency)], nearest then most frequent.

    Read from the words of the same first letter and a length within the edits allowed (a
    B-tree range of a few hundred rows at most); if none is near, from the words sharing the
    second and third letters (a typo in the first letter)."""
    edits = max_edits(word)
    lengths = (max(1, len(word) - edits), len(word) + edits)
    found = _near(word, edits, SearchTerm.objects.filter(term__startswith=word[0]), lengths)
    if not found and len(word) >= 4:
        found = _near(word, edits, SearchTerm.objects.filter(term__regex=f"^.{re.escape(word[1:3])}"), lengths)
    # nearest first; at the same distance two swapped letters ("cogn" → "cong", the commonest
    # slip on a phone keyboard) before a dropped or added one ("cogn" → "con"); then frequency
    anagram = sorted(word)
    found.sort(key=lambda c: (c[1], sorted(c[0]) != anagram, -c[2], c[0]))
    return found[:limit]


def _near(word, edits, queryset, lengths) -> list[tuple[str, int, int]]:
    from django.db.models.functions import Length

    rows = queryset.annotate(n=Length("term")).filter(n__gte=lengths[0], n__lte=lengths[1]).values_list("term", "df")
    out = []
    for term, df in rows:
        if not term.isalpha():  # corrections are words of letters ("f0" is no slip of "fo")
            continue
        if term != word and (d := edit_distance(word, term, edits)) <= edits:
            out.append((term, d, df))
    return out


def corrections(query: ParsedQuery, prefix_last: bool, tries: int = 4) -> list[list[str]]:
    """Corrected folded term lists for `query`, best first (at most `tries`), or [] when every
    word is known. A word the index holds is kept as it is; so is a last word being typed that
    is the beginning of a known word. Remembered for the content generation, like `completions`."""
    terms = tuple(query.folded_terms)
    found = memo_for_generation(
        ("search:corrections", terms, prefix_last, tries),
        lambda: tuple(map(tuple, _corrections(terms, prefix_last, tries))),
    )
    return [list(combo) for combo in found]


def _corrections(terms: tuple[str, ...], prefix_last: bool, tries: int) -> list[list[str]]:
    known = frequencies(terms)
    options: list[list[tuple[str, int, int]]] = []
    changed = False
    for i, term in enumerate(terms):
        last = i == len(terms) - 1
        if term in known or term.isdigit() or not term.isalpha():
            options.append([(term, 0, known.get(term, 0))])
            continue
        if last and prefix_last and len(term) >= 2 and completions(term, 1)[0]:
            options.append([(term, 0, 0)])
            continue
        near = candidates(term)
        if not near:
            options.append([(term, 0, 0)])
            continue
        options.append(near)
        changed = True
    if not changed:
        return []
    # `options` are each in preference order: the product in order of total edits keeps it
    combos = sorted(
        itertools.product(*options),
        key=lambda combo: sum(c[1] for c in combo),
    )
    return [[c[0] for c in combo] for combo in combos[:tries]]
