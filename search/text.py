"""Text handling shared by indexing and querying: one folding, one tokeniser, one highlighter.

Documents and queries go through the same `fold()` (anyascii, lower case: "Đảo" → "dao",
"Nguyễn" → "nguyen"), so that what is typed without accents, with wrong accents or with full
accents lands on the same folded tokens. Queries are tokenised here, never handed to a
database's query parser: every token is a run of letters and digits, so FTS syntax (`"`, `*`,
`NEAR`, `:`, `-`, parentheses) cannot reach SQLite, PostgreSQL or Elasticsearch as syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape  # what django.utils.html.escape calls, without its lazy-string wrapper
from itertools import islice

from core.text import fold as _fold_words

MAX_QUERY_CHARS = 200
MAX_TOKENS = 12
WORD_RE = re.compile(r"[^\W_]+")
ASCII_WORD_RE = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """NFC, so that decomposed input (some phone keyboards) matches precomposed text."""
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lower case, no accents, đ → d, words separated by single spaces."""
    return _fold_words(normalise(text))


def folded_words(text: str) -> list[str]:
    return ASCII_WORD_RE.findall(fold(text))


@dataclass
class Token:
    """One query word: as typed (lower case, NFC) and folded (one or more ASCII parts)."""

    exact: str
    folded: list[str]

    @property
    def is_accented(self) -> bool:
        return [self.exact] != self.folded

    @property
    def folded_text(self) -> str:
        return " ".join(self.folded)


@dataclass
class ParsedQuery:
    raw: str
    tokens: list[Token] = field(default_factory=list)
    # As you type: the last word also matches as the beginning of a word ("nguyen van hu" finds
    # "Nguyễn Văn Hùng"); whole-word matches rank above prefix-only ones. Set by `as_you_type`.
    prefix_last: bool = False

    @property
    def prefix(self) -> str | None:
        """The folded last word when it is matched as a prefix, else None."""
        return self.tokens[-1].folded[-1] if self.prefix_last and self.tokens else None

    @property
    def is_accented(self) -> bool:
        return any(token.is_accented for token in self.tokens)

    @property
    def folded_terms(self) -> list[str]:
        return [part for token in self.tokens for part in token.folded]

    @property
    def folded_text(self) -> str:
        return " ".join(self.folded_terms)


