"""The index follows publishing, unpublishing, deletion, moves, view restrictions and consent.

Nothing that is not public may appear in results, suggestions or facet counts.
"""

import pytest

from django.utils import timezone

from wagtail.models import PageViewRestriction

from exemplars.models import ConsentStatus
from tests import factories

from .conftest import search, titles

pytestmark = pytest.mark.django_db


def suggest_titles(client, q):
    response = client.get("/api/v1/search/suggest", {"q": q})
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()]


def facet_total(answer, name="type"):
    return sum(entry["count"] for entry in answer["facets"][name])


def test_unpublished_page_is_never_found(client):
    factories.exemplar("Ngô Thị Bích Ngọc", kind="collective", publish=False)
    answer = search(client, q="ngo thi bich ngoc")
    assert answer["count"] == 0 and answer["items"] == []
    assert facet_total(answer) == 0
    assert suggest_titles(client, "ngo thi bi") == []


def test_publish_then_unpublish_then_delete(client):
    page = factories.exemplar("Tổ hợp tác Bích Ngọc", kind="collective")
    assert titles(search(client, q="bich ngoc")) == ["Tổ hợp tác Bích Ngọc"]
    assert suggest_titles(client, "to hop tac bi") == ["Tổ hợp tác Bích Ngọc"]

    page.unpublish()
    assert search(client, q="bich ngoc")["count"] == 0
    assert suggest_titles(client, "to hop tac bi") == []

    page.save_revision().publish()
    assert search(client, q="bich ngoc")["count"] == 1
    page.delete()
    assert search(client, q="bich ngoc")["count"] == 0


def test_edit_and_republish_updates_the_text(client):
    page = factories.exemplar("Tổ tự quản Sóng Biển", kind="collective", summary="Giữ vệ sinh bến cá.")
    page.title = "Tổ tự quản Rạng Đông"
    page.save_revision().publish()
    assert search(client, q="song bien")["count"] == 0
    assert titles(search(client, q="rang dong")) == ["Tổ tự quản Rạng Đông"]


def test_consent_withdrawal_drops_the_document_at_once(client):
    page = factories.exemplar("Bùi Thị Xuân Mai", kind="individual")
    assert titles(search(client, q="bui thi xuan mai")) == ["Bùi Thị Xuân Mai"]
    consent = page.consent
    consent.status = ConsentStatus.WITHDRAWN
    consent.withdrawn_at = timezone.now()
    consent.save()
    answer = search(client, q="bui thi xuan mai")
    assert answer["count"] == 0 and facet_total(answer) == 0
    assert suggest_titles(client, "bui thi xu") == []
    # and a consent record deleted outright
    other = factories.exemplar("Bùi Văn Toàn", kind="household")
    assert search(client, q="bui van toan")["count"] == 1
    other.consent.delete()
    assert search(client, q="bui van toan")["count"] == 0


def test_individual_without_consent_is_not_indexed(client):
    factories.exemplar("Lý Văn Khánh", kind="individual", consent=False)
    assert search(client, q="ly van khanh")["count"] == 0


def test_private_pages_are_not_found(client):
    page = factories.exemplar("Nhóm thiện nguyện Hải Đăng", kind="collective")
    assert search(client, q="hai dang")["count"] == 1
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    answer = search(client, q="hai dang")
    assert answer["count"] == 0 and facet_total(answer) == 0
    PageViewRestriction.objects.filter(page=page).delete()
    assert search(client, q="hai dang")["count"] == 1


def test_moving_under_a_private_section_removes_and_updates_url(client):
    from exemplars.models import ExemplarIndexPage

    page = factories.exemplar("Câu lạc bộ Ánh Dương", kind="collective")
    old_url = search(client, q="anh duong")["items"][0]["url"]
    second_index = ExemplarIndexPage(title="Lưu trữ", slug="luu-tru")
    # a second index is allowed by tree rules only under home; max_count=1 blocks the form, not the API
    factories.home_page().add_child(instance=second_index)
    second_index.save_revision().publish()
    page.move(second_index, pos="last-child")
    item = search(client, q="anh duong")["items"][0]
    assert item["url"] != old_url and "luu-tru" in item["url"]
    PageViewRestriction.objects.create(page=second_index, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert search(client, q="anh duong")["count"] == 0


def test_unpublished_campaign_leaks_neither_title_nor_facet(client):
    ex = factories.exemplar("Tổ đoàn kết Hòa Bình", kind="collective")
    camp = factories.campaign("Phong trào Biển xanh bí mật", publish=False, exemplars=[ex])
    answer = search(client, q="hoa binh")
    assert all(entry["value"] != str(camp.pk) for entry in answer["facets"]["campaign"])
    assert search(client, q="bien xanh bi mat")["count"] == 0
    # publishing the campaign reindexes its exemplars: the facet appears
    camp.save_revision().publish()
    answer = search(client, q="hoa binh")
    assert [e["label"] for e in answer["facets"]["campaign"]] == ["Phong trào Biển xanh bí mật"]


def test_rebuild_search_command_restores_the_index(client):
    from io import StringIO

    from django.core.management import call_command

    from search.models import SearchDocument

    factories.exemplar("Tổ dân phố Bình Minh", kind="collective")
    factories.exemplar("Hộ ông Phan Văn Tâm", kind="household", publish=False)
    SearchDocument.objects.all().delete()
    assert search(client, q="binh minh")["count"] == 0
    out = StringIO()
    call_command("rebuild_search", stdout=out)
    assert "Xong" in out.getvalue() and "/" in out.getvalue()
    assert search(client, q="binh minh")["count"] == 1
    assert search(client, q="phan van tam")["count"] == 0
