"""Public HTML pages from the response cache: what an anonymous visitor gets, and what they never get."""

from __future__ import annotations

import re

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from exemplars.consent import withdraw_consent
from exemplars.models import ConsentRecord
from home.models import AboutPage
from tests import factories

pytestmark = pytest.mark.django_db


def _about():
    page = AboutPage(title="Giới thiệu Gương Sáng", slug="gioi-thieu", lead="<p>Trang giới thiệu.</p>")
    factories.home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def _warm(client, url):
    """Two anonymous requests: the first computes and stores the page, the second is served from
    the cache with the same bytes and ETag."""
    first = client.get(url)
    assert first.status_code == 200, url
    assert first["X-Cache"] == "miss", url
    second = client.get(url)
    assert second["X-Cache"] == "hit", url
    assert second.content == first.content and second["ETag"] == first["ETag"]
    return second


def test_public_pages_are_cached_with_etag_304_and_cache_control(client):
    person = factories.exemplar("Nguyễn Thị Lành", kind="individual")
    campaign = factories.campaign("Phong trào biển đảo xanh", exemplars=[person])
    story = factories.story("Cứu ngư dân gặp nạn", exemplars=[person])
    about = _about()
    urls = [
        "/",
        "/dien-hinh/",
        person.url,
        "/phong-trao/",
        campaign.url,
        "/viec-tot/",
        story.url,
        about.url,
        "/tim-kiem/?q=l%C3%A0nh",
        "/dien-hinh/?kind=individual",
    ]
    for url in urls:
        hit = _warm(client, url)
        assert hit["Content-Type"].startswith("text/html")
        assert hit["Cache-Control"].startswith("public, max-age=")
        assert 0 < int(hit["Cache-Control"].rsplit("=", 1)[1]) <= 60
        assert hit["X-Frame-Options"] == "SAMEORIGIN", "headers of the page are kept with it"
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=hit["ETag"])
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert client.head(url)["ETag"] == hit["ETag"]
    # The search page is keyed by its query string.
    other = client.get("/tim-kiem/?q=bi%E1%BB%83n")
    assert other["X-Cache"] == "miss" and "Phong trào biển đảo xanh" in other.content.decode()


def test_a_cached_profile_disappears_at_once_when_unpublished(client):
    person = factories.exemplar("Tổ hợp tác Rạng Đông")
    _warm(client, person.url)
    _warm(client, "/dien-hinh/")
    person.unpublish()
    assert client.get(person.url).status_code == 404
    assert "Tổ hợp tác Rạng Đông" not in client.get("/dien-hinh/").content.decode()
    assert "Tổ hợp tác Rạng Đông" not in client.get("/").content.decode()


def test_a_cached_profile_disappears_at_once_when_consent_is_withdrawn(client, admin_user):
    person = factories.exemplar("Võ Văn Thiện", kind="individual")
    _warm(client, person.url)
    _warm(client, "/dien-hinh/")
    _warm(client, "/tim-kiem/?q=thi%E1%BB%87n")
    withdraw_consent(ConsentRecord.objects.get(page=person), admin_user, note="Gia đình xin rút lại.")
    assert client.get(person.url).status_code == 404
    assert "Võ Văn Thiện" not in client.get("/dien-hinh/").content.decode()
    assert "Võ Văn Thiện" not in client.get("/tim-kiem/?q=thi%E1%BB%87n").content.decode()


def test_pages_are_never_cached_for_a_signed_in_user(client, admin_user):
    person = factories.exemplar("Hợp tác xã Thành Công")
    _warm(client, person.url)
    client.force_login(admin_user)
    for _ in range(2):
        response = client.get(person.url)
        assert response.status_code == 200
        assert "X-Cache" not in response, "a signed-in user's page is computed for them"
        assert "wagtail-userbar" in response.content.decode(), "they see the editor's bar, not the visitors' page"
    client.logout()
    anonymous = client.get(person.url)
    assert anonymous["X-Cache"] == "hit" and "wagtail-userbar" not in anonymous.content.decode()


