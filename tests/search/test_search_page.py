"""The public search page /tim-kiem/ as a visitor on a phone without JavaScript receives it.

Results come before the facets in the document (a phone shows them first); each facet is a
collapsible <details> of plain links with counts; active filters are removable links.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.public import html_validator

pytestmark = pytest.mark.django_db


def page(client, **params) -> str:
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def facet_groups(body: str) -> dict[str, list[tuple[str, int, str]]]:
    """Facet summary text -> [(option label, count, href)] from each <details> group."""
    groups = {}
    for summary, items in re.findall(r"<details[^>]*>\s*<summary>(.*?)</summary>(.*?)</details>", body, re.S):
        name = re.sub(r"<[^>]+>", "", summary).split(":")[0].strip()
        groups[name] = [
            (label.strip(), int(count), unescape(href))
            for href, label, count in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)<span class="count">\((\d+)', items)
        ]
    return groups


def test_results_come_before_collapsible_facets_with_counts(client, corpus):
    body = page(client, q="ly son")
    main = body[body.index("<main") :]
    assert main.index('class="search-results"') < main.index('class="facets search-facets"')
    groups = facet_groups(body)
    assert "Loại nội dung" in groups and len(groups) >= 3
    # Only the first group is open when nothing is selected: the list stays short on a phone.
    assert len(re.findall(r'<details class="facet" open>', body)) == 1
    counts = dict((label, n) for label, n, _ in groups["Loại nội dung"])
    total = int(re.search(r"Tìm thấy (\d+) kết quả", body).group(1))
    assert sum(counts.values()) == total and all(n > 0 for n in counts.values())


def test_a_chosen_facet_is_open_marked_and_removable(client, corpus):
    first = facet_groups(page(client, q="ly son"))["Loại nội dung"]
    label, count, href = next(o for o in first if o[0] == "Phong trào")
    assert "type=campaign" in href and "q=ly+son" in href

    body = page(client, q="ly son", type="campaign")
    assert len(re.findall(r'<li class="card search-result search-result--campaign">', body)) == min(count, 20)
    assert "search-result--exemplar" not in body
    # The group shows what is chosen in its summary and stays open; the chosen link removes it.
    assert re.search(
        r'<details class="facet" open>\s*<summary>Loại nội dung: <span class="facet-current">Phong trào', body
    )
    chosen = re.search(r'<a href="([^"]+)" aria-current="true" class="selected">Phong trào', body)
    assert chosen and "type=" not in unescape(chosen.group(1))
    # The chip above the results removes it too, keeping the words searched for.
    chip = re.search(
        r'<ul class="chips" aria-label="Bộ lọc đang dùng">\s*<li><a href="([^"]+)">Loại nội dung: Phong trào', body
    )
    assert chip and unescape(chip.group(1)) == "?q=ly+son"


def test_two_filters_can_be_cleared_at_once(client, corpus):
    body = page(client, q="ly son")
    kind = facet_groups(body).get("Loại điển hình")
    assert kind, "no kind facet for 'ly son'"
    body = page(client, q="ly son", type="exemplar", kind=re.search(r"kind=(\w+)", kind[0][2]).group(1))
    clear = re.search(r'<li><a href="([^"]+)">Bỏ tất cả</a></li>', body)
    assert clear and unescape(clear.group(1)) == "?q=ly+son"


def test_search_pages_are_valid_html(client, corpus):
    reason = html_validator.available()
    if reason:
        pytest.skip(reason)
    documents = {
        "empty": page(client),
        "results": page(client, q="nguyen"),
        "filtered": page(client, q="ly son", type="exemplar"),
        "nothing found": page(client, q="khong co gi het xyz"),
        "suggestion": page(client, q="nguyn van hugn"),
    }
    bad = client.get("/tim-kiem/", {"q": "!!!"})
    documents["bad input"] = bad.content.decode()
    assert html_validator.validate(documents) == {}
