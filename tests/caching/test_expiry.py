"""No cached answer outlives the expiry of a page it shows, even before `publish_scheduled` runs."""

from __future__ import annotations

import datetime
import time

import pytest

from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

LEAD = 8.0  # seconds between publishing and expiry: enough to warm every surface on a slow machine


def test_an_expiring_page_leaves_every_cached_surface_when_its_expiry_passes(client):
    factories.exemplar("Hợp tác xã Bền Vững")  # stays: the lists do not become empty
    expiry = timezone.now() + datetime.timedelta(seconds=LEAD)
    leaving = factories.exemplar("Tổ hợp tác Hết Hạn", expire_at=expiry)
    assert leaving.live and leaving.expire_at == expiry

    surfaces = {
        "HTML profile": leaving.url,
        "HTML list": "/dien-hinh/",
        "HTML search": "/tim-kiem/?q=h%E1%BA%BFt+h%E1%BA%A1n",
        "API v1 list": "/api/v1/exemplars",
        "API v2 pages": "/api/v2/pages/?type=exemplars.ExemplarPage",
        "API v1 search": "/api/v1/search?q=h%E1%BA%BFt+h%E1%BA%A1n",
    }
    for name, url in surfaces.items():
        first = client.get(url)
        assert first.status_code == 200 and "Hết Hạn" in first.content.decode(), name
        second = client.get(url)
        assert second["X-Cache"] == "hit", f"{name} is served from the cache before the expiry"
        max_age = int(second["Cache-Control"].rsplit("=", 1)[1])
        assert max_age <= (expiry - timezone.now()).total_seconds() + 1, f"{name}: browsers and CDNs keep it too long"
    assert timezone.now() < expiry, "the machine was too slow to warm every surface before the expiry"

    time.sleep((expiry - timezone.now()).total_seconds() + 0.3)

    still_shown = []
    for name, url in surfaces.items():
        response = client.get(url)
        # The cache is never the reason: whatever was stored before the expiry is not served.
        assert response.get("X-Cache") != "hit", f"{name}: a cached answer outlived the expiry"
        if response.status_code == 200 and "Hết Hạn" in response.content.decode():
            still_shown.append(name)
    # Surfaces that already ask core.visibility drop the page at once.
    assert not {"HTML list", "API v1 list", "API v2 pages"} & set(still_shown), still_shown
    if still_shown:
        pytest.xfail(
            f"{', '.join(still_shown)} still show an expired page when computed afresh: their queries do not "
            "ask core.visibility yet (the visibility branch makes them; this branch's cache is not the reason)"
        )


def test_cached_answers_end_with_the_next_expiry_then_cache_again(client):
    """Once the expiry has passed, answers are cached again until the next one."""
    later = factories.exemplar("Tổ hợp tác Còn Lâu", expire_at=timezone.now() + datetime.timedelta(days=2))
    soon = timezone.now() + datetime.timedelta(seconds=LEAD)
    factories.exemplar("Tổ hợp tác Sắp Hết Hạn", expire_at=soon)
    assert client.get("/api/v1/exemplars").json()["count"] == 2
    hit = client.get("/api/v1/exemplars")
    assert timezone.now() < soon, "the machine was too slow to warm the cache before the expiry"
    assert hit["X-Cache"] == "hit"
    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.3)
    after = client.get("/api/v1/exemplars")
    assert after["X-Cache"] == "miss" and after.json()["count"] == 1
    again = client.get("/api/v1/exemplars")
    assert again["X-Cache"] == "hit" and [item["name"] for item in again.json()["results"]] == [later.title]
    local = timezone.localtime()
    midnight = (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    expected = min(60, (midnight - local).total_seconds())  # the next change is midnight, not a page
    assert abs(int(again["Cache-Control"].rsplit("=", 1)[1]) - expected) <= 2
