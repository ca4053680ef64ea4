"""Vietnamese text helpers shared by every app: accent folding and alphabetical order.

The bottom of the house: imports nothing of the project. Search, browse facets, the importer,
radio and the demo all fold and sort Vietnamese the same way because they call these.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii


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
