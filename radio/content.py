"""What radio reads from the content apps: a page's text for air, and whether it is still public.

Public is what `core.visibility.public_pages()` says for each model — live, unrestricted, not
past its expiry time, and the model's own rule: consent for exemplars, and for stories no link
to a person who withdrew consent (`StoryPage.visibility_q`), the same on air as on the web.

A listener hears an item once, without the page in front of them, so the text for air differs
from the page in three ways: a radio version written for the ear (`radio_text` on the page) is
read instead of the printed summary and story; an exemplar item opens by naming its subject
(the page title is a heading, never read); and no sentence is read twice, however the summary,
the story and the quotes overlap.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Page

from campaigns.models import StoryPage
from core.text import fold
from core.visibility import public_pages
from exemplars.models import ExemplarPage, SubjectKind

# A sentence shorter than this (in words) is never dropped as a repeat: "Xin cảm ơn." may recur.
MIN_REPEAT_WORDS = 4
# Age from which an individual is "ông"/"bà" on air rather than "anh"/"chị".
ELDER_AGE = 50
HONORIFICS = ("ông", "bà", "anh", "chị", "cô", "chú", "thầy", "cụ", "em", "đồng chí", "bác", "dì")

# A sentence ends at . ! ? … (and any closing quote or bracket after it) followed by a space, except
# after a short capitalised abbreviation ("TP. Quảng Ngãi", "H. Lý Sơn"), which is not an ending.
_BOUNDARY = re.compile(r"(?<=[.!?…])[”\"’)]*\s+")
_ABBREVIATION_END = re.compile(r"(?:^|\s)[A-ZĐ][A-Za-zĐđ]{0,2}\.$")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_QUOTE_MARKS = "“”\"'‘’ "


def _plain(html: str) -> str:
    from html import unescape

    text = strip_tags((html or "").replace("</p>", "</p>\n\n").replace("<br/>", "\n").replace("<br>", "\n"))
    return "\n\n".join(" ".join(part.split()) for part in unescape(text).split("\n\n") if part.strip())


def _body_parts(body) -> list[tuple[str, str]]:
    """The readable blocks of a StreamField body as (text, speaker) pairs; speaker only for quotes."""
    parts: list[tuple[str, str]] = []
    for block in body or []:
        if block.block_type == "paragraph":
            parts += [(paragraph, "") for paragraph in _plain(block.value.source).split("\n\n") if paragraph]
        elif block.block_type == "quote":
            text = " ".join((block.value.get("text") or "").split())
            if text:
                parts.append((text, (block.value.get("speaker") or "").strip()))
    return parts


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping each sentence's own punctuation."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.start()]
        if _ABBREVIATION_END.search(candidate):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def sentence_key(sentence: str) -> str:
    """Two sentences are the same on air when they fold to the same words (case, accents and
    punctuation aside)."""
    return " ".join(_NOT_WORD.sub(" ", fold(sentence)).split())


def unique_paragraphs(parts: list[tuple[str, str]]) -> list[str]:
    """Paragraphs for air with every sentence already read dropped; a quote whose words were all
    read already is dropped whole. Quotes are read the way a presenter introduces them."""
    seen: set[str] = set()
    paragraphs: list[str] = []
    for text, speaker in parts:
        kept = []
        for sentence in sentences(text):
            key = sentence_key(sentence)
            if len(key.split()) >= MIN_REPEAT_WORDS and key in seen:
                continue
            seen.add(key)
            kept.append(sentence)
        if not kept:
            continue
        joined = " ".join(kept)
        if speaker:
            quoted = joined.strip(_QUOTE_MARKS)
            joined = f"{speaker} chia sẻ: “{quoted}”"
        paragraphs.append(joined)
    return paragraphs


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _starts_with(text: str, words) -> bool:
    folded = fold(text)
    return any(folded == fold(w) or folded.startswith(fold(w) + " ") for w in words)


def _place_phrase(page: ExemplarPage) -> str:
    """ " ở thôn Tây An Vĩnh", unless the title already names the place."""
    place = page.place
    if place is None or f" {sentence_key(place.name)} " in f" {sentence_key(page.title)} ":
        return ""
    return f" ở {_lower_first(place.full_name)}"


def _honorific(page: ExemplarPage) -> str:
    """How the presenter addresses an individual: ông, bà, anh or chị, from the gender and birth
    year the person consented to publish; none when consent does not cover them."""
    if not (page.gender and page.birth_year and page.show_birth_year):
        return ""
    elder = timezone.localdate().year - page.birth_year >= ELDER_AGE
    if page.gender == "male":
        return "ông" if elder else "anh"
    return "bà" if elder else "chị"


def subject_name(page: ExemplarPage) -> str:
    """The subject as the presenter names it: "ông Võ Văn Biển", "hộ ông Võ Văn Lưới",
    "mô hình “Nuôi heo đất, gửi yêu thương”", "Tổ đoàn kết khai thác hải sản…"."""
    title = " ".join(page.title.split())
    if page.kind == SubjectKind.INDIVIDUAL:
        if _starts_with(title, HONORIFICS):
            return _lower_first(title)
        honorific = _honorific(page)
        return f"{honorific} {title}" if honorific else title
    if page.kind == SubjectKind.HOUSEHOLD:
        return _lower_first(title) if _starts_with(title, ("hộ", "gia đình")) else f"gia đình {title}"
    if page.kind == SubjectKind.MODEL:
        return _lower_first(title) if _starts_with(title, ("mô hình",)) else f"mô hình {title}"
    return title


def lead_in(page: ExemplarPage) -> str:
    """The sentence that opens an exemplar item, naming its subject as a radio editor would."""
    name = subject_name(page)
    place = _place_phrase(page)
    if page.kind == SubjectKind.INDIVIDUAL:
        occupation = f", {_lower_first(page.occupation.strip())}" if page.occupation.strip() else ""
        return f"Mời quý vị cùng làm quen với tấm gương {name}{occupation}{place}."
    if page.kind == SubjectKind.HOUSEHOLD:
        return f"Tấm gương gia đình mà chuyên mục giới thiệu hôm nay là {name}{place}."
    if page.kind == SubjectKind.MODEL:
        return f"Mời quý vị cùng tìm hiểu {name}{place}, một cách làm hay có thể học tập và nhân rộng."
    return f"Mời quý vị cùng tìm hiểu về tập thể {name}{place}."


def _name_core(page: ExemplarPage) -> str:
    """The folded words that identify the subject inside a sentence (title without "Mô hình",
    "Hộ" or an honorific)."""
    core = sentence_key(page.title)
    prefixes = {SubjectKind.MODEL: ("mo hinh",), SubjectKind.HOUSEHOLD: ("ho", "gia dinh")}.get(page.kind, ())
    for words in (prefixes, tuple(fold(h) for h in HONORIFICS)):
        for word in words:
            if core.startswith(word + " "):
                core = core[len(word) + 1 :]
                break
    return core


def names_subject(page: ExemplarPage, text: str) -> bool:
    """Whether the first sentence of `text` already names the exemplar."""
    first = sentences(text.strip().split("\n\n")[0])[:1]
    return bool(first) and f" {_name_core(page)} " in f" {sentence_key(first[0])} "


def _source_parts(page: Page) -> list[tuple[str, str]]:
    if isinstance(page, StoryPage):
        if page.radio_text.strip():
            return [(p, "") for p in _paragraphs(page.radio_text)]
        return [(page.lead.strip(), ""), *_body_parts(page.body)]
    if isinstance(page, ExemplarPage):
        if page.show_story and page.radio_text.strip():
            return [(p, "") for p in _paragraphs(page.radio_text)]
        parts = [(page.summary.strip(), "")]
        if page.show_story:
            parts += _body_parts(page.body)
        return parts
    return []


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text or "") if p.strip()]


def page_text(page: Page, radio_text: str = "") -> str:
    """The text of a story or exemplar as a presenter reads it, before normalisation.

    `radio_text` (a version written with a radio proposal) wins; then the page's own radio
    version; then the lead or summary with the story. An exemplar item opens by naming its
    subject unless its first sentence already does. No sentence is read twice.
    """
    page = page.specific
    parts = [(p, "") for p in _paragraphs(radio_text)] if radio_text.strip() else _source_parts(page)
    parts = [(text, speaker) for text, speaker in parts if text]
    if isinstance(page, ExemplarPage):
        opening = "\n\n".join(text for text, _ in parts[:1])
        if not names_subject(page, opening):
            parts.insert(0, (lead_in(page), ""))
    return "\n\n".join(unique_paragraphs(parts)).strip()


# -- adoptions (nhân rộng) as candidate items ------------------------------------------------------

RECENT_ADOPTION_DAYS = 30


def recent_adoptions(days: int = RECENT_ADOPTION_DAYS, page=None):
    """Public adoptions first published in the last `days` days, newest first: candidate radio
    items ("new places that took up a model"). Public is the page's rule (`exemplars.propagation`)."""
    from exemplars.propagation import public_adoptions

    since = timezone.now() - datetime.timedelta(days=days)
    rows = public_adoptions().filter(published_at__gte=since).select_related("page")
    if page is not None:
        rows = rows.filter(page_id=page.pk)
    return rows.order_by("-published_at", "-pk")


