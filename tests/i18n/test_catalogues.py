"""The project's Vietnamese catalogues are complete, faithful to their msgids and compiled.

site/locale/vi overrides Wagtail's own (mostly empty) Vietnamese catalogues through LOCALE_PATHS,
so a missing or broken entry here shows English, or crashes a page, in the admin.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest

from django.conf import settings

import wagtail

LOCALE_DIR = Path(settings.BASE_DIR) / "site" / "locale" / "vi" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
WAGTAIL_DIR = Path(wagtail.__file__).parent
# The Wagtail apps whose admin strings the project catalogues must cover ("" is wagtail core).
WAGTAIL_APPS = [
    "admin", "", "images", "documents", "snippets", "users", "sites", "embeds", "search", "locales",
    "contrib/forms", "contrib/redirects", "contrib/settings", "contrib/search_promotions",
    "contrib/simple_translation", "contrib/table_block", "contrib/typed_table_block",
]  # fmt: skip

# %(name)s, %s, %d, {name}; "%%" is a literal percent sign, not a placeholder.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def catalogue(domain: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / f"{domain}.po"))


def translation(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_declares_vietnamese_plural_rule(domain):
    po = catalogue(domain)
    assert po.metadata["Language"] == "vi"
    assert po.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_is_translated_and_none_is_fuzzy(domain):
    po = catalogue(domain)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert all(translation(e).strip() for e in po if not e.obsolete)


def test_placeholders_and_markup_match_the_msgid():
    problems = []
    for domain in DOMAINS:
        for entry in catalogue(domain):
            text = translation(entry)
            found = Counter(PLACEHOLDER.findall(text))
            if entry.msgid_plural:
                # One Vietnamese form serves every count, so it follows the plural msgid; it may
                # only use names that either English form offers.
                wanted = set(PLACEHOLDER.findall(entry.msgid_plural))
                offered = wanted | set(PLACEHOLDER.findall(entry.msgid))
                ok = wanted <= set(found) and set(found) <= offered
            else:
                ok = found == Counter(PLACEHOLDER.findall(entry.msgid))
            if not ok:
                problems.append((entry.msgid, text))
            source = entry.msgid_plural or entry.msgid
            if Counter(TAG.findall(source)) != Counter(TAG.findall(text)):
                problems.append((entry.msgid, text))
    assert problems == []


def test_trailing_punctuation_that_templates_rely_on_is_kept():
    problems = []
    for domain in DOMAINS:
        for entry in catalogue(domain):
            text = translation(entry)
            for ending in (":", ": ", "…", "...", " "):
                if entry.msgid.endswith(ending) and not text.endswith(ending):
                    problems.append((entry.msgid, text))
    assert problems == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_wagtail_admin_message_is_covered(domain):
    """After a Wagtail upgrade this lists the new strings still to translate."""
    ours = {(e.msgctxt, e.msgid) for e in catalogue(domain)}
    missing = []
    for app in WAGTAIL_APPS:
        english = WAGTAIL_DIR / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if english.exists():
            missing += [e.msgid for e in polib.pofile(str(english)) if (e.msgctxt, e.msgid) not in ours]
    assert missing == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_mo_matches_po(domain):
    """The committed .mo (what Django actually reads) holds exactly the .po's translations."""
    po = catalogue(domain)
    mo = polib.mofile(str(LOCALE_DIR / f"{domain}.mo"))

    def messages(entries):
        return {
            (e.msgctxt, e.msgid): (translation(e), e.msgid_plural or None)
            for e in entries
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    assert messages(mo) == messages(po)
