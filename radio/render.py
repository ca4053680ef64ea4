"""The weekly script in every format: a dict (JSON), plain text, DOCX, JSON Feed and RSS.

Every format is built from `script()`, which applies the one public rule (`core.visibility`):
an item whose source page is no longer public (unpublished, restricted, past its expiry time,
consent withdrawn, or a story linking someone who withdrew consent) or was marked withdrawn
is left out, and the timing is computed on what remains — so a withdrawn story never reaches a
public format, and the running times match what is actually read.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import textwrap

from django.conf import settings
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import escape, linebreaks

from core import feeds
from core.urls import absolute_url, page_url

from .content import public_page_ids
from .models import WEEKDAYS, Rundown
from .normalise import RULE_LABELS
from .timing import clock


def visible_items(rundown: Rundown) -> list:
    items = list(rundown.items.select_related("source_page").order_by("sort_order", "pk"))
    public = public_page_ids(item.source_page_id for item in items)
    result = []
    for item in items:
        if item.withdrawn:
            continue
        if item.source_page_id and item.source_page_id not in public:
            continue
        if item.had_source and not item.source_page_id:  # the source page was deleted
            continue
        result.append(item)
    return result


def last_modified(rundown: Rundown, items) -> datetime.datetime:
    stamps = [rundown.updated_at]
    stamps += [i.source_page.last_published_at for i in items if i.source_page and i.source_page.last_published_at]
    return max(stamps)


def _absolute(request, path: str) -> str:
    return absolute_url(path, request)


def urls(rundown: Rundown, request=None) -> dict[str, str]:
    base = f"/api/v1/radio/{rundown.programme.slug}/weeks/{rundown.week}"
    prompter = reverse("radio_prompter", args=[rundown.programme.slug, rundown.week])
    return {
        "json": _absolute(request, base),
        "txt": _absolute(request, base + ".txt"),
        "docx": _absolute(request, base + ".docx"),
        "prompter": _absolute(request, prompter),
    }


def script(rundown: Rundown, request=None) -> dict:
    """The public shape of a rundown (superset of a MOS/iNews running order)."""
    programme = rundown.programme
    week = rundown.iso_week
    items = visible_items(rundown)
    line = rundown.timed(items)
    presenter = rundown.effective_presenter
    slot_start = programme.slot_start(week)
    rendered = []
    for order, timed in enumerate(line.items, start=1):
        item = timed.key
        source_url = None
        if item.source_page_id:
            source_url = page_url(item.source_page, request)
        rendered.append(
            {
                "order": order,
                "slug": item.slug,
                "kind": item.kind,
                "kind_label": item.get_kind_display(),
                "display_text": item.display_text,
                "read_text": item.read_text,
                "presenter_notes": item.presenter_notes,
                "expansions": item.expansions,
                "flags": item.flags,
                "syllables": item.syllables,
                "seconds": timed.seconds,
                "planned_seconds": item.planned_seconds,
                "aired_seconds": item.aired_seconds,
                "cumulative_seconds": timed.cumulative,
                "back_time": timed.back_time.strftime("%H:%M:%S") if timed.back_time else None,
                "back_time_seconds": timed.back_time_seconds,
                "status": "not_ready" if item.open_flags else "ready",
                "source_url": source_url,
                "version": item.content_hash(),
            }
        )
    data = {
        "programme": {
            "name": programme.name,
            "slug": programme.slug,
            "weekday": programme.weekday,
            "weekday_label": dict(WEEKDAYS)[programme.weekday],
            "slot_time": programme.slot_time.strftime("%H:%M"),
            "target_seconds": programme.target_seconds,
        },
        "week": week.label,
        "week_start": week.monday.isoformat(),
        "week_end": week.sunday.isoformat(),
        "air_date": week.day(programme.weekday).isoformat(),
        "slot_start": slot_start.isoformat(),
        "slot_end": (slot_start + datetime.timedelta(seconds=programme.target_seconds)).isoformat(),
        "status": rundown.status,
        "status_label": rundown.get_status_display(),
        "approved_at": rundown.approved_at.isoformat() if rundown.approved_at else None,
        "aired_at": rundown.aired_at.isoformat() if rundown.aired_at else None,
        "version": rundown.version,
        "presenter": {"name": presenter.name, "rate": presenter.rate} if presenter else None,
        "rate": rundown.rate,
        "timing": {
            "total_seconds": line.total,
            "target_seconds": line.target,
            "over_under_seconds": line.over_under,
            "over_under": line.over_under_label,
        },
        "items": rendered,
        "formats": urls(rundown, request),
    }
    data["hash"] = hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]
    return data


def _header_lines(data: dict) -> list[str]:
    programme, timing = data["programme"], data["timing"]
    presenter = data["presenter"]
    air = datetime.datetime.fromisoformat(data["slot_start"])
    monday = datetime.datetime.fromisoformat(data["week_start"])
    sunday = datetime.datetime.fromisoformat(data["week_end"])
    who = f"{presenter['name']} ({data['rate']} âm tiết/phút)" if presenter else f"{data['rate']} âm tiết/phút"
    return [
        programme["name"].upper(),
        f"Tuần {data['week']} ({monday:%d/%m/%Y} – {sunday:%d/%m/%Y}) · Phát sóng "
        f"{programme['weekday_label'].lower()} {air:%d/%m/%Y}, {air:%H:%M}",
        f"Người đọc: {who} · Khung giờ {clock(timing['target_seconds'])} · Kịch bản "
        f"{clock(timing['total_seconds'])} ({timing['over_under']})",
        f"Tình trạng: {data['status_label']} · Phiên bản {data['version']}",
    ]


def item_heading(item: dict) -> str:
    """“2. Võ Văn Biển”: the order and the heading as written; cues say they are not read."""
    heading = f"{item['order']}. {item['slug']}"
    return f"{heading} — {item['kind_label']}" if item["kind"] == "cue" else heading


def as_text(data: dict) -> str:
    """A clean UTF-8 script: timings in the left margin (read, running total, latest start)."""
    margin = 26
    wrap = textwrap.TextWrapper(width=70, initial_indent=" " * margin, subsequent_indent=" " * margin)
    lines = _header_lines(data)
    lines += ["", "   đọc   cộng dồn  bắt đầu", ""]
    for item in data["items"]:
        head = f"{clock(item['seconds']):>6} {clock(item['cumulative_seconds']):>8}  {item['back_time'] or '':>8}"
        lines.append(f"{head:<{margin}}{item_heading(item)}")
        if item["presenter_notes"]:
            lines += wrap.wrap(f"[Ghi chú, không đọc: {item['presenter_notes']}]")
        for paragraph in (item["read_text"] or "").split("\n"):
            if paragraph.strip():
                lines += wrap.wrap(paragraph.strip())
        lines.append("")
    lines.append(f"Hết kịch bản · {clock(data['timing']['total_seconds'])} · {data['timing']['over_under']}")
    return "\n".join(lines) + "\n"


def document_title(data: dict) -> str:
    """“Học tập và làm theo … — tuần 2026-W49”: the DOCX title, its first heading and the feed title."""
    return f"{data['programme']['name']} — tuần {data['week']}"


def _page_number_field(paragraph, size) -> None:
    """A PAGE field, so a printed script keeps its pages in order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    run.font.size = size
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _vietnamese(style) -> None:
    """Mark a style as Vietnamese, so Word's proofing does not underline every word."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def as_docx(data: dict) -> bytes:
    """A Word document to print or read from: A4, large type (18 pt read text), one section per
    item in order, titled with the programme and week, authored by the centre (settings.CENTRE_NAME)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)

    title = document_title(data)
    properties = document.core_properties
    properties.title = title
    properties.subject = f"Kịch bản phát thanh chuyên mục “{data['programme']['name']}”"
    properties.author = properties.last_modified_by = settings.CENTRE_NAME
    properties.keywords = f"kịch bản phát thanh; {data['week']}"
    properties.comments = f"Tình trạng: {data['status_label']}; phiên bản {data['version']}."
    properties.language = "vi-VN"
    properties.category = "Kịch bản phát thanh"
    properties.revision = max(1, int(data["version"] or 1))
    stamp = datetime.datetime.fromisoformat(data["approved_at"]) if data["approved_at"] else None
    stamp = (stamp or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC).replace(tzinfo=None)
    properties.created = properties.modified = stamp  # python-docx writes naive times as UTC

    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(16)
    _vietnamese(normal)
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = "Arial"
        style.font.color.rgb = RGBColor(0, 0, 0)
    document.styles["Heading 1"].font.size = Pt(20)
    document.styles["Heading 2"].font.size = Pt(16)

    document.styles["Footer"].font.size = Pt(10)  # also the size of the page number's field result
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{settings.CENTRE_NAME} · tuần {data['week']} · trang ").font.size = Pt(10)
    _page_number_field(footer, Pt(10))

    header = _header_lines(data)
    document.add_heading(title, level=1)
    for line in header[1:]:
        document.add_paragraph().add_run(line).font.size = Pt(12)
    for item in data["items"]:
        document.add_heading(item_heading(item), level=2)
        timing = document.add_paragraph()
        timing.paragraph_format.keep_with_next = True  # never a heading and its timing alone at a page foot
        run = timing.add_run(
            f"Đọc {clock(item['seconds'])} · Cộng dồn {clock(item['cumulative_seconds'])} · "
            f"Bắt đầu {item['back_time'] or '—'}"
        )
        run.bold = True
        run.font.size = Pt(12)
        if item["presenter_notes"]:
            notes = document.add_paragraph()
            notes.paragraph_format.keep_with_next = True
            note = notes.add_run(f"[Ghi chú, không đọc: {item['presenter_notes']}]")
            note.italic = True
            note.font.size = Pt(14)
        for paragraph in (item["read_text"] or "").split("\n"):
            if paragraph.strip():
                document.add_paragraph().add_run(paragraph.strip()).font.size = Pt(18)
    document.add_paragraph(f"Hết kịch bản · {clock(data['timing']['total_seconds'])} · {data['timing']['over_under']}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _script_html(data: dict) -> str:
    parts = []
    for item in data["items"]:
        parts.append(f"<h2>{item['order']}. {escape(item['slug'])} ({clock(item['seconds'])})</h2>")
        if item["presenter_notes"]:
            parts.append(f"<p><em>[{escape(item['presenter_notes'])}]</em></p>")
        parts.append(linebreaks(item["read_text"], autoescape=True))
    return "\n".join(parts)


def _broadcast(data: dict) -> dict:
    return {
        "about": f"{feeds.JSON_FEED_VERSION}#extensions",
        "programme": data["programme"]["slug"],
        "week": data["week"],
        "air_date": data["air_date"],
        "slot_start": data["slot_start"],
        "status": data["status"],
        "rate": data["rate"],
        "total_seconds": data["timing"]["total_seconds"],
        "target_seconds": data["timing"]["target_seconds"],
        "over_under_seconds": data["timing"]["over_under_seconds"],
        "items": [
            {k: item[k] for k in ("order", "slug", "kind", "seconds", "cumulative_seconds", "back_time")}
            for item in data["items"]
        ],
        "formats": data["formats"],
    }


def _item_dates(rundown: Rundown):
    published = rundown.approved_at or rundown.updated_at
    return published, rundown.updated_at


def json_feed(programme, scripts: list[tuple[Rundown, dict]], request) -> dict:
    base = f"/api/v1/radio/{programme.slug}"
    items = []
    for rundown, data in scripts:
        published, modified = _item_dates(rundown)
        items.append(
            feeds.json_feed_item(
                id=f"{programme.slug}/{data['week']}/v{data['version']}",
                url=data["formats"]["json"],
                title=f"{programme.name} — tuần {data['week']}",
                content_text=as_text(data),
                content_html=_script_html(data),
                date_published=published.isoformat(),
                date_modified=modified.isoformat(),
                language="vi",
                attachments=[
                    {"url": data["formats"]["txt"], "mime_type": "text/plain"},
                    {
                        "url": data["formats"]["docx"],
                        "mime_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    },
                ],
                _broadcast=_broadcast(data),
            )
        )
    return feeds.json_feed(
        items,
        title=f"{programme.name} — kịch bản phát thanh",
        home_page_url=absolute_url("/", request),
        feed_url=absolute_url(f"{base}/feed.json", request),
        description=programme.description or f"Kịch bản đã duyệt của chuyên mục “{programme.name}”.",
        language="vi",
    )


class _ScriptRss(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with the script as content:encoded and a Podcasting 2.0 text transcript."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        attrs["xmlns:podcast"] = "https://podcastindex.org/namespace/1.0"
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_encoded"])
        handler.addQuickElement("podcast:transcript", "", {"url": item["transcript"], "type": "text/plain"})


def rss_feed(programme, scripts: list[tuple[Rundown, dict]], request) -> bytes:
    base = f"/api/v1/radio/{programme.slug}"
    feed = _ScriptRss(
        title=f"{programme.name} — kịch bản phát thanh",
        link=absolute_url("/", request),
        description=programme.description or f"Kịch bản đã duyệt của chuyên mục “{programme.name}”.",
        language="vi",
        feed_url=absolute_url(f"{base}/feed.xml", request),
        ttl="60",
    )
    for rundown, data in scripts:
        published, modified = _item_dates(rundown)
        feed.add_item(
            title=f"{programme.name} — tuần {data['week']}",
            link=data["formats"]["json"],
            description=f"Kịch bản tuần {data['week']}, {len(data['items'])} mục, "
            f"{clock(data['timing']['total_seconds'])} ({data['timing']['over_under']}).",
            unique_id=f"{programme.slug}/{data['week']}/v{data['version']}",
            unique_id_is_permalink=False,
            pubdate=published,
            updateddate=modified,
            content_encoded=_script_html(data),
            transcript=data["formats"]["txt"],
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue().encode("utf-8")


def rule_label(rule: str) -> str:
    return RULE_LABELS.get(rule, rule)