def _figure_phrase(figure: dict) -> str:
    unit = f" {figure['unit']}" if figure["unit"] else ""
    return f"{figure['value']}{unit} {figure['label']}"


def adoption_text(adoption) -> str:
    """A read-aloud text for a new adoption, before normalisation (the rundown's normaliser reads
    numbers and abbreviations as it does for every item)."""
    page = adoption.page.specific
    place = _lower_first(adoption.place.full_name)
    who = adoption.public_adopter_name(page.public_adopter_ids([adoption]))
    month = f"tháng {adoption.since.month} năm {adoption.since.year}"
    paragraphs = [f"Tin vui về nhân rộng điển hình: {subject_name(page)} đã được {who} ở {place} làm theo từ {month}."]
    if adoption.results_text.strip():
        paragraphs.append(" ".join(adoption.results_text.split()))
    figures = adoption.public_figures()
    if figures:
        paragraphs.append("Kết quả: " + "; ".join(_figure_phrase(f) for f in figures) + ".")
    if adoption.status != "active":
        paragraphs.append(f"Hiện mô hình ở đây {_lower_first(adoption.get_status_display())}.")
    if adoption.is_illustrative:
        paragraphs.append("Đây là thông tin minh họa.")
    paragraphs.append("Quý vị muốn làm theo, xin liên hệ chuyên mục để được hướng dẫn.")
    return "\n\n".join(paragraphs)


def public_page_ids(page_ids) -> set[int]:
    """Which of these page ids are public right now (the rule for every public radio format)."""
    page_ids = {pid for pid in page_ids if pid}
    if not page_ids:
        return set()
    return {
        pk
        for model in (ExemplarPage, StoryPage)
        for pk in public_pages(model).filter(pk__in=page_ids).values_list("pk", flat=True)
    }


def is_radio_page(page: Page) -> bool:
    return issubclass(page.specific_class, (StoryPage, ExemplarPage))
