"""Shared HTTP caching for the public read APIs: ETag, 304, Cache-Control and a server cache.

Anonymous GET/HEAD responses under `API_CACHE_PREFIXES` (by default `/api/v1/` and `/api/v2/`)
are stored in Django's cache (Redis when `REDIS_URL` is set) under a key that contains a
global *content generation* number. Anything that can change what a public API shows —
publish, unpublish, delete, move, consent records, vocabularies, view restrictions, images —
bumps the generation (see `core.invalidation`), so stale entries are never read again
and simply expire.

Small API for other features:

- `ApiCacheMiddleware` (installed in settings) caches every matching path; a view opts out by
  sending `Cache-Control: no-store` or `private` (the preview endpoint does), or by setting
  its own `ETag` (it then keeps its own conditional-request handling).
- `api_cache` decorates any Django view outside those prefixes the same way.
- `bump_generation()` invalidates everything; `current_generation()` reads the number.
- `memo_for_generation(key, compute)` remembers a small value in the process for the current
  generation (the API's Site lookups, place paths and list counts).
"""

from __future__ import annotations

import hashlib
import threading
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified

GENERATION_KEY = "api:content-generation"
BYPASS_HEADER = "HTTP_X_BENCH_NO_CACHE"
_CACHED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Content-Disposition", "Allow")


def _setting(name: str, default):
    return getattr(settings, name, default)


def current_generation(request=None) -> int:
    """The content generation; starts from the clock so an evicted counter never repeats.

    With `request`, the number is read once per request (the cache middleware has usually
    read it already) and reused by everything that asks during that request.
    """
    if request is not None and hasattr(request, "_content_generation"):
        return request._content_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        # The counter was lost (cache flushed or evicted): a new one starts from the clock, and
        # this process forgets its memos in case the clock lands on a number seen before.
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY)
        clear_memo()
    if request is not None:
        request._content_generation = int(value)
    return int(value)


MEMO_TTL = 60.0
MEMO_MAX_ENTRIES = 5000
_memo: dict = {}
_memo_lock = threading.Lock()


def memo_for_generation(key, compute, request=None, ttl: float = MEMO_TTL, valid_for=None):
    """`compute()`, remembered in this process for the current content generation.

    For values that many requests need and only content changes can change (the Site of a
    hostname, the places with their paths, the count of a list): whatever could change them
    bumps the generation. `ttl` seconds bound staleness should a process miss a bump (the
    per-worker memory cache without Redis); `valid_for(value)`, when given, returns how many
    seconds the value may live at most (a count ends when a page's scheduled expiry passes).
    """
    if request is not None and getattr(request, "_no_memo", False):
        return compute()
    generation = current_generation(request)
    now = time.monotonic()
    found = _memo.get(key)
    if found is not None and found[0] == generation and now < found[1]:
        return found[2]
    value = compute()
    lifetime = ttl if valid_for is None else min(ttl, valid_for(value))
    with _memo_lock:
        if len(_memo) >= MEMO_MAX_ENTRIES:
            _memo.clear()
        _memo[key] = (generation, now + lifetime, value)
    return value


def clear_memo() -> None:
    with _memo_lock:
        _memo.clear()


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing key: start a fresh generation
        cache.set(GENERATION_KEY, int(time.time() * 1000), timeout=None)


def bump_generation() -> None:
    """Invalidate every cached API response, now and again when the transaction commits.

    The second bump matters: a request served between the first bump and the commit may
    have cached the old rows under the new generation.
    """
    _bump()
    transaction.on_commit(_bump)


def _etag(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # Anonymous only: a session cookie may mean a logged-in editor, so do not share their answer.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    bypass = _setting("API_CACHE_ALLOW_BYPASS", False) and request.META.get(BYPASS_HEADER)
    if bypass == "all":  # benchmarks only: the per-generation memos are skipped too
        request._no_memo = True
    return not bypass


def _cache_key(request) -> str:
    raw = "|".join(
        [
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    return "api:resp:" + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def _lookup(key: str) -> tuple[int, tuple | None]:
    """The current generation and the entry stored under `key` if it belongs to that generation,
    in one cache round trip (entries carry the generation they were computed for)."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return current_generation(), None
    entry = found.get(key)
    if entry is not None and entry[0] != generation:
        entry = None
    return int(generation), entry


def _finish(request, response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={_setting('API_CACHE_MAX_AGE', 60)}"
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match and _matches(if_none_match, etag):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    control = response.get("Cache-Control", "")
    if "no-store" in control or "private" in control or response.cookies:
        return False
    # A view that sets its own ETag manages its own validation (e.g. the radio scripts).
    return "ETag" not in response


def serve_cached(request, get_response):
    """Answer `request` from the cache, or through `get_response` and store the answer."""
    if not _cacheable_request(request):
        return get_response(request)
    key = _cache_key(request)
    generation, entry = _lookup(key)
    request._content_generation = generation
    if entry is not None:
        _, status, headers, content, etag = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Api-Cache"] = "hit"
        return _finish(request, response, etag)
    response = get_response(request)
    if not _storable(response):
        return response
    content = response.content
    etag = _etag(content)
    headers = [(name, response[name]) for name in _CACHED_HEADERS if name in response]
    cache.set(key, (generation, response.status_code, headers, content, etag), _setting("API_CACHE_TIMEOUT", 600))
    response["X-Api-Cache"] = "miss"
    return _finish(request, response, etag)


class ApiCacheMiddleware:
    """Serve anonymous GETs of the public APIs from the cache, with ETag and 304.

    Placed right after WhiteNoise so that a cache hit skips sessions, auth and URL routing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        prefixes = _setting("API_CACHE_PREFIXES", ("/api/v1/", "/api/v2/"))
        excluded = _setting("API_CACHE_EXCLUDE", ("/api/v1/preview", "/api/v1/nominations"))
        if path.startswith(tuple(prefixes)) and not path.startswith(tuple(excluded)):
            return serve_cached(request, self.get_response)
        return self.get_response(request)


def api_cache(view):
    """Decorator: the same caching for a single Django view (e.g. outside /api/)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return serve_cached(request, lambda req: view(req, *args, **kwargs))

    return wrapper
