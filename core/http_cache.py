"""One cache for everything anonymous visitors read: API answers, public HTML pages, memos.

Every cached thing is keyed on the *content generation*, a number that anything able to change
what the public sees moves on (publish, unpublish, move, delete, consent, vocabularies, view
restrictions, images, the search index: see `core.invalidation`), and it lives at most until
*time* alone changes what the public sees: the next `expire_at` of a live page (pages stay live
until the `publish_scheduled` cron runs, but `core.visibility` hides them at once) or the next
local midnight (lists of campaigns "running today"). Both are read once per request.

Where the generation lives depends on whether the cache is shared:

- Redis (`REDIS_URL`): in the cache itself, so the generation and an answer are one `MGET`.
- the embedded default (a memory cache in each process): in the database (`core.ContentGeneration`,
  one row moved by an atomic `UPDATE … number + 1` when the change commits), plus a counter of
  this process's own changes, so that a change made by any process (a second worker,
  `publish_scheduled`, an import, `manage.py shell`) shows on every process's next request.

What other code uses:

- `ResponseCacheMiddleware` (installed in settings) serves anonymous GET/HEAD answers from the
  cache, with ETag, 304 and `Cache-Control: public, max-age` (never past the next expiry).
  Nothing is stored for a request with a session cookie or Authorization, a preview, a response
  that is not 200, sets a cookie, used a CSRF token, says `private`/`no-store`/`no-cache`, sets
  its own ETag (it validates itself: see `conditional`), or varies on a header the key does not
  cover. Keys hold the representation chosen (JSON or HTML), never raw headers.
- `conditional(request, response, …)`: the one ETag / Last-Modified / 304 helper.
- `bump_generation()` retires everything; `memo_for_generation()` remembers a value in this
  process and `cache_for_generation()` in the shared cache, both for the current generation and
  never past the next expiry.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import hashlib
import logging
import math
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import F, Min
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from wagtail.models import Page

from .models import ContentGeneration
from .redis_cache import reachable_again

logger = logging.getLogger(__name__)

GENERATION_KEY = "content-generation"
BYPASS_HEADER = "HTTP_X_BENCH_NO_CACHE"
CACHE_HEADER = "X-Cache"
DEFAULT_EXCLUDE = (
    "/admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/api/v1/preview",
    "/api/v1/nominations",
    # Built from code, not content: they need no generation (and are read before any database).
    "/api/v1/openapi.json",
    "/api/v1/docs",
)
# Headers a stored answer never keeps: ours (set again on every answer) and per-connection ones.
_NOT_STORED = {"cache-control", "etag", "x-cache", "expires", "date", "connection", "set-cookie"}
# Request headers a stored answer may vary on: Accept (the key holds the representation chosen),
# Accept-Language (the key holds the language chosen), Cookie (only requests without a session
# cookie are answered from the cache) and Origin (CORS headers are added outside the cache).
_VARY_COVERED = {"accept", "accept-language", "cookie", "origin"}
_MEDIA_TYPES = {"json": "application/json", "html": "text/html"}
_CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


def _setting(name: str, default):
    return getattr(settings, name, default)


_SETTINGS = {
    "API_CACHE_ALLOW_BYPASS": False,
    "API_CACHE_MAX_AGE": 60,
    "API_CACHE_TIMEOUT": 600,
    "RESPONSE_CACHE_EXCLUDE": DEFAULT_EXCLUDE,
}
_settings_memo: dict | None = None


def _config() -> dict:
    """The settings a cached answer reads, read once (a LazySettings lookup costs ~1.5 µs, and a
    cached answer reads several); tests that change them reset this (`setting_changed`)."""
    global _settings_memo
    if _settings_memo is None:
        found = {name: _setting(name, default) for name, default in _SETTINGS.items()}
        found["RESPONSE_CACHE_EXCLUDE"] = tuple(found["RESPONSE_CACHE_EXCLUDE"])
        found["SESSION_COOKIE_NAME"] = settings.SESSION_COOKIE_NAME
        found["MANY_LANGUAGES"] = len(settings.LANGUAGES) > 1
        _settings_memo = found
    return _settings_memo


def _clock() -> int:
    return int(time.time() * 1000)


# -- where the generation lives ---------------------------------------------------------------

_database_store_flag: bool | None = None


def database_store() -> bool:
    """Whether the generation lives in the database: when the cache is not shared between
    processes (memory or dummy cache). `CONTENT_GENERATION_STORE = "database" | "cache"`
    overrides the choice."""
    global _database_store_flag
    if _database_store_flag is None:
        choice = _setting("CONTENT_GENERATION_STORE", "auto")
        if choice == "auto":
            _database_store_flag = isinstance(caches["default"], LocMemCache | DummyCache)
        else:
            _database_store_flag = choice == "database"
    return _database_store_flag


def _settings_changed(setting, **kwargs):
    global _database_store_flag, _valid_until_memo, _settings_memo
    _settings_memo = None
    if setting in ("CACHES", "CONTENT_GENERATION_STORE"):  # tests switch caches
        _database_store_flag = None
        _valid_until_memo = None
        _count_local_change()
        clear_memo()


setting_changed.connect(_settings_changed, dispatch_uid="core-http-cache-settings")


def _cache_reachable_again(sender, cache, **kwargs):
    # Changes made while Redis was unreachable could not move the generation: retire everything.
    if cache is caches["default"]:
        _bump_cache()
        clear_memo()


reachable_again.connect(_cache_reachable_again, dispatch_uid="core-http-cache-redis-back")

# This process's own changes, counted: part of the generation with the database store, so a
# change shows in this process at once, even before it commits (the database row moves on commit).
_local_changes = 0
_local_lock = threading.Lock()


def _count_local_change() -> None:
    global _local_changes
    with _local_lock:
        _local_changes += 1


_number_sql: str | None = None


def _database_number() -> int:
    global _number_sql
    db = connections[DEFAULT_DB_ALIAS]
    if _number_sql is None:
        _number_sql = f"SELECT number FROM {db.ops.quote_name(ContentGeneration._meta.db_table)} WHERE id = 1"  # noqa: S608
    if db.vendor == "sqlite":
        # Read for every cached answer: straight from sqlite3 rather than through Django's two
        # cursor wrappers (a third of a cached answer's time). SQLite has no broken connection
        # for the wrappers to notice; other databases go through them.
        db.ensure_connection()
        row = db.connection.execute(_number_sql).fetchone()
    else:
        with db.cursor() as cursor:
            cursor.execute(_number_sql)
            row = cursor.fetchone()
    if row is not None:
        return row[0]
    # The row is gone (a flushed database): start again from the clock, never from a used number.
    return ContentGeneration.objects.get_or_create(pk=1, defaults={"number": _clock()})[0].number


def _bump_database() -> None:
    if not ContentGeneration.objects.filter(pk=1).update(number=F("number") + 1):
        ContentGeneration.objects.get_or_create(pk=1, defaults={"number": _clock()})
    _count_local_change()


def _bump_cache() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter (never set, evicted, or the cache is unreachable)
        cache.set(GENERATION_KEY, _clock(), timeout=None)


def _cache_token(value) -> str | None:
    """The generation from the shared cache; None when the cache cannot be reached."""
    if value is None:
        # The counter was lost (flushed or evicted): a new one starts from the clock, and this
        # process forgets its memos in case the clock lands on a number seen before.
        cache.add(GENERATION_KEY, _clock(), timeout=None)
        value = cache.get(GENERATION_KEY)
        if value is None:
            return None
        clear_memo()
    return str(value)


def _read_token() -> str | None:
    if database_store():
        return f"{_database_number()}.{_local_changes}"
    return _cache_token(cache.get(GENERATION_KEY))


# -- the generation of the current request ------------------------------------------------------

# Set by the middleware for the length of a request, so that everything asking during it (the
# response cache, memos, the search engine) reads the generation once.
_request_state: contextvars.ContextVar[dict | None] = contextvars.ContextVar("content_generation", default=None)


def current_generation() -> str | None:
    """The content generation, read once per request; None when the shared cache is unreachable
    (then nothing is cached or memoised)."""
    state = _request_state.get()
    if state is not None and "token" in state:
        return state["token"]
    token = _read_token()
    if state is not None:
        state["token"] = token
    return token


def _on_commit_once(func) -> None:
    """Run `func` when the current transaction commits (at once outside one), once per transaction
    however many changes ask (a rebuild of the search index saves thousands of rows)."""
    conn = transaction.get_connection()
    if not conn.in_atomic_block:
        func()
        return
    pending = conn.run_on_commit
    registered = getattr(conn, "_content_generation_hooks", None)
    if registered is None or registered[0] is not pending:
        # Django replaces the list when it runs it or rolls back, which retires this record.
        registered = conn._content_generation_hooks = (pending, set())
    if func not in registered[1]:
        registered[1].add(func)
        transaction.on_commit(func, robust=True)


def bump_generation() -> None:
    """Retire every cached answer, memo and count.

    With the database store: at once in this process, and for every process when the
    transaction commits (readers in other processes see the old rows until then). With the shared
    cache: at once and again when the transaction commits (a request served in between may have
    cached the old rows under the new generation).
    """
    state = _request_state.get()
    if state is not None:
        state.clear()
    if database_store():
        _count_local_change()
        _on_commit_once(_bump_database)
    else:
        _bump_cache()
        _on_commit_once(_bump_cache)


def invalidate_this_process() -> None:
    """Retire this process's memos and cached answers without touching the database (tests call it
    between transactions that are rolled back, which would otherwise repeat a generation)."""
    _count_local_change()
    clear_memo()
    global _valid_until_memo
    _valid_until_memo = None
    if not database_store():
        _bump_cache()


# -- when time alone changes what is public ---------------------------------------------------------

_valid_until_memo: tuple[str, float] | None = None


def _next_midnight(now: float) -> float:
    local = timezone.localtime(datetime.datetime.fromtimestamp(now, tz=datetime.UTC))
    tomorrow = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(tomorrow, local.tzinfo).timestamp()


def _next_change(now: float) -> float:
    """The next time at which time alone changes what the public sees: a live page reaching its
    `expire_at` (`core.visibility` hides it from then on) or the next local midnight."""
    first = Page.objects.filter(live=True, expire_at__gt=datetime.datetime.fromtimestamp(now, tz=datetime.UTC))
    first = first.aggregate(first=Min("expire_at"))["first"]
    return min(first.timestamp() if first else math.inf, _next_midnight(now))


def valid_until(token: str) -> float:
    """Until when (epoch seconds) anything computed for generation `token` may be used: computed
    once per generation per process, and again once that moment has passed."""
    global _valid_until_memo
    now = time.time()
    memo = _valid_until_memo
    if memo is not None and memo[0] == token and now < memo[1]:
        return memo[1]
    value = _next_change(now)
    _valid_until_memo = (token, value)
    return value


def generation_state() -> tuple[str, float] | None:
    """(generation, valid until) for the current request; None when the shared cache is down."""
    token = current_generation()
    if token is None:
        return None
    state = _request_state.get()
    if state is not None and state.get("for") == token:
        return token, state["valid_until"]
    until = valid_until(token)
    if state is not None:
        state.update({"for": token, "valid_until": until})
    return token, until


# -- memos ------------------------------------------------------------------------------------------------

MEMO_TTL = 60.0
MEMO_MAX_ENTRIES = 5000
_memo: dict = {}
_memo_lock = threading.Lock()


def memo_for_generation(key, compute, request=None, ttl: float = MEMO_TTL):
    """`compute()`, remembered in this process for the current content generation, at most `ttl`
    seconds and never past the next expiry (see `valid_until`).

    For values that many requests need and only content changes can change (the Site of a
    hostname, the places with their paths, the count of a list).
    """
    if request is not None and getattr(request, "_no_memo", False):
        return compute()
    state = generation_state()
    if state is None:
        return compute()
    token, until = state
    now = time.time()
    found = _memo.get(key)
    if found is not None and found[0] == token and now < found[1]:
        return found[2]
    value = compute()
    with _memo_lock:
        if len(_memo) >= MEMO_MAX_ENTRIES:
            _memo.clear()
        _memo[key] = (token, min(now + ttl, until), value)
    return value


def clear_memo() -> None:
    with _memo_lock:
        _memo.clear()


def cache_for_generation(key: str, compute, timeout: float):
    """`compute()`, kept in the cache (shared with Redis) for the current content generation, at
    most `timeout` seconds and never past the next expiry. For values worth sharing between
    processes (search facet counts and labels)."""
    state = generation_state()
    if state is None or timeout <= 0:
        return compute()
    token, until = state
    remaining = min(timeout, until - time.time())
    if remaining < 1:
        return compute()
    full_key = f"{key}:{token}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, int(remaining))
    return value


# -- ETag and conditional requests --------------------------------------------------------------------


def etag_for(content: bytes) -> str:
    """A strong ETag for these bytes."""
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def conditional(request, response: HttpResponse, *, etag: str | None = None, last_modified=None) -> HttpResponse:
    """Give `response` its validators (an ETag of its bytes unless given; Last-Modified when given,
    a datetime) and answer If-None-Match / If-Modified-Since (and If-Match / If-Unmodified-Since)
    with Django's RFC 9110 rules: 304 for GET and HEAD, 412 otherwise."""
    if etag is None:
        etag = etag_for(response.content)
    response["ETag"] = etag
    stamp = None
    if last_modified is not None:
        stamp = int(last_modified.timestamp())
        response["Last-Modified"] = http_date(stamp)
    if not any(name in request.META for name in _CONDITIONAL_HEADERS):
        return response
    return get_conditional_response(request, etag=etag, last_modified=stamp, response=response)


