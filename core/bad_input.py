"""Refuse NUL bytes and undecodable text in a request before anything reads it.

A NUL byte (`%00`) or a byte sequence that is not UTF-8 can never be a meaningful value on this
site, and PostgreSQL refuses NUL in text outright (`A string literal cannot contain NUL`), which
used to surface as a 500 wherever a value reached a query. This one middleware, placed first,
answers such a request with 400: `application/problem+json` under `/api/`, a short Vietnamese
page elsewhere. It looks at:

- the path: a NUL, or bytes that were not UTF-8. The server decodes `%XX` in the path and Django
  writes invalid bytes back as uppercase `%XX` escapes of bytes 0x80–0xFF (`repercent_broken_unicode`),
  which is how they are recognised (a literal "%C3" typed in a path would be one too; no URL
  of this site contains "%");
- every query parameter name and value (raw, before Django replaces bad bytes with U+FFFD);
- the body, when it is small enough to be read in memory (`DATA_UPLOAD_MAX_MEMORY_SIZE`):
  form-encoded bytes, JSON text (raw NUL or a `\\u0000` escape), and the text fields and file
  names of multipart forms. Larger bodies are left to the views, which check their own size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string

from .problems import problem_response, wants_problem

# An escaped NUL in JSON text: "\u0000" preceded by an even number of backslashes.
_JSON_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000", re.IGNORECASE)
_BODY_METHODS = {"POST", "PUT", "PATCH"}

WHERE = {"path": "đường dẫn", "query": "tham số", "body": "nội dung gửi lên"}


@dataclass(frozen=True)
class BadInput:
    where: str  # "path", "query" or "body"
    param: str | None = None

    @property
    def detail(self) -> str:
        if self.param:
            return f"Tham số “{self.param}” chứa ký tự không hợp lệ (ký tự NUL hoặc byte không phải UTF-8)."
        return f"Yêu cầu có {WHERE[self.where]} chứa ký tự không hợp lệ (ký tự NUL hoặc byte không phải UTF-8)."


def _bad_bytes(raw: bytes) -> bool:
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _urlencoded(raw: bytes, where: str) -> BadInput | None:
    for pair in raw.split(b"&"):
        if not pair:
            continue
        name, _, value = pair.partition(b"=")
        name = unquote_to_bytes(name.replace(b"+", b" "))
        value = unquote_to_bytes(value.replace(b"+", b" "))
        if _bad_bytes(name):
            return BadInput(where)
        if _bad_bytes(value):
            return BadInput(where, name.decode("utf-8"))
    return None


# Django's re-escaped form of a byte that was not UTF-8 (see the module docstring).
_BROKEN_PATH_BYTE = re.compile(r"%[89A-F][0-9A-F]")


def _bad_path(path: str) -> bool:
    return "\x00" in path or bool(_BROKEN_PATH_BYTE.search(path))


def _wsgi_bytes(request, key: str) -> bytes:
    environ = getattr(request, "environ", None)
    if environ is not None:
        return get_bytes_from_wsgi(environ, key, "")
    return request.META.get(key, "").encode("utf-8", "surrogateescape")


def _body(request) -> BadInput | None:
    if request.method not in _BODY_METHODS:
        return None
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if length <= 0 or (limit is not None and length > limit):
        return None
    content_type = request.content_type or ""
    try:
        if content_type == "application/x-www-form-urlencoded":
            return _urlencoded(request.body, "body")
        if content_type == "application/json" or content_type.endswith("+json"):
            raw = request.body
            if _bad_bytes(raw) or _JSON_NUL.search(raw.decode("utf-8")):
                return BadInput("body")
            return None
        if content_type == "multipart/form-data":
            for name, values in request.POST.lists():
                if "\x00" in name:
                    return BadInput("body")
                if any("\x00" in value for value in values):
                    return BadInput("body", name)
            for name, upload in request.FILES.items():
                if "\x00" in (upload.name or ""):
                    return BadInput("body", name)
    except (SuspiciousOperation, MultiPartParserError):
        return None  # too many fields, a broken multipart body…: the view's own handling answers
    return None


def find_bad_input(request) -> BadInput | None:
    if _bad_path(request.path_info):
        return BadInput("path")
    found = _urlencoded(_wsgi_bytes(request, "QUERY_STRING"), "query")
    if found:
        return found
    return _body(request)


def bad_input_response(request, found: BadInput) -> HttpResponse:
    if wants_problem(request):
        return problem_response(400, found.detail, param=found.param or found.where)
    html = render_to_string("400.html", {"message": found.detail})  # no request: no database
    return HttpResponse(html, status=400, content_type="text/html; charset=utf-8")


class RejectBadInputMiddleware:
    """First in MIDDLEWARE (after the security and CSP headers): 400 for NUL or non-UTF-8 input."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = find_bad_input(request)
        if found is not None:
            return bad_input_response(request, found)
        return self.get_response(request)