class QueryError(ValueError):
    """A query that cannot be searched; `detail` is Vietnamese for the person who typed it."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def parse_query(raw: str | None, *, max_chars: int = MAX_QUERY_CHARS) -> ParsedQuery:
    text = normalise(raw or "").strip()
    if len(text) > max_chars:
        raise QueryError(f"Từ khóa quá dài: tối đa {max_chars} ký tự.")
    tokens: list[Token] = []
    for word in WORD_RE.findall(text.lower()):
        parts = folded_words(word)
        if parts:
            tokens.append(Token(exact=word, folded=parts))
    if not tokens:
        if text:
            raise QueryError("Từ khóa cần có ít nhất một chữ cái hoặc chữ số.")
        raise QueryError("Hãy nhập từ khóa cần tìm.")
    return ParsedQuery(raw=text, tokens=tokens[:MAX_TOKENS])


MIN_PREFIX = 2


def as_you_type(query: ParsedQuery) -> ParsedQuery:
    """`query` with its last word matched as a prefix too, when that word has at least
    MIN_PREFIX letters (one letter would match a third of all words)."""
    last = query.tokens[-1].folded[-1]
    query.prefix_last = len(last) >= MIN_PREFIX
    return query


def facet_token(name: str, value: str) -> str:
    """One facet key as one FTS word: "f" + name without "_" + "x" + the value's UTF-8 in hex.

    ("kind", "collective") → "fkindx636f6c6c6563746976" — letters and digits only, so every
    tokenizer keeps it whole, and unambiguous because no facet name contains an "x".
    """
    return f"f{name.replace('_', '')}x{value.encode().hex()}"


_FACET_NAMES = {
    "type": "type",
    "kind": "kind",
    "field": "field",
    "place": "place",
    "campaign": "campaign",
    "awardtype": "award_type",
    "year": "year",
}


@lru_cache(maxsize=16384)
def parse_facet_token(token: str) -> tuple[str, str]:
    """The inverse of `facet_token`: "fkindx636f…" → ("kind", "collective")."""
    name, _, hexvalue = token[1:].partition("x")
    return _FACET_NAMES.get(name, name), bytes.fromhex(hexvalue).decode()


# --------------------------------------------------------------------------------------------
# FTS5 query strings (SQLite). Tokens contain only letters and digits; quoting them anyway
# makes "near", "and", "or", "not" plain words.
# --------------------------------------------------------------------------------------------


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_filters(filters: dict[str, list[str]]) -> str:
    """The filters as an FTS5 expression over the `facet_tokens` column ("" without filters):
    one OR group per facet, the groups AND-ed."""
    groups = []
    for name, values in sorted(filters.items()):
        if values:
            words = " OR ".join(_quote(facet_token(name, value)) for value in values)
            groups.append(f"{{facet_tokens}} : ({words})")
    return " AND ".join(groups)


def fts5_exact(query: ParsedQuery, exact_columns: str, *, prefix_last: bool = False) -> str:
    """Every accented word of the query, as typed, in `exact_columns` ("" if none is accented);
    with `prefix_last`, the last one as a prefix."""
    last = len(query.tokens) - 1
    groups = [
        f"{{{exact_columns}}} : ({_quote(t.exact)}{'*' if prefix_last and i == last else ''})"
        for i, t in enumerate(query.tokens)
        if t.is_accented
    ]
    return " AND ".join(groups)


def fts5_query(
    query: ParsedQuery,
    exact_columns: str,
    folded_columns: str,
    *,
    prefix_last: bool = False,
    filters: dict[str, list[str]] | None = None,
    completions: list[str] | None = None,
) -> str:
    """The query as an FTS5 expression: every word, folded (or as typed, in `exact_columns`).
    With `prefix_last` the last word is a prefix: `"hu"*` (one doclist when the table keeps a
    prefix index of that length), or — given `completions`, the known words it begins —
    `("huynh" OR "huynhs" …)`, which FTS5 reads lazily, newest first, where a prefix query
    without a prefix index first merges every matching word's doclist."""
    groups = []
    last = len(query.tokens) - 1
    for i, token in enumerate(query.tokens):
        star = "*" if prefix_last and i == last else ""
        if star and completions is not None and len(token.folded) == 1:
            words = [token.folded[0], *(w for w in completions if w != token.folded[0])]
            groups.append(f"{{{folded_columns}}} : ({' OR '.join(_quote(w) for w in words)})")
            continue
        folded = " + ".join(_quote(part) for part in token.folded) + star
        clause = f"{{{folded_columns}}} : ({folded})"
        if token.is_accented and exact_columns:
            clause = f"({{{exact_columns}}} : ({_quote(token.exact)}{star}) OR {clause})"
        groups.append(clause)
    if filters and (facet_clause := fts5_filters(filters)):
        groups.append(facet_clause)
    return " AND ".join(groups)


# --------------------------------------------------------------------------------------------
# Snippets: HTML-escaped text with the matched words wrapped in <mark>.
# --------------------------------------------------------------------------------------------

SNIPPET_WORDS = 30


def _letter_classes() -> dict[str, str]:
    """For each ASCII letter, a regex class of every letter that folds to it ("d": dDđĐ,
    "o": oOòóỏõọôồ…ơờ…), so that a folded word can be found in text that keeps its accents."""
    letters: dict[str, set[str]] = {c: {c, c.upper()} for c in "abcdefghijklmnopqrstuvwxyz"}
    letters["d"] |= {"đ", "Đ"}
    for code in range(0x00C0, 0x1F00):
        base = unicodedata.normalize("NFD", chr(code))[0].lower()
        if base in letters:
            letters[base].add(chr(code))
    return {c: "[" + "".join(sorted(chars)) + "]" for c, chars in letters.items()}


