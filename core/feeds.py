"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), built in one place for every feed.

The story feed (/viec-tot/feed.json) and the radio script feeds (/api/v1/radio/…/feed.json)
both come through here, so both say the same version, carry the same media type and keep to
the spec's field names: anything else must be an extension, whose name starts with "_". A
field given as None is left out (the spec has no nulls), so callers can pass optional values
as they are. Fields keep the order the caller gives them (the bytes, and so the ETags, of a
feed do not change when it is rebuilt), with `version` first and `items` last.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
JSON_FEED_CONTENT_TYPE = "application/feed+json; charset=utf-8"

FEED_FIELDS = frozenset(
    {
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "user_comment",
        "next_url",
        "icon",
        "favicon",
        "authors",
        "language",
        "expired",
        "hubs",
        "items",
    }
)
ITEM_FIELDS = frozenset(
    {
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "image",
        "banner_image",
        "date_published",
        "date_modified",
        "authors",
        "tags",
        "language",
        "attachments",
    }
)


def _fields(given: dict, allowed: frozenset, what: str) -> dict:
    unknown = [key for key in given if key not in allowed and not key.startswith("_")]
    if unknown:
        raise ValueError(f"JSON Feed {what} has no field {unknown[0]!r}; extensions start with '_'")
    return {key: value for key, value in given.items() if value is not None}


def json_feed_item(**fields) -> dict:
    """One item: `id` and `content_html` or `content_text` are required by the spec."""
    item = _fields(fields, ITEM_FIELDS, "item")
    if not isinstance(item.get("id"), str) or not item["id"]:
        raise ValueError("a JSON Feed item needs a non-empty string id")
    if "content_html" not in item and "content_text" not in item:
        raise ValueError("a JSON Feed item needs content_html or content_text")
    return item


def json_feed(items: list[dict], **fields) -> dict:
    """The feed: `title` is required; `items` come from `json_feed_item`."""
    feed = _fields(fields, FEED_FIELDS - {"version", "items"}, "feed")
    if not feed.get("title"):
        raise ValueError("a JSON Feed needs a title")
    return {"version": JSON_FEED_VERSION, **feed, "items": items}


def json_feed_bytes(feed: dict, *, indent: int | None = None) -> bytes:
    """UTF-8 JSON with Vietnamese letters as they are (not \\u escapes)."""
    return json.dumps(feed, cls=DjangoJSONEncoder, ensure_ascii=False, indent=indent).encode()


def json_feed_response(feed: dict, *, indent: int | None = None) -> HttpResponse:
    return HttpResponse(json_feed_bytes(feed, indent=indent), content_type=JSON_FEED_CONTENT_TYPE)
