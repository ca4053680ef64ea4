"""Each test counts in its own rate-limit buckets, without clearing the cache.

The cache may be the shared Redis (REDIS_URL=redis://127.0.0.1:6379/15 with a unique
CACHE_KEY_PREFIX): it is never flushed. A fresh django-ratelimit key prefix per test isolates
the counters instead (deleted one by one after the session), and duplicate-detection keys are
isolated by unique content and expire within minutes.
"""

import socket
import uuid

import pytest

RATELIMIT_TEST_PREFIX = "rl:test-"


@pytest.fixture(autouse=True)
def _own_rate_limit_buckets(settings):
    settings.RATELIMIT_CACHE_PREFIX = f"{RATELIMIT_TEST_PREFIX}{uuid.uuid4().hex}:"
    settings.NOMINATION_DUPLICATE_SECONDS = 300


@pytest.fixture(scope="session", autouse=True)
def _delete_test_counters_from_redis():
    yield
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        pattern = cache.make_key(f"{RATELIMIT_TEST_PREFIX}*")
        for key in client.scan_iter(match=pattern, count=500):
            client.delete(key)


@pytest.fixture
def closed_port():
    """A local TCP port nothing listens on (a dependency that is down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
