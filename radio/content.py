"""What radio reads from the content apps: a page's text for air, and whether it is still public.

Public is what `core.visibility.public_pages()` says for each model — live, unrestricted, not
past its expiry time, and the model's own rule: consent for exemplars, and for stories no link
to a person who withdrew consent (`StoryPage.visibility_q`), the same on air as on the web.
"""

from __future__ import annotations

from django.utils.html import strip_tags

from wagtail.models import Page

from campaigns.models import StoryPage
from core.visibility import public_pages
from exemplars.models import ExemplarPage


def _plain(html: str) -> str:
    from html import unescape

    text = strip_tags((html or "").replace("</p>", "</p>\n\n").replace("<br/>", "\n").replace("<br>", "\n"))
    return "\n\n".join(" ".join(part.split()) for part in unescape(text).split("\n\n") if part.strip())


def _body_text(body) -> list[str]:
    parts = []
    for block in body or []:
        if block.block_type == "paragraph":
            parts.append(_plain(block.value.source))
        elif block.block_type == "quote":
            speaker = block.value.get("speaker")
            quote = f"“{block.value.get('text', '').strip()}”"
            parts.append(f"{quote} — {speaker}" if speaker else quote)
    return [p for p in parts if p]


def page_text(page: Page) -> str:
    """The text of a story or exemplar as a presenter would read it before normalisation."""
    page = page.specific
    if isinstance(page, StoryPage):
        return "\n\n".join([page.lead.strip(), *_body_text(page.body)]).strip()
    if isinstance(page, ExemplarPage):
        parts = [page.summary.strip()]
        if page.show_story:
            parts += _body_text(page.body)
        return "\n\n".join(p for p in parts if p).strip()
    return ""


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
