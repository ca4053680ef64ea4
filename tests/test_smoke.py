"""Smoke test: the factories build a published exemplar that the public page shows."""

import pytest

from tests import factories


@pytest.mark.django_db
def test_published_exemplar_page_renders_in_vietnamese(client):
    page = factories.exemplar("Nguyễn Văn Thử", kind="individual", awards=[{}])
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nguyễn Văn Thử" in body
    assert "Chủ tịch UBND huyện Lý Sơn" in body


@pytest.mark.django_db
def test_draft_exemplar_is_not_public(client):
    page = factories.exemplar("Bản nháp", publish=False)
    assert client.get(f"/dien-hinh/{page.slug}/").status_code == 404