# -- the response cache ---------------------------------------------------------------------------------


def _quality(ranges: list[tuple[str, float]], media: str) -> float:
    main = media.split("/", 1)[0]
    best = (-1, 0.0)
    for name, q in ranges:
        specificity = 2 if name == media else 1 if name == f"{main}/*" else 0 if name == "*/*" else -1
        if specificity > best[0]:
            best = (specificity, q)
    return best[1]


@functools.lru_cache(maxsize=512)
def representation_for(accept: str) -> str:
    """The representation an `Accept` header prefers: "json" (also for none or `*/*`, as the
    APIs answer), "html", or "other" when it accepts neither (then only an answer that does not
    vary on Accept is stored for it)."""
    if not accept.strip():
        return "json"
    ranges = []
    for part in accept.split(","):
        name, _, params = part.partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((name.strip().lower(), q))
    json_q, html_q = _quality(ranges, _MEDIA_TYPES["json"]), _quality(ranges, _MEDIA_TYPES["html"])
    if json_q > 0 and json_q >= html_q:
        return "json"
    return "html" if html_q > 0 else "other"


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # Anonymous only: a session cookie may mean a signed-in editor, so never share their answer.
    config = _config()
    if config["SESSION_COOKIE_NAME"] in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    bypass = config["API_CACHE_ALLOW_BYPASS"] and request.META.get(BYPASS_HEADER)
    if bypass == "all":  # benchmarks only: the per-generation memos are skipped too
        request._no_memo = True
    return not bypass


