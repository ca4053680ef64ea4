"""Redis is optional: while it is down the site answers without the cache, then uses it again.

The Redis here is the test's own (`redis_server` fixture: a `redis-server` on a free port that the
test kills and restarts), never the shared one.
"""

from __future__ import annotations

import logging
import time

import pytest
import redis

from django.core.cache import cache

from tests import factories

pytestmark = pytest.mark.django_db

RETRY_AFTER = 0.5
PAGES = ("/", "/dien-hinh/", "/tim-kiem/?q=r%E1%BA%A1ng+%C4%91%C3%B4ng", "/api/v1/exemplars")


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "test-caching",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0, "RETRY_AFTER": RETRY_AFTER},
        }
    }
    yield redis_server


def _states(client) -> dict[str, str | None]:
    answers = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if url.startswith("/tim-kiem/"):
            assert "Rạng Đông" in response.content.decode()
        answers[url] = response.get("X-Cache")
    return answers


def test_pages_and_api_answer_while_redis_is_down_and_use_it_again_after(client, redis_cache, caplog):
    factories.exemplar("Hợp tác xã Rạng Đông")
    _states(client)
    assert set(_states(client).values()) == {"hit"}, "served from Redis while it is up"

    redis_cache.stop()
    caplog.set_level(logging.WARNING, logger="core.redis_cache")
    started = time.monotonic()
    for _ in range(3):
        assert set(_states(client).values()) == {None}, "answered without the cache, never a 5xx"
    assert time.monotonic() - started < 10, "requests do not each wait for Redis"
    warnings = [r for r in caplog.records if r.name == "core.redis_cache" and r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()

    # A change made while Redis is down shows at once (nothing is cached) …
    gone = factories.exemplar("Tổ hợp tác Tạm Thời")
    assert "Tạm Thời" in client.get("/dien-hinh/").content.decode()
    gone.unpublish()
    assert "Tạm Thời" not in client.get("/dien-hinh/").content.decode()

    redis_cache.start()
    time.sleep(RETRY_AFTER + 0.1)
    assert set(_states(client).values()) == {"miss"}
    assert set(_states(client).values()) == {"hit"}, "the cache is used again once Redis is back"
    assert any("reachable again" in r.getMessage() for r in caplog.records)


def test_every_cache_call_survives_an_outage(redis_cache):
    cache.set("probe", 1)
    assert cache.get("probe") == 1
    redis_cache.stop()
    assert cache.get("probe") is None
    assert cache.get("probe", "default") == "default"
    assert cache.get_many(["probe", "other"]) == {}
    assert cache.add("probe", 2) is False
    assert cache.set("probe", 3) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete("probe") is False
    cache.delete_many(["a", "b"])
    assert cache.has_key("probe") is False
    assert cache.touch("probe") is False
    with pytest.raises(ValueError):
        cache.incr("probe")
    assert cache.get_or_set("probe", lambda: 7) == 7
    cache.clear()


def test_clear_removes_only_this_sites_keys(redis_cache):
    """`cache.clear()` must never flush a Redis database that others share."""
    other = redis.Redis.from_url(redis_cache.url)
    other.set("another-site:1:keep-me", "yes")
    cache.set("mine", "x")
    cache.clear()
    assert cache.get("mine") is None
    assert other.get("another-site:1:keep-me") == b"yes"


def test_changes_made_while_redis_was_unreachable_are_not_hidden_by_old_entries(client, redis_cache):
    """Redis unreachable but not restarted (a network blip): the generation could not move, so
    everything stored before the outage is retired when it comes back."""
    page = factories.exemplar("Tổ hợp tác Mất Kết Nối")
    url = page.url
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    # Make Redis unreachable without losing its data: pause the process.
    redis_cache.process.send_signal(19)  # SIGSTOP
    try:
        page.unpublish()  # the bump cannot reach Redis
    finally:
        redis_cache.process.send_signal(18)  # SIGCONT
    time.sleep(RETRY_AFTER + 0.1)
    assert client.get(url).status_code == 404
