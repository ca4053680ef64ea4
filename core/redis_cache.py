"""Django's Redis cache, made optional: when Redis cannot be reached the site answers without it.

Every cache call that fails to reach Redis (connection refused or reset, timeout, Redis still
loading) is answered as a miss (`get` → default, `add`/`set` → not stored, `incr` → ValueError as
for a missing key) and logged once as a warning; for `RETRY_AFTER` seconds (OPTIONS, default 2)
no call tries Redis again, so requests do not each wait for a connection. The first call after
that which succeeds logs that Redis is back and sends `reachable_again`, on which the response
cache (`core.http_cache`) retires everything stored before the outage (changes made meanwhile
could not move the generation). The response cache sees an unreachable cache as "no
generation" and answers every request without it.

Two more differences from Django's backend:
- one `redis.Redis` client per connection pool (Django builds one per call, about 70 µs — most of
  a cached API answer's own time); the object is a thread-safe wrapper around the shared pool;
- `clear()` deletes this cache's own keys (its KEY_PREFIX) instead of flushing the whole Redis
  database, which other sites or processes may share.
"""

from __future__ import annotations

import logging
import threading
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.dispatch import Signal

logger = logging.getLogger(__name__)

reachable_again = Signal()  # sent with `cache` (the backend) after an outage, before any read
_READS = {"get", "get_many", "has_key"}

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
DEFAULT_RETRY_AFTER = 2.0

# Outages are per Redis location and per process (each thread has its own backend object).
_down_until: dict[str, float] = {}
_down_lock = threading.Lock()


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _missing(name):
    def answer(cache, args, kwargs):
        if name == "get":
            return kwargs.get("default", args[1] if len(args) > 1 else None)
        if name == "incr":
            raise ValueError(f"Key '{args[0] if args else kwargs.get('key')}' not found (cache unreachable).")
        if name == "get_many":
            return {}
        if name == "set_many":
            return list(args[0] if args else kwargs.get("data", {}))
        if name in ("add", "touch", "delete", "has_key"):
            return False
        return None

    return answer


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self._retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._location = ",".join(self._servers)

    # -- outage bookkeeping ----------------------------------------------------------------

    def _available(self) -> bool:
        return _down_until.get(self._location, 0.0) <= time.monotonic()

    def _went_down(self, exc: Exception) -> None:
        with _down_lock:
            first = self._location not in _down_until
            _down_until[self._location] = time.monotonic() + self._retry_after
        if first:
            logger.warning(
                "Redis cache at %s unreachable (%s): answering without the cache, retrying every %g s",
                self._location,
                exc,
                self._retry_after,
            )

    def _came_back(self) -> bool:
        with _down_lock:
            was_down = _down_until.pop(self._location, None) is not None
        if was_down:
            logger.warning("Redis cache at %s reachable again: caching resumed", self._location)
            reachable_again.send(sender=type(self), cache=self)
        return was_down

    def _guarded(self, name, args, kwargs):
        if not self._available():
            return _missing(name)(self, args, kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as exc:
            self._went_down(exc)
            return _missing(name)(self, args, kwargs)
        if self._location in _down_until and self._came_back() and name in _READS:
            # Read again: what was read may be from before the outage, which receivers just retired.
            return self._guarded(name, args, kwargs)
        return result

    def add(self, *args, **kwargs):
        return self._guarded("add", args, kwargs)

    def get(self, *args, **kwargs):
        return self._guarded("get", args, kwargs)

    def set(self, *args, **kwargs):
        return self._guarded("set", args, kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded("touch", args, kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded("delete", args, kwargs)

    def get_many(self, *args, **kwargs):
        return self._guarded("get_many", args, kwargs)

    def has_key(self, *args, **kwargs):
        return self._guarded("has_key", args, kwargs)

    def incr(self, *args, **kwargs):
        return self._guarded("incr", args, kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded("set_many", args, kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded("delete_many", args, kwargs)

    def clear(self):
        """Delete this cache's keys only (Django's backend flushes the whole Redis database)."""
        if not self._available():
            return
        pattern = self.make_key("*", version=None).replace(f":{self.version}:", ":*:", 1)
        try:
            client = self._cache.get_client(write=True)
            batch = []
            for key in client.scan_iter(match=pattern, count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
        except UNREACHABLE as exc:
            self._went_down(exc)
