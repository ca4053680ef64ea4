"""Vietnamese text helpers shared by every app: accent folding and alphabetical order.

The bottom of the house: imports nothing of the project. Search, browse facets, the importer,
radio and the demo all fold and sort Vietnamese the same way because they call these, and every
page slug, however the page was made, comes from `slugify_vi`.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from anyascii import anyascii

from django.utils.text import slugify


def fold(text: str) -> str:
    """Fold Vietnamese text for matching: lower case, no accents, đ → d ("Đảo" → "dao")."""
    return " ".join(anyascii(text or "").lower().split())


# Vietnamese alphabetical order (as in dictionaries and CLDR's "vi" collation): letters with a
# breve, circumflex or horn and đ are letters of their own, after their base letter; tone marks
# only break ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng. Done in Python because the
# databases we run on (SQLite, PostgreSQL with the default "C"/"en_US" collation) sort bytes or
# English, where "Đ" comes after "Z" and "Â" after "A…Z".
_VI_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# After NFD, ă â ê ô ơ ư are a base letter followed by a breve, circumflex or horn.
_VI_MARKED = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
_VI_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vi_sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese text in Vietnamese alphabetical order, case-insensitively.

    `sorted(titles, key=vi_sort_key)` gives "An, Ăn, Ân, Bình, Dũng, Đức, Em, Ê…". Characters
    outside the alphabet (spaces, digits, punctuation) sort by code point before the letters.
    """
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    previous = ""
    for char in unicodedata.normalize("NFD", (text or "").lower()):
        if char in _VI_TONES:
            # A tone may come before the letter's own mark: NFD puts the dot below (ặ, ậ, ợ) first.
            if tones:
                tones[-1] = _VI_TONES[char]
            continue
        if previous + char in _VI_MARKED:
            letters[-1] = (1, _VI_LETTERS.index(_VI_MARKED[previous + char]))
        elif not unicodedata.combining(char):
            letters.append((1, _VI_LETTERS.index(char)) if char in _VI_LETTERS else (0, ord(char)))
            tones.append(0)
            previous = char
            continue
        previous = ""
    return (tuple(letters), tuple(tones), text or "")


# Slugs --------------------------------------------------------------------------------------

#: Wagtail's Page.slug column.
SLUG_MAX_LENGTH = 255


def slugify_vi(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """The URL slug for a title, for every page however it is made (admin, import, nomination, demo).

    ASCII, transliterated with anyascii, as Vietnamese news sites write them: "Đảo Lý Sơn – Hội Phụ
    nữ" → "dao-ly-son-hoi-phu-nu". Unlike Django's `slugify`, which decomposes and drops what is
    not ASCII (Đ has no decomposition, so "Đảo" became "ao"), no letter is lost. A slug longer than
    `max_length` is cut at the last hyphen that fits. "" when nothing is left (callers choose a
    fallback).
    """
    slug = slugify(anyascii(text or ""))
    if len(slug) > max_length:
        head = slug[: max_length + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:max_length]
    return slug.strip("-_")


def slug_transliterations() -> list[tuple[str, str]]:
    """`slugify_vi`'s letter table as (regex, replacement) pairs for the admin's slug widget.

    Wagtail's editor fills the slug from the title in the browser (its `w-slug` controller); with
    Unicode slugs off it drops every letter its own tables lack, and they have no Vietnamese
    ("Đảo Lý Sơn" → "djo-ly-sn"). The widget applies these pairs first, so the browser turns
    letters into ASCII exactly as anyascii does here. Covers the Latin letters with marks
    (Latin-1 Supplement, Extended-A and -B, Extended Additional — all of Vietnamese) and strips
    combining marks, for titles typed decomposed (NFD).
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for start, end in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for code in range(start, end + 1):
            char = chr(code)
            if not unicodedata.category(char).startswith("L"):
                continue
            ascii_form = anyascii(char)
            if ascii_form != char and ascii_form.isascii() and ascii_form.isalnum():
                groups[ascii_form].append(char)
    pairs = [(f"[{''.join(chars)}]", replacement) for replacement, chars in sorted(groups.items())]
    pairs.append(("[\\u0300-\\u036f]", ""))  # combining marks (NFD input): o + ◌̛ + ◌̀ → o
    return pairs
