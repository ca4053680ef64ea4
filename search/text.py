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

from django.utils.html import escape

from exemplars.models import fold as _fold_words

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


# --------------------------------------------------------------------------------------------
# FTS5 query strings (SQLite). Tokens contain only letters and digits; quoting them anyway
# makes "near", "and", "or", "not" plain words.
# --------------------------------------------------------------------------------------------


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_query(query: ParsedQuery, exact_columns: str, folded_columns: str, *, prefix_last: bool = False) -> str:
    groups = []
    for i, token in enumerate(query.tokens):
        star = "*" if prefix_last and i == len(query.tokens) - 1 else ""
        folded = " + ".join(_quote(part) for part in token.folded) + star
        clause = f"{{{folded_columns}}} : ({folded})"
        if token.is_accented and exact_columns:
            clause = f"({{{exact_columns}}} : ({_quote(token.exact)}{star}) OR {clause})"
        groups.append(clause)
    return " AND ".join(groups)


# --------------------------------------------------------------------------------------------
# Snippets: HTML-escaped text with the matched words wrapped in <mark>.
# --------------------------------------------------------------------------------------------

SNIPPET_WORDS = 30


def highlight(text: str, query: ParsedQuery, *, max_words: int = SNIPPET_WORDS, prefix_last: bool = False) -> str:
    """A window of `text` around the first matched word, escaped, with matches in <mark>.

    Matching is by folded word, so "nguyen" marks "Nguyễn"; the text shown keeps its accents.
    """
    text = normalise(text)
    terms = set(query.folded_terms)
    last = query.tokens[-1].folded[-1] if (prefix_last and query.tokens) else None
    words = list(WORD_RE.finditer(text))
    if not words:
        return ""

    def matches(word: str) -> bool:
        folded = fold(word)
        return folded in terms or (last is not None and folded.startswith(last))

    hits = [i for i, m in enumerate(words) if matches(m.group())]
    first = hits[0] if hits else 0
    start_word = max(0, first - max_words // 3)
    end_word = min(len(words), start_word + max_words)
    start = words[start_word].start() if start_word else 0
    end = words[end_word - 1].end() if end_word < len(words) else len(text)
    out, pos = [], start
    hit_set = set(hits)
    for i in range(start_word, end_word):
        m = words[i]
        out.append(escape(text[pos : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>" if i in hit_set else escape(m.group()))
        pos = m.end()
    out.append(escape(text[pos:end]))
    snippet = "".join(out).strip()
    if start_word > 0:
        snippet = "… " + snippet
    if end_word < len(words):
        snippet += " …"
    return snippet