def _cache_key(request, representation: str) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        representation,
    ]
    if _config()["MANY_LANGUAGES"]:
        parts.append(translation.get_language_from_request(request))
    return "resp:v2:" + hashlib.blake2b("|".join(parts).encode(), digest_size=20).hexdigest()


def _lookup(key: str) -> tuple[str | None, tuple | None]:
    """The current generation and the entry stored under `key` (one round trip with Redis)."""
    if database_store():
        return current_generation(), cache.get(key)
    found = cache.get_many([GENERATION_KEY, key])
    token = _cache_token(found.get(GENERATION_KEY))
    state = _request_state.get()
    if state is not None:
        state["token"] = token
    return token, found.get(key)


def _finish(request, response: HttpResponse, etag: str, until: float, now: float) -> HttpResponse:
    max_age = max(0, min(_config()["API_CACHE_MAX_AGE"], int(until - now)))
    response["Cache-Control"] = f"public, max-age={max_age}"
    return conditional(request, response, etag=etag)


def _vary(response) -> set[str]:
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}


def _storable(request, response: HttpResponse, representation: str) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A CSRF token in the page (Django marks the request and sets the cookie) or a preview.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("no-store", "private", "no-cache")):
        return False
    # A view that sets its own ETag manages its own validation (e.g. the radio scripts).
    if "ETag" in response:
        return False
    vary = _vary(response)
    if vary - _VARY_COVERED:
        return False
    if "accept" in vary:
        # The view negotiated: keep its answer only under the representation it rendered.
        media_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        return media_type == _MEDIA_TYPES.get(representation)
    return True


