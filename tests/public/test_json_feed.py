"""JSON Feed 1.1 is built in one place (`core.feeds`) for the story feed and the radio feeds."""

import json

import pytest

from core import feeds
from tests.public import content


def test_the_builder_keeps_to_the_spec():
    item = feeds.json_feed_item(id="a", content_text="Nội dung", image=None, _extra={"about": "x"})
    assert item == {"id": "a", "content_text": "Nội dung", "_extra": {"about": "x"}}  # None left out
    feed = feeds.json_feed([item], title="Tiêu đề", description=None, home_page_url="https://x/")
    assert list(feed) == ["version", "title", "home_page_url", "items"]  # caller's order, items last
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert (
        feeds.json_feed_bytes(feed)
        .decode()
        .startswith('{"version": "https://jsonfeed.org/version/1.1", "title": "Tiêu đề"')
    )
    with pytest.raises(ValueError, match="extensions start with '_'"):
        feeds.json_feed_item(id="a", content_text="x", broadcast={})
    with pytest.raises(ValueError, match="extensions start with '_'"):
        feeds.json_feed([], title="x", items_count=0)
    with pytest.raises(ValueError, match="content_html or content_text"):
        feeds.json_feed_item(id="a", title="x")
    with pytest.raises(ValueError, match="string id"):
        feeds.json_feed_item(id="", content_text="x")
    with pytest.raises(ValueError, match="title"):
        feeds.json_feed([])


@pytest.mark.django_db
def test_story_feed_has_only_spec_fields_and_no_nulls(client):
    content.build()
    response = client.get("/viec-tot/feed.json")
    assert response["Content-Type"] == feeds.JSON_FEED_CONTENT_TYPE
    data = json.loads(response.content)
    assert set(data) <= feeds.FEED_FIELDS and data["items"]
    for item in data["items"]:
        assert set(item) <= feeds.ITEM_FIELDS
        assert None not in item.values()
        assert item["id"] and (item.get("content_text") or item.get("content_html"))
