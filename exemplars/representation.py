"""How content is represented to machines: image renditions, StreamField bodies, places.

Shared by both API doors — the domain API (`config.content_api`) and the `api_fields` of the
page models (Wagtail's API v2) — so that a body, a place or a portrait looks the same through
either. Images are always WebP renditions in fixed sizes, never the original file.
"""

from __future__ import annotations

import logging
from html import escape

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from core.urls import absolute_url
from core.urls import page_url as public_page_url

logger = logging.getLogger(__name__)

# name → Wagtail filter spec. Portraits are cropped squares; story images keep their ratio.
PORTRAIT_SPECS = {
    "thumbnail": "fill-160x160|format-webp",
    "medium": "fill-400x400|format-webp",
    "large": "max-1200x1200|format-webp",
}
BODY_IMAGE_SPECS = {
    "medium": "max-800x800|format-webp",
    "large": "max-1600x1600|format-webp",
}


def rendition_set(image, specs: dict[str, str]) -> dict | None:
    """{name: {url, width, height}} for `image`, or None when there is no image (or it is broken)."""
    if image is None:
        return None
    try:
        renditions = image.get_renditions(*specs.values())
    except Exception:  # a missing or broken source file: say nothing rather than fail the page
        logger.exception("Could not render image %s", image.pk)
        return None
    result = {}
    for name, spec in specs.items():
        rendition = renditions[spec]
        result[name] = {"url": rendition.full_url, "width": rendition.width, "height": rendition.height}
    return result


def portrait(page) -> dict | None:
    """An exemplar's portrait as {alt, credit, renditions}: null unless consent covers the photo."""
    if not page.show_portrait:
        return None
    renditions = rendition_set(page.portrait, PORTRAIT_SPECS)
    if renditions is None:
        return None
    return {"alt": page.portrait_alt, "credit": page.portrait_credit, "renditions": renditions}


def portrait_prefetch(lookup: str = "portrait") -> Prefetch:
    """Prefetch a portrait FK with its API renditions (two queries, whatever the page size)."""
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions(*PORTRAIT_SPECS.values()))


def pregenerate_for_page(page) -> None:
    """Create the renditions the APIs will ask for, when the page is published."""
    portrait = getattr(page, "portrait", None)
    if portrait is not None:
        portrait.get_renditions(*PORTRAIT_SPECS.values())
    body = getattr(page, "body", None)
    if body is None:
        return
    for block in body:
        if block.block_type == "image" and block.value.get("image") is not None:
            block.value["image"].get_renditions(*BODY_IMAGE_SPECS.values())


def place_ref(place) -> dict:
    return {
        "id": place.pk,
        "name": place.name,
        "kind": place.kind,
        "kind_label": place.get_kind_display(),
        "full_name": place.full_name,
    }


def place_with_path(place) -> dict:
    chain = place.ancestors()
    return {**place_ref(place), "path": [place_ref(p) for p in chain], "path_label": place.path_label}


def rich(html: str) -> str:
    return expand_db_html(html or "")


# -- StreamField --------------------------------------------------------------------------------


def _block_dict(block) -> dict:
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        data = rich(value.source)
    elif kind == "quote":
        data = {"text": value.get("text") or "", "speaker": value.get("speaker") or ""}
    elif kind == "image":
        data = {
            "image": rendition_set(value.get("image"), BODY_IMAGE_SPECS),
            "alt_text": value.get("alt_text") or "",
            "caption": value.get("caption") or "",
            "credit": value.get("credit") or "",
        }
    elif kind == "key_figures":
        data = [{"value": item.get("value") or "", "label": item.get("label") or ""} for item in value]
    elif kind == "video":
        data = {"url": getattr(value, "url", "") or ""}
    else:  # a block type added later: keep its raw JSON form rather than failing
        data = block.block.get_prep_value(value)
    return {"type": kind, "id": block.id or "", "value": data}


def _block_html(item: dict) -> str:
    kind, value = item["type"], item["value"]
    if kind == "paragraph":
        return value
    if kind == "quote":
        speaker = f"<figcaption>— {escape(value['speaker'])}</figcaption>" if value["speaker"] else ""
        return f'<figure class="quote"><blockquote><p>{escape(value["text"])}</p></blockquote>{speaker}</figure>'
    if kind == "image":
        if not value["image"]:
            return ""
        medium = value["image"]["medium"]
        caption = " ".join(part for part in (escape(value["caption"]), escape(value["credit"])) if part)
        figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
        return (
            f'<figure class="figure"><img src="{escape(medium["url"])}" width="{medium["width"]}" '
            f'height="{medium["height"]}" alt="{escape(value["alt_text"])}" loading="lazy">{figcaption}</figure>'
        )
    if kind == "key_figures":
        rows = "".join(f"<div><dt>{escape(f['value'])}</dt><dd>{escape(f['label'])}</dd></div>" for f in value)
        return f'<dl class="figures">{rows}</dl>'
    if kind == "video":
        url = escape(value["url"])
        return f'<div class="embed"><a href="{url}">{url}</a></div>'
    return ""


def body(stream) -> dict:
    """A StreamField as structured blocks and as HTML (videos as links: no oEmbed call here)."""
    blocks = [_block_dict(block) for block in stream or []]
    return {"html": "\n".join(_block_html(item) for item in blocks), "blocks": blocks}


# -- adoptions (nhân rộng) ---------------------------------------------------------------------------


def _evidence(adoption, request) -> list[dict]:
    items = []
    for item in adoption.public_evidence():
        if item["type"] == "image":
            renditions = rendition_set(item["image"], BODY_IMAGE_SPECS)
            if renditions:
                items.append(
                    {"type": "image", "title": item["alt"], "alt": item["alt"], "url": renditions["medium"]["url"]}
                )
        else:
            document = item["document"]
            items.append(
                {
                    "type": "document",
                    "title": item["title"] or document.title,
                    "alt": "",
                    "url": absolute_url(document.url, request),
                }
            )
    return items


def adoption_data(adoption, request=None, public_adopters: set[int] | None = None) -> dict:
    """One adoption as both APIs give it: place, who, since, status, results, evidence, source."""
    adopter_page = None
    if adoption.adopter_page_id and public_adopters is not None and adoption.adopter_page_id in public_adopters:
        page = adoption.adopter_page
        adopter_page = {"id": page.pk, "slug": page.slug, "title": page.title, "url": public_page_url(page, request)}
    return {
        "place": {**place_ref(adoption.place), "path_label": adoption.place.path_label},
        "who": {
            "kind": adoption.adopter_kind,
            "kind_label": adoption.get_adopter_kind_display(),
            "name": adoption.public_adopter_name(public_adopters or set()),
            "exemplar": adopter_page,
        },
        "since": adoption.since,
        "until": adoption.until,
        "status": adoption.status,
        "status_label": adoption.get_status_display(),
        "results": {"text": adoption.results_text, "figures": adoption.public_figures()},
        "evidence": _evidence(adoption, request),
        "source": {
            "kind": adoption.source_kind,
            "kind_label": adoption.get_source_kind_display(),
            "citation": adoption.source_citation,
            "is_illustrative": adoption.is_illustrative,
        },
    }
