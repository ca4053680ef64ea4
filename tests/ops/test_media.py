"""Media under the app server: image renditions are served; originals and documents never are."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test its own MEDIA_ROOT, and no rendition remembered (in the cache) from another's.

    Only per-process memory caches are cleared: clearing a Redis cache would flush a shared database.
    """
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    settings.MEDIA_ROOT = tmp_path / "media"
    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()


def test_a_rendition_on_the_public_site_is_served(client):
    image = factories.image(size=(400, 300))
    rendition = image.get_rendition("fill-200x100|format-jpeg")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    body = b"".join(response.streaming_content)
    assert body[:3] == b"\xff\xd8\xff"  # a JPEG
    assert len(body) == rendition.file.size
    assert "max-age" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_rendition_answers_304_when_unchanged(client):
    rendition = factories.image().get_rendition("max-100x100")
    first = client.get(rendition.url)
    again = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_originals_documents_and_escapes_are_not_served(client, settings):
    image = factories.image()
    assert (settings.MEDIA_ROOT / image.file.name).is_file()
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "bien-ban.pdf").write_bytes(b"%PDF-1.4 private")
    (settings.MEDIA_ROOT / "images").mkdir(exist_ok=True)
    (settings.MEDIA_ROOT / "images" / "note.html").write_text("<script>alert(1)</script>")
    for url in [
        f"/media/{image.file.name}",  # original_images/…: full size, never linked by the site
        "/media/documents/bien-ban.pdf",  # documents go through /documents/ and its privacy rules
        "/media/images/../documents/bien-ban.pdf",
        "/media/images/%2e%2e/documents/bien-ban.pdf",
        "/media/images/note.html",  # not an image
        "/media/images/",
        "/media/images/khong-co.jpg",
    ]:
        assert client.get(url).status_code == 404, url


def test_only_reading_methods_are_allowed(client):
    rendition = factories.image().get_rendition("max-100x100")
    assert client.post(rendition.url).status_code == 405
    assert client.head(rendition.url).status_code == 200
