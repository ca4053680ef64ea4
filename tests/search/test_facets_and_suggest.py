"""Facets (counts that respect the other filters), filters, suggestions and no-hit hints."""

import pytest

from exemplars.models import Field, Place

from .conftest import search, titles

pytestmark = pytest.mark.django_db


def facet(answer, name):
    return {entry["label"]: entry["count"] for entry in answer["facets"][name]}


def test_facets_count_the_matching_documents(client, corpus):
    answer = search(client, q="ly son")
    assert sum(facet(answer, "type").values()) == answer["count"]
    assert set(answer["facets"]) == {"type", "kind", "field", "place", "campaign", "award_type", "year", "replicated"}
    for name in answer["facets"]:
        for entry in answer["facets"][name]:
            assert entry["count"] > 0 and entry["label"]


def test_place_filter_includes_places_below(client, corpus):
    zone = Place.objects.get(name="Lý Sơn", kind="special_zone")
    dong = Place.objects.get(name="Đông")
    all_people = search(client, q="van", type="exemplar", place=zone.pk)
    in_dong = search(client, q="van", type="exemplar", place=dong.pk)
    assert 0 < in_dong["count"] < all_people["count"]
    assert all(corpus[t].place_id == dong.pk for t in titles(in_dong))


def test_each_facet_respects_the_other_filters_but_not_its_own(client, corpus):
    fishing = Field.objects.get(name="Khai thác hải sản")
    unfiltered = search(client, q="van")
    filtered = search(client, q="van", field=fishing.slug)
    # the field facet still offers the other fields (so one can switch)…
    assert facet(filtered, "field") == facet(unfiltered, "field")
    # …while the other facets count only fishing exemplars
    assert sum(facet(filtered, "type").values()) == filtered["count"] < unfiltered["count"]
    kinds = search(client, q="van", field=fishing.slug, kind="individual")
    assert facet(kinds, "kind") == facet(filtered, "kind")
    assert kinds["count"] == facet(filtered, "kind")["Cá nhân"]


def test_year_and_award_type_filters(client, corpus):
    answer = search(client, q="van", year="2020")
    assert answer["count"] > 0
    assert facet(answer, "year")  # other years still offered
    assert all(entry["value"] for entry in answer["facets"]["award_type"])


def test_campaign_facet_links_exemplars_to_public_campaigns(client, corpus):
    camp = corpus["Dân vận khéo"]
    answer = search(client, q="dan van", campaign=camp.pk)
    assert titles(answer)[0] == "Dân vận khéo"
    assert all(
        corpus[t].pk == camp.pk or camp.exemplar_links.filter(exemplar=corpus[t]).exists() for t in titles(answer)
    )
    assert facet(search(client, q="van"), "campaign")


def test_pagination(client, corpus):
    first = search(client, q="ly son", limit=2)
    second = search(client, q="ly son", limit=2, offset=2)
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not set(titles(first)) & set(titles(second))


def test_suggest_names_as_you_type(client, corpus):
    def names(q):
        response = client.get("/api/v1/search/suggest", {"q": q})
        assert response.status_code == 200
        return [item["title"] for item in response.json()]

    assert "Nguyễn Văn Hùng" in names("nguyen van h")
    assert names("vo thi th")[0] == "Võ Thị Thời"
    assert "Dân vận khéo" in names("dan va")
    assert "Đặng Văn Đức" in names("đặng v")
    # stories are not names
    assert "Ngư dân cứu nạn trên biển Hoàng Sa" not in names("ngu dan")


def test_no_hits_suggests_a_spelling(client, corpus):
    answer = search(client, q="nguyn van hugn")
    assert answer["count"] == 0
    assert answer["suggestion"]["kind"] == "spelling"
    assert answer["suggestion"]["q"] == "nguyen van hung"
    assert answer["suggestion"]["count"] >= 1


def test_no_hits_suggests_dropping_the_narrowest_filter(client, corpus):
    answer = search(client, q="dan van kheo", type="exemplar")
    assert answer["count"] == 0
    assert answer["suggestion"] == {
        "kind": "drop_filter",
        "param": "type",
        "label": "Loại nội dung",
        "count": 1,
        "q": None,
    }


def test_search_page_without_javascript(client, corpus):
    response = client.get("/tim-kiem/", {"q": "dan van kheo"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dân vận khéo" in html and "<mark>" in html
    assert 'href="?q=dan+van+kheo&amp;type=campaign"' in html  # facets are plain links
    follow = client.get("/tim-kiem/", {"q": "dan van kheo", "type": "campaign"})
    assert "bỏ lọc" in follow.content.decode()


def test_search_page_messages(client, corpus):
    assert client.get("/tim-kiem/").status_code == 200
    bad = client.get("/tim-kiem/", {"q": "!!!"})
    assert bad.status_code == 400 and "chữ cái" in bad.content.decode()
    hint = client.get("/tim-kiem/", {"q": "nguyn van hugn"}).content.decode()
    assert "Có phải bạn muốn tìm" in hint and "nguyen van hung" in hint


def test_facets_false_leaves_facets_out_but_not_results(client, corpus):
    with_facets = search(client, q="ly son")
    without = search(client, q="ly son", facets="false")
    assert titles(without) == titles(with_facets)
    assert without["count"] == with_facets["count"]
    assert any(with_facets["facets"].values())
    assert not any(without["facets"].values())
