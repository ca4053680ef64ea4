"""Every public surface that can show an exemplar or a story, as checks a visitor could make.

Each check is `(label, shows(client, page) -> bool)`. A walk asserts that every check is true
while the page is public and false once the rule hides it, so no check can pass vacuously.
The API response cache is emptied before each request: passing an expiry time moves no content
generation (another part of the project decides how the cache learns about time), and these
tests are about the rule, not the cache.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import feedparser

from django.core.cache import cache

from campaigns.models import StoryPage
from exemplars.models import ExemplarPage
from tests import factories

RADIO_WEEK = "2030-W10"


def _get(client, url, params=None):
    cache.clear()
    return client.get(url, params or {})


def _html(client, url) -> str:
    response = _get(client, url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _path(page) -> str:
    return urlparse(page.url).path


def _links_to(body: str, page) -> bool:
    return f'href="{_path(page)}"' in body or f'href="{page.full_url}"' in body


# -- HTML ---------------------------------------------------------------------------------------


def page_url(client, page):
    return _get(client, page.url).status_code == 200


def listed_on_home(client, page):
    return _links_to(_html(client, "/"), page)


def listed_on_its_index(client, page):
    return _links_to(_html(client, page.get_parent().url), page)


def _campaign(page):
    """The campaign the page belongs to (the walks link each page to one)."""
    specific = page.specific
    if isinstance(specific, StoryPage):
        return specific.campaigns.get()
    return specific.campaign_links.get().page


def listed_on_campaign_page(client, page):
    return _links_to(_html(client, _campaign(page).url), page)


def listed_on_linked_exemplar_page(client, page):
    exemplar = next(e for e in page.specific.exemplars.all() if e.kind == "collective")
    return _links_to(_html(client, exemplar.url), page)


def in_sitemap(client, page):
    # Locations are on the address being served (core.urls), not the Site record's host.
    return f"<loc>http://testserver{_path(page)}</loc>" in _html(client, "/sitemap.xml")


# -- feeds --------------------------------------------------------------------------------------


def in_rss_feed(client, page):
    feed = feedparser.parse(_get(client, "/viec-tot/feed.xml").content)
    assert not feed.bozo
    return any(entry.link.endswith(_path(page)) for entry in feed.entries)


def in_json_feed(client, page):
    items = json.loads(_get(client, "/viec-tot/feed.json").content)["items"]
    return any(item["url"].endswith(_path(page)) for item in items)


# -- domain API (/api/v1) ---------------------------------------------------------------------


def _v1_plural(page) -> str:
    return "exemplars" if isinstance(page.specific, ExemplarPage) else "stories"


def in_v1_list(client, page):
    answer = _get(client, f"/api/v1/{_v1_plural(page)}", {"limit": 50}).json()
    return any(item["slug"] == page.slug for item in answer["results"])


def v1_detail(client, page):
    return _get(client, f"/api/v1/{_v1_plural(page)}/{page.slug}").status_code == 200


def in_v1_campaign_detail(client, page):
    answer = _get(client, f"/api/v1/campaigns/{_campaign(page).slug}").json()
    key = "exemplars" if isinstance(page.specific, ExemplarPage) else "stories"
    return any(item["slug"] == page.slug for item in answer[key])


# -- Wagtail API (/api/v2) --------------------------------------------------------------------


def in_v2_list(client, page):
    model = page.specific_class._meta.label
    items = _get(client, "/api/v2/pages/", {"type": model, "limit": 50}).json()["items"]
    return any(item["id"] == page.pk for item in items)


def in_v2_whole_tree(client, page):
    items = _get(client, "/api/v2/pages/", {"limit": 50}).json()["items"]
    return any(item["id"] == page.pk for item in items)


def v2_detail(client, page):
    return _get(client, f"/api/v2/pages/{page.pk}/").status_code == 200


def v2_find(client, page):
    # found: a redirect to the detail URL; not found: 404
    return _get(client, "/api/v2/pages/find/", {"html_path": _path(page)}).status_code != 404


# -- search -----------------------------------------------------------------------------------


def _query(page) -> str:
    return " ".join(page.title.split()[:4])


def in_search_api(client, page):
    answer = _get(client, "/api/v1/search", {"q": _query(page)}).json()
    return any(item["id"] == page.pk for item in answer["items"])


def in_search_facet_count(client, page):
    """The type facet counts the page (a hidden page must not be counted either)."""
    answer = _get(client, "/api/v1/search", {"q": _query(page)}).json()
    doc_type = "exemplar" if isinstance(page.specific, ExemplarPage) else "story"
    return any(v["value"] == doc_type and v["count"] for v in answer["facets"]["type"])


def in_suggest(client, page):
    answer = _get(client, "/api/v1/search/suggest", {"q": _query(page)[:-1]}).json()
    return any(item["id"] == page.pk for item in answer)


def on_search_page(client, page):
    return _links_to(_html(client, f"/tim-kiem/?q={_query(page)}"), page)


# -- radio ------------------------------------------------------------------------------------


def radio_slug(page) -> str:
    return f"NGUON-{page.pk}"


def in_radio_script(client, page):
    prog = factories.programme()
    answer = _get(client, f"/api/v1/radio/{prog.slug}/weeks/{RADIO_WEEK}")
    assert answer.status_code == 200
    return radio_slug(page) in answer.content.decode()


def in_radio_text(client, page):
    prog = factories.programme()
    return radio_slug(page) in _get(client, f"/api/v1/radio/{prog.slug}/weeks/{RADIO_WEEK}.txt").content.decode()


def in_radio_feed(client, page):
    prog = factories.programme()
    return radio_slug(page) in _get(client, f"/api/v1/radio/{prog.slug}/feed.json").content.decode()


def put_on_air(*pages) -> None:
    """An approved rundown for a week still to air, one item taken from each page."""
    factories.rundown(
        RADIO_WEEK,
        status="approved",
        items=[
            {"display_text": f"Câu chuyện: {page.title}.", "source_page": page, "slug": radio_slug(page)}
            for page in pages
        ],
    )


COMMON = [
    ("trang của nó", page_url),
    ("danh sách của nó", listed_on_its_index),
    ("trang chủ", listed_on_home),
    ("trang phong trào", listed_on_campaign_page),
    ("sitemap.xml", in_sitemap),
    ("API v1 danh sách", in_v1_list),
    ("API v1 chi tiết", v1_detail),
    ("API v1 chi tiết phong trào", in_v1_campaign_detail),
    ("API v2 danh sách theo loại", in_v2_list),
    ("API v2 cả cây trang", in_v2_whole_tree),
    ("API v2 chi tiết", v2_detail),
    ("API v2 find", v2_find),
    ("API tìm kiếm", in_search_api),
    ("đếm trong bộ lọc tìm kiếm", in_search_facet_count),
    ("trang tìm kiếm", on_search_page),
    ("kịch bản phát thanh (JSON)", in_radio_script),
    ("kịch bản phát thanh (.txt)", in_radio_text),
    ("feed phát thanh", in_radio_feed),
]

# Suggestions list exemplars and campaigns only (search.engines: `suggest`), never stories.
EXEMPLAR_SURFACES = [*COMMON, ("gợi ý tìm kiếm", in_suggest)]
STORY_SURFACES = [
    *COMMON,
    ("trang điển hình được nhắc tới", listed_on_linked_exemplar_page),
    ("RSS tin việc tốt", in_rss_feed),
    ("JSON Feed tin việc tốt", in_json_feed),
]


def shown_on(client, page, surfaces) -> list[str]:
    return [label for label, shows in surfaces if shows(client, page)]


def assert_everywhere(client, page, surfaces) -> None:
    missing = [label for label, shows in surfaces if not shows(client, page)]
    assert not missing, f"{page.title}: should be shown on {missing}"


def assert_nowhere(client, page, surfaces) -> None:
    shown = shown_on(client, page, surfaces)
    assert not shown, f"{page.title}: still shown on {shown}"