def test_pages_with_a_csrf_token_are_never_cached(client):
    """The nomination form and a password-protected page's form carry a CSRF token: each visitor
    gets their own token and cookie, never someone else's."""
    private = factories.exemplar("Tập thể có mật khẩu")
    factories.make_private(private)
    for url in ("/gioi-thieu-guong/", private.url):
        tokens = set()
        for _ in range(2):
            client.cookies.clear()
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response, url
            assert "csrftoken" in response.cookies, url
            tokens.update(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()))
        assert len(tokens) == 2, f"{url}: each visitor gets a fresh CSRF token"


def test_a_preview_is_never_cached_and_never_leaks(client, admin_user):
    about = _about()
    _warm(client, about.url)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])
    data = nested_form_data(
        {
            "title": "Giới thiệu (bản nháp)",
            "slug": about.slug,
            "lead": rich_text("<p>Đoạn mở đầu nháp chưa duyệt.</p>"),
            "body": streamfield([("paragraph", rich_text("<p>Đoạn văn nháp.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    for _ in range(2):
        preview = client.get(url)
        assert preview.status_code == 200 and "Đoạn mở đầu nháp chưa duyệt." in preview.content.decode()
        assert "X-Cache" not in preview
    client.logout()
    for _ in range(2):
        public = client.get(about.url).content.decode()
        assert "Trang giới thiệu." in public and "nháp" not in public


def test_errors_and_bad_input_are_not_cached(client):
    for url in ("/dien-hinh/khong-co-ai/", "/dien-hinh/?kind=khong-hop-le"):
        first = client.get(url)
        assert first.status_code in (400, 404)
        assert client.get(url).get("X-Cache") is None


def test_the_cache_key_holds_the_representation_not_the_raw_accept_header(client):
    factories.exemplar("Tổ đoàn kết Hòa Bình")
    json_accepts = [
        "application/json",
        "application/json, text/plain, */*",
        "*/*",
        "",
        "application/json;q=0.9, text/html;q=0.5",
        *[f"application/json, application/x-test-{i};q=0.1" for i in range(20)],
    ]
    first = client.get("/api/v1/exemplars", HTTP_ACCEPT=json_accepts[0])
    assert first["X-Cache"] == "miss"
    for accept in json_accepts[1:]:
        response = client.get("/api/v1/exemplars", HTTP_ACCEPT=accept)
        assert response["X-Cache"] == "hit", accept
        assert response.content == first.content
    # Wagtail's v2 API negotiates: a program gets JSON (cached), a browser its HTML view — never
    # the cached JSON (and the HTML view is not cached itself: it carries a CSRF token).
    for expected in ("miss", "hit"):
        response = client.get("/api/v2/pages/", HTTP_ACCEPT="application/json")
        assert response["Content-Type"].startswith("application/json") and response["X-Cache"] == expected
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    for _ in range(2):
        response = client.get("/api/v2/pages/", HTTP_ACCEPT=browser)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
        assert "X-Cache" not in response
    assert client.get("/api/v2/pages/", HTTP_ACCEPT="*/*")["X-Cache"] == "hit"
    # A client that accepts neither gets what a view that does not negotiate always sends (the
    # feed to a feed reader), and whatever a negotiating view decides (v2: 406), never an entry
    # stored for another representation.
    reader = "application/rss+xml, application/atom+xml"
    assert [client.get("/viec-tot/feed.xml", HTTP_ACCEPT=reader)["X-Cache"] for _ in range(2)] == ["miss", "hit"]
    for _ in range(2):
        refused = client.get("/api/v2/pages/", HTTP_ACCEPT="image/png")
        assert refused.status_code == 406 and "X-Cache" not in refused


def test_radio_prompter_changes_show_at_once(client):
    rundown = factories.rundown(
        "2026-W10",
        status="approved",
        items=[{"display_text": "Xin chào quý vị thính giả."}],
    )
    url = f"/phat-thanh/{rundown.programme.slug}/2026-W10/"
    _warm(client, url)
    item = rundown.items.get()
    item.display_text = "Kính chào quý vị và các bạn."
    item.save()
    assert "Kính chào quý vị và các bạn." in client.get(url).content.decode()