def serve_cached(request, get_response):
    """Answer `request` from the cache, or through `get_response` and store the answer."""
    representation = representation_for(request.META.get("HTTP_ACCEPT", ""))
    if not _cacheable_request(request):
        return get_response(request)
    key = _cache_key(request, representation)
    try:
        token, entry = _lookup(key)
    except Exception as exc:  # any cache backend that fails: the cache is optional, never fatal
        logger.warning("Response cache unavailable (%s): answering without it", type(exc).__name__)
        token = None
    if token is None:  # the shared cache is unreachable: answer without it
        return get_response(request)
    now = time.time()
    if entry is not None and entry[0] == token and now < entry[1]:
        _, until, status, headers, content, etag = entry
        response = HttpResponse(content, status=status)
        # Headers as the original response held them (validated then): copied, not re-validated.
        response.headers._store.update(headers)
        response[CACHE_HEADER] = "hit"
        return _finish(request, response, etag, until, now)
    until = valid_until(token)
    response = get_response(request)
    if not _storable(request, response, representation):
        return response
    content = response.content
    etag = etag_for(content)
    timeout = min(_config()["API_CACHE_TIMEOUT"], until - now)
    if timeout >= 1:
        headers = {key: pair for key, pair in response.headers._store.items() if key not in _NOT_STORED}
        try:
            cache.set(key, (token, until, response.status_code, headers, content, etag), int(timeout))
        except Exception as exc:  # not stored; the answer itself is fine
            logger.warning("Response cache unavailable (%s): answer not stored", type(exc).__name__)
    response[CACHE_HEADER] = "miss"
    return _finish(request, response, etag, until, now)


class ResponseCacheMiddleware:
    """Serve anonymous GET/HEAD answers (APIs and public pages) from the cache, with ETag and 304.

    Placed right after WhiteNoise so that a cache hit skips sessions, auth and URL routing.
    Paths under `RESPONSE_CACHE_EXCLUDE` (admin, documents, media, previews, the nomination API)
    are never looked up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _request_state.set({})
        try:
            if request.path_info.startswith(_config()["RESPONSE_CACHE_EXCLUDE"]):
                return self.get_response(request)
            return serve_cached(request, self.get_response)
        finally:
            _request_state.reset(reset)
