"""ETag, 304, Cache-Control, invalidation on publish/consent, and CORS — with real requests."""

import json
import urllib.request
from urllib.error import HTTPError

import pytest

from tests import factories


@pytest.mark.django_db
def test_anonymous_get_has_etag_and_answers_304(client):
    factories.exemplar("Tổ hợp tác đánh cá")
    first = client.get("/api/v1/exemplars")
    assert first.status_code == 200
    etag = first["ETag"]
    assert first["Cache-Control"].startswith("public, max-age=")
    assert first["X-Cache"] == "miss"
    second = client.get("/api/v1/exemplars")
    assert second["X-Cache"] == "hit" and second["ETag"] == etag
    assert second.content == first.content
    not_modified = client.get("/api/v1/exemplars", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert client.get("/api/v1/exemplars", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    v2 = client.get("/api/v2/pages/")
    assert v2["ETag"] and client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=v2["ETag"]).status_code == 304


@pytest.mark.django_db
def test_publishing_invalidates_the_cache(client):
    page = factories.exemplar("Tên cũ")
    before = client.get("/api/v1/exemplars")
    assert "Tên cũ" in before.content.decode()
    page = page.specific
    page.title = "Tên mới"
    page.save_revision().publish()
    after = client.get("/api/v1/exemplars", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Tên mới" in after.content.decode()
    assert after["ETag"] != before["ETag"]
    v2 = client.get(f"/api/v2/pages/{page.pk}/")
    assert v2.json()["title"] == "Tên mới"


@pytest.mark.django_db
def test_unpublish_and_consent_withdrawal_invalidate_the_cache(client):
    person = factories.exemplar("Người tốt", kind="individual")
    other = factories.exemplar("Tập thể tốt")
    assert client.get("/api/v1/exemplars").json()["count"] == 2
    factories.withdraw_consent(person)
    assert client.get("/api/v1/exemplars").json()["count"] == 1
    assert client.get(f"/api/v1/exemplars/{person.slug}").status_code == 404
    other.unpublish()
    assert client.get("/api/v1/exemplars").json()["count"] == 0


@pytest.mark.django_db
def test_errors_and_logged_in_requests_are_not_cached(client, django_user_model):
    assert client.get("/api/v1/exemplars?limit=100").status_code == 400
    assert "ETag" not in client.get("/api/v1/exemplars?limit=100")
    user = django_user_model.objects.create_user("bientapvien", password="mat-khau-dai-123")
    client.force_login(user)
    response = client.get("/api/v1/exemplars")
    assert response.status_code == 200 and "X-Cache" not in response


def test_etag_and_invalidation_through_a_live_server(migrated_db, live_server):
    """The same through a real HTTP server (transactions commit, signals run on commit)."""
    page = factories.exemplar("Hợp tác xã thử nghiệm")
    url = f"{live_server.url}/api/v1/exemplars/{page.slug}"
    with urllib.request.urlopen(url) as response:
        etag = response.headers["ETag"]
        assert json.load(response)["name"] == "Hợp tác xã thử nghiệm"
    request = urllib.request.Request(url, headers={"If-None-Match": etag})
    with pytest.raises(HTTPError) as error:
        urllib.request.urlopen(request)
    assert error.value.code == 304
    page = page.specific
    page.title = "Hợp tác xã đổi tên"
    page.save_revision().publish()
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
        assert json.load(response)["name"] == "Hợp tác xã đổi tên"


@pytest.mark.django_db
def test_cors_for_configured_origins_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://cong.quangngai.gov.vn"]
    allowed = client.get("/api/v1/fields", HTTP_ORIGIN="https://cong.quangngai.gov.vn")
    assert allowed["Access-Control-Allow-Origin"] == "https://cong.quangngai.gov.vn"
    assert "Origin" in allowed["Vary"]
    cached = client.get("/api/v1/fields", HTTP_ORIGIN="https://cong.quangngai.gov.vn")
    assert cached["Access-Control-Allow-Origin"] == "https://cong.quangngai.gov.vn"
    other = client.get("/api/v1/fields", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN="https://cong.quangngai.gov.vn", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/dien-hinh/", HTTP_ORIGIN="https://cong.quangngai.gov.vn")


@pytest.mark.django_db
def test_list_counts_stay_exact_across_pages_publishing_and_scheduled_expiry(client):
    """Counts are computed once per content generation for the same filters (paging through a
    list counts once); publishing changes them at once, and so does a page's expiry time passing
    even though nothing bumps the generation then (publish_scheduled has not run yet)."""
    import datetime
    import time

    from django.utils import timezone

    from wagtail.models import Page

    first = factories.exemplar("Tổ đoàn kết số một")
    factories.exemplar("Tổ đoàn kết số hai")

    def page_of_list(offset):
        response = client.get(f"/api/v1/exemplars?limit=1&offset={offset}")
        assert response.status_code == 200
        return response.json()

    assert [page_of_list(0)["count"], page_of_list(1)["count"]] == [2, 2]
    factories.exemplar("Tổ đoàn kết số ba")
    assert page_of_list(2)["count"] == 3

    expiry = timezone.now() + datetime.timedelta(seconds=1.5)
    Page.objects.filter(pk=first.pk).update(expire_at=expiry)  # as if published with an expiry
    from core.http_cache import bump_generation

    bump_generation()
    assert page_of_list(0)["count"] == 3
    time.sleep(max(0.0, (expiry - timezone.now()).total_seconds()) + 0.2)
    after = client.get("/api/v1/exemplars?limit=50").json()
    assert after["count"] == 2
    assert "Tổ đoàn kết số một" not in [item["name"] for item in after["results"]]
