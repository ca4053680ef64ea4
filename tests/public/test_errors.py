"""The 500 page must render when the thing that failed is the database or a context processor."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_500_page_renders_without_database_or_context_processors():
    # No django_db mark: any database access here raises, so the page provably does not need it.
    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "máy chủ đang gặp sự cố" in body and 'lang="vi"' in body
