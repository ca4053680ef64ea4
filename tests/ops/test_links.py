"""Absolute links name the public address (PUBLIC_BASE_URL), or the address being served.

Served at http://127.0.0.1:8150 the site used to print http://localhost/… (Wagtail's Site
record) in feeds, canonical tags and JSON-LD. Every surface that prints a full URL is read
here as a client reads it; `core.urls` is the one place that decides.
"""

import json
import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db
SERVED = "127.0.0.1:8150"
PUBLIC = "https://guongsang.example.test"


@pytest.fixture(autouse=True)
def _fresh_caches():
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture
def content():
    exemplar = factories.exemplar("Nguyễn Văn Liên Kết", kind="individual", awards=[{}])
    story = factories.story("Cứu ngư dân gặp nạn", exemplars=[exemplar])
    factories.exemplar("Hợp tác xã Liên Kết")  # a second exemplar: the list has a next page
    factories.rundown(
        "2026-W48",
        status="approved",
        items=[{"slug": "CUU-NGU-DAN", "display_text": "Cứu ngư dân.", "source_page": story}],
    )
    return exemplar, story


def _surfaces(client, story) -> dict[str, str]:
    get = lambda url: client.get(url, HTTP_HOST=SERVED)  # noqa: E731
    bodies = {
        "story page": get(story.url),
        "RSS": get("/viec-tot/feed.xml"),
        "JSON Feed": get("/viec-tot/feed.json"),
        "radio JSON feed": get("/api/v1/radio/hoc-tap-va-lam-theo-bac/feed.json"),
        "radio RSS": get("/api/v1/radio/hoc-tap-va-lam-theo-bac/feed.xml"),
        "radio week": get("/api/v1/radio/hoc-tap-va-lam-theo-bac/weeks/2026-W48"),
        "API list": get("/api/v1/exemplars?limit=1"),
        "API story": get(f"/api/v1/stories/{story.slug}"),
        "robots.txt": get("/robots.txt"),
        "sitemap": get("/sitemap.xml"),
    }
    for name, response in bodies.items():
        assert response.status_code == 200, name
    return {name: response.content.decode() for name, response in bodies.items()}


def _site_links(text: str) -> set[str]:
    """Every absolute URL that points at this site (not at schema.org, jsonfeed.org, w3.org…)."""
    links = set(re.findall(r"https?://[^\s\"'<>\\]+", text))
    return {
        u
        for u in links
        if not re.match(
            r"https?://(schema\.org|jsonfeed\.org|www\.w3\.org|www\.sitemaps\.org|purl\.org|podcastindex\.org)", u
        )
    }


def _check(surfaces: dict[str, str], base: str, story) -> None:
    for name, text in surfaces.items():
        links = _site_links(text)
        assert links, f"{name}: no absolute link at all"
        wrong = sorted(u for u in links if not u.startswith(base + "/"))
        assert not wrong, f"{name} links elsewhere than {base}: {wrong[:5]}"
    page = surfaces["story page"]
    story_url = f"{base}{story.url}"
    assert f'<link rel="canonical" href="{story_url}">' in page
    assert f'<meta property="og:url" content="{story_url}">' in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["@graph"][0]["url"] == story_url
    assert story_url in surfaces["RSS"]
    feed = json.loads(surfaces["JSON Feed"])
    assert feed["items"][0]["url"] == story_url
    assert feed["feed_url"] == f"{base}/viec-tot/feed.json"
    radio = json.loads(surfaces["radio week"])
    assert [i["source_url"] for i in radio["items"] if i.get("source_url")] == [story_url]
    assert json.loads(surfaces["API list"])["next"].startswith(f"{base}/api/v1/exemplars?")
    assert f"Sitemap: {base}/sitemap.xml" in surfaces["robots.txt"]
    assert f"<loc>{story_url}</loc>" in surfaces["sitemap"]


def test_links_use_the_configured_public_address(client, content, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    _exemplar, story = content
    _check(_surfaces(client, story), PUBLIC, story)


def test_without_a_public_address_links_use_the_address_being_served(client, content):
    _exemplar, story = content
    surfaces = _surfaces(client, story)
    _check(surfaces, f"http://{SERVED}", story)
    assert not any("localhost" in text for text in surfaces.values())


def test_migrate_moves_the_wagtail_site_onto_the_public_address(settings):
    from django.core.management import call_command

    from wagtail.models import Site

    settings.PUBLIC_BASE_URL = PUBLIC
    call_command("migrate", verbosity=0)
    site = Site.objects.get()
    assert (site.hostname, site.port, site.root_url) == ("guongsang.example.test", 443, PUBLIC)
