"""The nomination limit, on the real cache: atomic under a concurrent flood, keyed on the client
address behind the trusted proxies, one rule for both doors, and one stored copy of an identical
resubmission. Runs on Django's memory cache, and on Redis with
REDIS_URL=redis://127.0.0.1:6379/15 CACHE_KEY_PREFIX=<unique> (nothing here clears the cache)."""

import threading
import uuid

import pytest

from django.db import connection
from django.test import Client, RequestFactory

from exemplars.nominations import Nomination, check_rate

API = "/api/v1/nominations"
FORM = "/gioi-thieu-guong/"


@pytest.fixture(autouse=True)
def _private_photos(settings, tmp_path):
    settings.NOMINATION_PHOTO_ROOT = tmp_path / "nominations"


def _payload(tag: str, **changes):
    data = {
        "subject_name": f"Ông Lê Văn Biển {tag}",
        "subject_kind": "individual",
        "place_text": "thôn Tây",
        "what": f"Ông cứu ba ngư dân gặp nạn trên biển trong cơn bão số 5 ({tag}).",
        "when": "tháng 10/2025",
        "nominator_name": "Phạm Thị Hoa",
        "nominator_phone": "0905 111 222",
        "consent_statement": True,
    }
    data.update(changes)
    return data


def _form(tag: str, **changes):
    return {key: ("on" if value is True else value) for key, value in _payload(tag, **changes).items()}


def _address() -> str:
    """A different client address per test: no test shares a bucket with another."""
    n = uuid.uuid4().int
    return f"10.{n % 250}.{(n >> 8) % 250}.{(n >> 16) % 250 + 1}"


def _post(client, tag, **extra):
    return client.post(API, _payload(tag), content_type="application/json", **extra)


def _flood(requests):
    """Run the callables all at once from their own threads; return their results."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_a_concurrent_flood_of_forty_gets_no_more_than_the_limit(settings):
    """The limiter itself, on the real cache, with no database in the way (SQLite's in-memory
    test database cannot take concurrent writers; the end-to-end flood runs on PostgreSQL)."""
    settings.NOMINATION_RATE_LIMIT = (5, 3600)
    address = _address()
    factory = RequestFactory()
    decisions = _flood([lambda: check_rate(factory.post(API, REMOTE_ADDR=address)) for _ in range(40)])
    assert sum(d.allowed for d in decisions) == 5
    assert all(0 < d.retry_after <= 3600 for d in decisions if not d.allowed)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_concurrent_flood_through_both_doors_stores_no_more_than_the_limit(settings):
    settings.NOMINATION_RATE_LIMIT = (5, 3600)
    address = _address()
    run = uuid.uuid4().hex[:8]

    def api(n):
        return lambda: _post(Client(), f"{run}-{n}", REMOTE_ADDR=address).status_code

    def form(n):
        return lambda: Client().post(FORM, _form(f"{run}-{n}"), REMOTE_ADDR=address).status_code

    # Both doors at once: one counter per address for the API and the HTML form.
    statuses = _flood([api(n) if n % 2 else form(n) for n in range(40)])
    accepted = [s for s in statuses if s in (201, 302)]
    assert len(accepted) == 5, statuses
    assert statuses.count(429) == 35, statuses
    assert Nomination.objects.filter(subject_name__contains=run).count() == 5


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_citizen_has_a_bucket(client, settings):
    settings.NOMINATION_RATE_LIMIT = (2, 3600)
    settings.TRUSTED_PROXY_COUNT = 1
    proxy, run = _address(), uuid.uuid4().hex[:8]
    first, second = _address(), _address()
    # The left entry is forged by the client; the proxy appended the real address on the right.
    assert _post(client, f"{run}-1", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"8.8.8.8, {first}").status_code == 201
    assert _post(client, f"{run}-2", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"9.9.9.9, {first}").status_code == 201
    assert _post(client, f"{run}-3", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"7.7.7.7, {first}").status_code == 429
    # Another citizen behind the same proxy still gets through.
    assert _post(client, f"{run}-4", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=second).status_code == 201


@pytest.mark.django_db
def test_without_trusted_proxies_forwarded_for_is_ignored(client, settings):
    settings.NOMINATION_RATE_LIMIT = (2, 3600)
    address, run = _address(), uuid.uuid4().hex[:8]
    statuses = [
        _post(client, f"{run}-{n}", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=_address()).status_code for n in range(3)
    ]
    assert statuses == [201, 201, 429]


@pytest.mark.django_db
def test_an_identical_resubmission_answers_with_the_first_reference(client, settings):
    settings.NOMINATION_RATE_LIMIT = (100, 3600)
    tag = uuid.uuid4().hex[:8]
    first = _post(client, tag, REMOTE_ADDR=_address())
    assert first.status_code == 201
    again = _post(client, tag, REMOTE_ADDR=_address())  # even from another address (mobile networks)
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
    assert "đã nhận giới thiệu này trước đó" in again.json()["message"]
    # The HTML form door gives the same reference on its thank-you page.
    response = client.post(FORM, _form(tag), REMOTE_ADDR=_address(), follow=True)
    assert first.json()["reference"] in response.content.decode()
    assert Nomination.objects.filter(subject_name__contains=tag).count() == 1
    # A different nomination is stored as usual.
    assert _post(client, tag, REMOTE_ADDR=_address(), **{}).status_code == 200
    other = client.post(
        API, _payload(tag, what="Một việc tốt khác hẳn, được kể lại đủ dài."), content_type="application/json"
    )
    assert other.status_code == 201 and other.json()["reference"] != first.json()["reference"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_identical_submissions_arriving_together_are_stored_once(settings):
    settings.NOMINATION_RATE_LIMIT = (100, 3600)
    tag = uuid.uuid4().hex[:8]
    results = _flood([lambda: _post(Client(), tag, REMOTE_ADDR=_address()) for _ in range(10)])
    assert sorted(r.status_code for r in results) == [200] * 9 + [201]
    assert len({r.json()["reference"] for r in results}) == 1
    assert Nomination.objects.filter(subject_name__contains=tag).count() == 1


@pytest.mark.django_db
def test_an_unreachable_cache_degrades_the_limit_but_keeps_the_door_open(client, settings, closed_port):
    settings.NOMINATION_RATE_LIMIT = (1, 3600)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
        }
    }
    address, tag = _address(), uuid.uuid4().hex[:8]
    assert _post(client, f"{tag}-1", REMOTE_ADDR=address).status_code == 201
    assert _post(client, f"{tag}-2", REMOTE_ADDR=address).status_code == 201
    assert Nomination.objects.filter(subject_name__contains=tag).count() == 2
