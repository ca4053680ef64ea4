"""Content-Security-Policy on every kind of page, and an API documentation page that loads
nothing from another host."""

import json
import re

import pytest

from django.contrib.auth.models import User
from django.test import Client

from tests.public import content, html_validator

pytestmark = pytest.mark.django_db

PUBLIC_SCRIPT_SRC = "script-src 'self'"


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    found = {}
    for part in header.split(";"):
        name, *values = part.split()
        found[name] = values
    return found


def _inline_scripts_are_data_or_nonced(html: str, policy: dict) -> None:
    nonces = {v[len("'nonce-") : -1] for v in policy.get("script-src", []) if v.startswith("'nonce-")}
    for attrs in re.findall(r"<script\b([^>]*)>", html):
        if "src=" in attrs or re.search(r'type="application/(ld\+)?json"', attrs):
            continue  # external file from this site, or data the browser never runs
        nonce = re.search(r'nonce="([^"]+)"', attrs)
        assert nonce and nonce.group(1) in nonces, f"inline script without the page's nonce: <script{attrs}>"


def _assert_strict(response, url):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"], url
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"], url
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], url
    assert "'self'" in policy["script-src"], url
    if response["Content-Type"].startswith("text/html"):
        _inline_scripts_are_data_or_nonced(response.content.decode(), policy)
    return policy


def test_every_public_page_type_sends_a_strict_policy(client):
    sample = content.build()
    pages = {
        "/": 200,
        "/dien-hinh/": 200,
        sample.individual.url: 200,
        sample.model.url: 200,
        "/phong-trao/": 200,
        sample.campaign.url: 200,
        "/viec-tot/": 200,
        sample.story.url: 200,
        sample.about.url: 200,
        "/tim-kiem/?q=bien": 200,
        "/gioi-thieu-guong/": 200,
        "/khong-co-trang-nay/": 404,
        "/dien-hinh/?linh_vuc=khong-co": 400,
        "/dien-hinh/?linh_vuc=%00": 400,
        "/api/v1/docs": 200,
        "/api/v1/exemplars": 200,
        "/viec-tot/feed.xml": 200,
        "/healthz": 200,
    }
    for url, status in pages.items():
        response = client.get(url)
        assert response.status_code == status, url
        _assert_strict(response, url)


def test_the_500_page_sends_the_policy_too(monkeypatch):
    from exemplars import nominations_views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(nominations_views, "render", broken)
    response = Client(raise_request_exception=False).get("/gioi-thieu-guong/")
    assert response.status_code == 500 and "máy chủ đang gặp sự cố" in response.content.decode()
    _assert_strict(response, "500")


def test_the_admin_keeps_its_inline_scripts_but_nothing_else_is_relaxed(client):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # Wagtail's own inline scripts
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    admin = User.objects.create_superuser("quantri", "quantri@lyson.gov.vn", "mat-khau-thu")
    client.force_login(admin)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200 and "Content-Security-Policy" in dashboard
    html = dashboard.content.decode()
    assert "gravatar.com" not in html and "releases.wagtail" not in html  # nothing asked of third parties


def test_api_docs_load_swagger_ui_from_this_site_only(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references, html
    assert not [ref for ref in references if re.match(r"(https?:)?//", ref)], references
    assert not re.search(r"https?://", html.replace("http://testserver", ""))
    for ref in references:  # every file it needs is served here
        assert client.get(ref).status_code == 200, ref
    assert "swagger-ui-bundle.js" in html
    assert '"validatorUrl": null' in html


def test_the_openapi_document_has_no_duplicate_keys(client):
    # Swagger UI refuses a document with a key twice in one object ("duplicated mapping key").
    duplicates = []

    def pairs(items):
        keys = [key for key, _ in items]
        duplicates.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(items)

    json.loads(client.get("/api/v1/openapi.json").content, object_pairs_hook=pairs)
    assert duplicates == []


def test_error_pages_are_valid_html():
    reason = html_validator.available()
    if reason:
        pytest.skip(reason)
    from django.template.loader import render_to_string

    documents = {
        "400": render_to_string("400.html", {"message": "Tham số “q” chứa ký tự không hợp lệ."}),
        "503": render_to_string("503.html", {"retry_minutes": 1}),
    }
    assert html_validator.validate(documents) == {}
