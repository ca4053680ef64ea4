"""Headless preview: an editor previews a draft in the admin; the frontend reads it by token."""

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests import factories


def _preview_url(client, page, data):
    """Press "Preview" (headless mode) in the admin's page editor, as an editor's browser does."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    shown = client.get(url, {"mode": "headless"})
    assert shown.status_code == 200
    match = re.search(r'(https?://[^"\']*/api/v1/preview\?[^"\']+)', shown.content.decode())
    assert match, "the headless preview page links to the frontend with a token"
    return unescape(match.group(1))


@pytest.mark.django_db
def test_editor_preview_of_a_draft_change_is_served_by_token(client, admin_user):
    story = factories.story("Bài đã đăng", lead="Sapo đã đăng.")
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Bài đang sửa (nháp)",
            "slug": story.slug,
            "lead": "Sapo nháp chưa duyệt.",
            "author": "Phóng viên",
            "date": "2024-06-01",
            "body": streamfield([("paragraph", rich_text("<p>Đoạn văn nháp.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    preview_url = _preview_url(client, story, data)
    query = parse_qs(urlparse(preview_url).query)
    assert query["content_type"] == ["campaigns.storypage"]
    client.logout()  # the frontend calls the API anonymously, holding only the token

    response = client.get("/api/v1/preview", {"content_type": "campaigns.storypage", "token": query["token"][0]})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.json()["page"]
    assert page["title"] == "Bài đang sửa (nháp)"
    assert page["lead"] == "Sapo nháp chưa duyệt."
    assert "Đoạn văn nháp." in page["body"]["html"]

    # Nothing else shows the draft.
    assert client.get(f"/api/v1/stories/{story.slug}").json()["title"] == "Bài đã đăng"
    assert client.get(f"/api/v2/pages/{story.pk}/").json()["title"] == "Bài đã đăng"


@pytest.mark.django_db
def test_invalid_token_or_content_type_is_a_problem(client):
    bad = client.get("/api/v1/preview", {"content_type": "campaigns.storypage", "token": "id=1:forged"})
    assert bad.status_code == 404
    assert bad["Content-Type"] == "application/problem+json"
    assert bad.json()["param"] == "token"
    wrong_type = client.get("/api/v1/preview", {"content_type": "auth.user", "token": "x"})
    assert wrong_type.status_code == 400 and wrong_type.json()["param"] == "content_type"
    missing = client.get("/api/v1/preview", {"content_type": "campaigns.storypage"})
    assert missing.status_code == 400 and missing.json()["param"] == "token"


@pytest.mark.django_db
def test_preview_of_an_exemplar_applies_consent(client):
    person = factories.exemplar("Người được nêu gương", kind="individual", birth_year=1960)
    record = person.consent
    record.covers_birth_year = False
    record.save()
    draft = person.specific
    draft.summary = "Tóm tắt mới trong bản nháp."
    preview = draft.create_page_preview()
    response = client.get("/api/v1/preview", {"content_type": "exemplars.exemplarpage", "token": preview.token})
    assert response.status_code == 200
    page = response.json()["page"]
    assert page["summary"] == "Tóm tắt mới trong bản nháp."
    assert page["birth_year"] is None