_LETTER_CLASSES = _letter_classes()
SNIPPET_LOOKBACK_CHARS = 400


@lru_cache(maxsize=1024)
def _match_pattern(terms: tuple[str, ...], prefix: str | None) -> re.Pattern | None:
    alternatives = [_accentless(t) for t in sorted(terms, key=len, reverse=True)]
    if prefix:
        alternatives.insert(0, _accentless(prefix) + r"[^\W_]*")
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


def _accentless(term: str) -> str:
    return "".join(_LETTER_CLASSES.get(ch, re.escape(ch)) for ch in term)


@lru_cache(maxsize=1024)
def _phrase_pattern(terms: tuple[str, ...], prefix_last: bool) -> re.Pattern | None:
    """The query's words in their order, one after the other (anything but letters and digits
    between them), accent-blind like `_match_pattern`; None for a one-word query. It begins
    with a letter class, not a look-behind, so that the regex engine skips ahead to candidate
    letters (a fourth of the time on a text without the phrase): `_find_phrase` checks that the
    match begins a word."""
    if len(terms) < 2:
        return None
    parts = [_accentless(term) + r"(?![^\W_])" for term in terms]
    if prefix_last:
        parts[-1] = _accentless(terms[-1]) + r"[^\W_]*"
    return re.compile(r"[\W_]+".join(parts))


def _find_phrase(pattern: re.Pattern, text: str) -> re.Match | None:
    found = pattern.search(text)
    while found and found.start() and (text[found.start() - 1].isalnum()):
        found = pattern.search(text, found.start() + 1)
    return found


def highlight(text: str, query: ParsedQuery, *, max_words: int = SNIPPET_WORDS, prefix_last: bool = False) -> str:
    """A window of `text` around the query's words, escaped, with matches in <mark>.

    The window starts at the first place where the words stand together as typed ("dan van
    kheo" → "Dân vận khéo"), else at the first matched word. Matching is by folded word, so
    "nguyen" marks "Nguyễn"; the text shown keeps its accents. Regular expressions
    (`_match_pattern`: each letter as the class of letters that fold to it) find the window and
    mark it, so no word of the text is folded.
    """
    text = normalise(text)
    last = query.tokens[-1].folded[-1] if (prefix_last and query.tokens) else None
    pattern = _match_pattern(tuple(sorted(set(query.folded_terms))), last)
    phrase = _phrase_pattern(tuple(query.folded_terms), bool(last))
    found = (_find_phrase(phrase, text) if phrase else None) or (pattern.search(text) if pattern else None)
    anchor = found.start() if found else 0
    # Read words only from a little before the anchor, up to the window shown (plus one, to
    # know whether text follows), not the whole text; the regex engine collects them.
    base = 0
    if anchor > SNIPPET_LOOKBACK_CHARS:
        base = text.find(" ", anchor - SNIPPET_LOOKBACK_CHARS) + 1 or 0
    lead = max_words // 3
    before = list(WORD_RE.finditer(text, base, anchor))
    cut_before = base > 0 or len(before) > lead
    before = before[max(0, len(before) - lead) :] if lead else []
    after = list(islice(WORD_RE.finditer(text, anchor), max_words - len(before) + 1))
    words = before + after
    if not words:
        return ""
    cut_after = len(words) > max_words
    words = words[:max_words]
    start = words[0].start() if cut_before else 0
    end = words[-1].end() if cut_after else len(text)
    # Escape the text between marked words in one piece (escaping word by word dominated the
    # cost of a results page).
    out, pos = [], start
    for m in pattern.finditer(text, words[0].start(), words[-1].end()) if pattern else ():
        out.append(escape(text[pos : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        pos = m.end()
    out.append(escape(text[pos:end]))
    snippet = "".join(out).strip()
    if cut_before:
        snippet = "… " + snippet
    if cut_after:
        snippet += " …"
    return snippet
