"""Radio endpoints under /api/v1/radio: the read-aloud preview, weekly scripts and feeds.

Only approved (or aired) rundowns are public; a signed-in radio editor also sees drafts. Every
script response carries a strong ETag and Last-Modified and answers conditional GETs with 304,
because editors' tools poll. Bad weeks and unknown programmes get a problem document that says
what a valid week looks like.
"""

from __future__ import annotations

import datetime
import json
import time

from ninja import Field, Router, Schema

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse

from core.feeds import json_feed_bytes
from core.http_cache import conditional
from core.problems import Problem, problem_responses

from . import render
from .models import PUBLIC_STATUSES, Programme, Rundown, current_normaliser
from .timing import DEFAULT_RATE, count_syllables, seconds_for
from .weeks import VALID_WEEK_HINT, InvalidWeek, IsoWeek

router = Router(tags=["Phát thanh"])

MAX_TEXT = 20_000
MAX_BODY_BYTES = 128 * 1024  # 20 000 characters even with every one JSON-escaped (\uXXXX), plus room
FORMATS = {
    "json": "application/json; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FEED_SIZE = 10
EMPTY_FEED_DATE = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


class ReadAloudIn(Schema):
    # Strict: JSON `false` or `9.0e15` is not a rate, and a number is not a text.
    text: str = Field(..., strict=True, description="Văn bản cần đọc (tối đa 20 000 ký tự).")
    rate: int | None = Field(
        None, strict=True, description="Tốc độ đọc, 80–400 âm tiết mỗi phút (bỏ trống: mặc định của chương trình)."
    )


def _client_key(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _rate_limit(request) -> None:
    limit, period = getattr(settings, "RADIO_READ_ALOUD_LIMIT", (60, 60))
    now = time.time()
    key = f"radio:read-aloud:{_client_key(request)}:{int(now // period)}"
    if cache.add(key, 1, period + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.add(key, 1, period + 5)
            count = 1
    if count > limit:
        retry = max(1, int(period - now % period))
        raise Problem(
            429,
            f"Quá nhiều yêu cầu: tối đa {limit} lần trong {period} giây. Hãy thử lại sau {retry} giây.",
            headers={"Retry-After": str(retry)},
        )


def _body_doc(*content_types: str) -> dict:
    return {"description": "Thành công.", "content": {ct: {"schema": {"type": "string"}} for ct in content_types}}


NOT_MODIFIED = {"description": "Không thay đổi (trả lời If-None-Match / If-Modified-Since)."}
SCRIPT_200 = {
    "description": "Kịch bản: JSON, hoặc .txt / .docx theo đuôi của tuần.",
    "content": {
        "application/json": {"schema": {"type": "object"}},
        "text/plain": {"schema": {"type": "string"}},
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
            "schema": {"type": "string", "format": "binary"}
        },
    },
}


@router.post(
    "/read-aloud",
    summary="Xem trước văn bản đọc và thời lượng",
    openapi_extra=problem_responses(400, 413, 429),
    description=(
        f"Giới hạn: văn bản tối đa {MAX_TEXT} ký tự và thân yêu cầu tối đa {MAX_BODY_BYTES} byte; vượt quá "
        "thì trả 413 (application/problem+json). Mỗi địa chỉ gửi được số yêu cầu có hạn mỗi phút; vượt quá "
        "thì trả 429 kèm Retry-After."
    ),
)
def read_aloud(request, payload: ReadAloudIn):
    """Normalise a text for reading aloud; returns the read text, expansions, flags and timing.

    Reveals no stored data. Texts are limited to 20 000 characters and bodies to MAX_BODY_BYTES;
    requests are rate-limited.
    """
    _rate_limit(request)
    if len(request.body) > MAX_BODY_BYTES:
        raise Problem(413, f"Yêu cầu quá lớn: tối đa {MAX_BODY_BYTES} byte, nhận được {len(request.body)}.")
    if len(payload.text) > MAX_TEXT:
        raise Problem(413, f"Văn bản quá dài: tối đa {MAX_TEXT} ký tự, nhận được {len(payload.text)}.", param="text")
    if not payload.text.strip():
        raise Problem(400, "Văn bản trống: hãy gửi đoạn văn cần đọc.", param="text")
    rate = payload.rate or DEFAULT_RATE
    if not 80 <= rate <= 400:
        raise Problem(400, "Tốc độ đọc phải từ 80 đến 400 âm tiết mỗi phút.", param="rate")
    reading = current_normaliser().read(payload.text)
    syllables = count_syllables(reading.text)
    body = reading.as_dict()
    for expansion in body["expansions"]:
        expansion["rule_label"] = render.rule_label(expansion["rule"])
    body.update({"syllables": syllables, "rate": rate, "seconds": seconds_for(syllables, rate)})
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _programme(slug: str) -> Programme:
    programme = Programme.objects.select_related("default_presenter").filter(slug=slug).first()
    if programme is None:
        known = ", ".join(Programme.objects.values_list("slug", flat=True)[:10]) or "chưa có"
        raise Problem(404, f"Không có chương trình “{slug}”. Các chương trình hiện có: {known}.", param="programme")
    return programme


def can_see_drafts(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("radio.view_rundown"))


def _conditional(request, body: bytes, content_type: str, last_modified, *, private: bool, headers=None):
    """A script or feed with a strong ETag and Last-Modified, answering conditional GETs with 304
    (`core.http_cache.conditional`); drafts only to signed-in editors, never shared."""
    response = HttpResponse(body, content_type=content_type)
    response["Cache-Control"] = "private, no-cache" if private else "public, max-age=60"
    response["Vary"] = "Cookie"
    for key, value in (headers or {}).items():
        response[key] = value
    return conditional(request, response, last_modified=last_modified)


def find_rundown(programme: Programme, label: str, user) -> Rundown:
    try:
        week = IsoWeek.parse(label)
    except InvalidWeek as exc:
        raise Problem(400, str(exc), param="week", example="2026-W48") from exc
    rundown = programme.rundowns.filter(week=week.label).first()
    if rundown is None or not (rundown.is_public or can_see_drafts(user)):
        raise Problem(
            404,
            f"Chưa có kịch bản đã duyệt của “{programme.name}” cho tuần {week.label} ({week.dates_label}).",
            param="week",
        )
    return rundown


def _split_format(label: str) -> tuple[str, str]:
    for fmt in FORMATS:
        if label.endswith("." + fmt):
            return label[: -len(fmt) - 1], fmt
    if "." in label:
        raise Problem(400, "Định dạng không hỗ trợ: dùng .json, .txt hoặc .docx.", param="week")
    return label, "json"


def _docx_bytes(data) -> bytes:
    # DOCX is rebuilt per request: cache by content hash so the bytes (and the ETag) stay stable.
    key = f"radio:docx:{data['hash']}"
    body = cache.get(key)
    if body is None:
        body = render.as_docx(data)
        cache.set(key, body, 24 * 3600)
    return body


@router.get(
    "/{programme}/weeks/{week}",
    summary="Kịch bản một tuần (JSON, .txt, .docx)",
    openapi_extra=problem_responses(400, 404, _200=SCRIPT_200, _304=NOT_MODIFIED),
    description="Tuần ISO dạng 2026-W48; thêm .txt hoặc .docx để lấy bản in. " + VALID_WEEK_HINT,
)
def week_script(request, programme: str, week: str):
    label, fmt = _split_format(week)
    prog = _programme(programme)
    rundown = find_rundown(prog, label, request.user)
    data = render.script(rundown, request)
    items = render.visible_items(rundown)
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False, indent=2).encode()
    elif fmt == "txt":
        body = render.as_text(data).encode("utf-8")
    else:
        body = _docx_bytes(data)
    headers = {}
    if fmt == "docx":
        headers["Content-Disposition"] = f'attachment; filename="{prog.slug}-{rundown.week}.docx"'
    return _conditional(
        request,
        body,
        FORMATS[fmt],
        render.last_modified(rundown, items),
        private=not rundown.is_public,
        headers=headers,
    )


@router.get(
    "/{programme}/current",
    summary="Chuyển tới kịch bản tuần này (giờ Việt Nam)",
    openapi_extra=problem_responses(404, _302={"description": "Chuyển tới /weeks/{tuần ISO hiện tại}."}),
)
def current_week(request, programme: str):
    prog = _programme(programme)
    return HttpResponseRedirect(f"/api/v1/radio/{prog.slug}/weeks/{IsoWeek.current().label}")


def _feed_scripts(request, programme: Programme):
    rundowns = (
        programme.rundowns.filter(status__in=PUBLIC_STATUSES)
        .select_related("programme", "presenter", "programme__default_presenter")
        .order_by("-week_start")[:FEED_SIZE]
    )
    return [(rundown, render.script(rundown, request)) for rundown in rundowns]


def _feed_last_modified(scripts):
    stamps = [render.last_modified(rundown, render.visible_items(rundown)) for rundown, _ in scripts]
    return max(stamps) if stamps else EMPTY_FEED_DATE


@router.get(
    "/{programme}/feed.json",
    summary="JSON Feed 1.1 các kịch bản đã duyệt",
    openapi_extra=problem_responses(404, _200=_body_doc("application/feed+json"), _304=NOT_MODIFIED),
)
def feed_json(request, programme: str):
    prog = _programme(programme)
    scripts = _feed_scripts(request, prog)
    body = json_feed_bytes(render.json_feed(prog, scripts, request), indent=2)
    return _conditional(
        request, body, "application/feed+json; charset=utf-8", _feed_last_modified(scripts), private=False
    )


@router.get(
    "/{programme}/feed.xml",
    summary="RSS 2.0 các kịch bản đã duyệt",
    openapi_extra=problem_responses(404, _200=_body_doc("application/rss+xml"), _304=NOT_MODIFIED),
)
def feed_xml(request, programme: str):
    prog = _programme(programme)
    scripts = _feed_scripts(request, prog)
    body = render.rss_feed(prog, scripts, request)
    return _conditional(
        request, body, "application/rss+xml; charset=utf-8", _feed_last_modified(scripts), private=False
    )
