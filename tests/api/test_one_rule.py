"""One rule, one place: the browse page, the domain API and search keep the same exemplars for the
same filter and word a bad value as they always have; the HTML pages, the domain API and the v2
API list the same related pages."""

import datetime
import re

import pytest

from campaigns.models import CampaignExemplar
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(corpus):
    """The API corpus (conftest), with an exemplar without consent and a draft, both in the field
    and the campaign of the public ones, and the model in the campaign too."""
    places, campaign = corpus["places"], corpus["campaign"]
    hidden = factories.exemplar(
        "Ông Ẩn Danh", kind="individual", place=places["dong"], fields=[corpus["edu"]], consent=False
    )
    draft = factories.exemplar("Bản nháp điển hình", place=places["dong"], fields=[corpus["edu"]], publish=False)
    for exemplar in (corpus["model"], hidden, draft):
        campaign.exemplar_links.add(CampaignExemplar(exemplar=exemplar))
    campaign.save_revision().publish()
    return {
        **corpus,
        "hidden": hidden,
        "draft": draft,
        "chien_si": factories.award_type("Chiến sĩ thi đua cơ sở"),
        "giay_khen": factories.award_type(),
    }


def _api(client, **params) -> set[str]:
    response = client.get("/api/v1/exemplars", params)
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


def _browse(client, **params) -> set[str]:
    response = client.get("/dien-hinh/", params)
    assert response.status_code == 200, response.content[:300]
    return set(re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode()))


def _search(client, **params) -> set[str]:
    response = client.get("/api/v1/search", {"q": "tóm tắt", "type": "exemplar", "limit": 50, **params})
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_every_surface_keeps_the_same_exemplars_for_a_filter(client, mixed):
    places, campaign = mixed["places"], mixed["campaign"]
    cases = [
        # (API and search parameter, API value, search value, browse parameter, browse value, expected)
        ("kind", "individual", "individual", "loai", "individual", {"Cô giáo Lý Thị Hoa"}),
        ("place", places["zone"].pk, places["zone"].pk, "thon", places["zone"].pk, None),
        ("place", places["tay"].pk, places["tay"].pk, "thon", places["tay"].pk, {"Trạm y tế An Vĩnh"}),
        ("field", mixed["edu"].slug, mixed["edu"].slug, "linh_vuc", mixed["edu"].slug, {"Cô giáo Lý Thị Hoa"}),
        (
            "campaign",
            campaign.slug,
            campaign.pk,
            "phong_trao",
            campaign.pk,
            {"Cô giáo Lý Thị Hoa", "Mô hình nuôi heo đất"},
        ),
        ("award_type", mixed["chien_si"].slug, mixed["chien_si"].slug, "khen_thuong", mixed["chien_si"].slug, None),
    ]
    for name, api_value, search_value, page_name, page_value, expected in cases:
        found = _api(client, **{name: api_value})
        assert found == _search(client, **{name: search_value}), name
        assert found == _browse(client, **{page_name: page_value}), name
        assert found, name
        if expected is not None:
            assert found == expected, name
        # Never the exemplar without consent, nor the draft.
        assert not found & {"Ông Ẩn Danh", "Bản nháp điển hình"}, name
    assert _api(client, year=2019) == _search(client, year=2019) == {"Cô giáo Lý Thị Hoa"}
    assert _api(client, year=2020) == _search(client, year=2020) == {"Trạm y tế An Vĩnh"}
    assert _api(client, year=2023) == _search(client, year=2023) == set()  # revoked


def test_award_type_and_year_are_one_condition_on_one_award(client, mixed):
    chien_si, giay_khen = mixed["chien_si"].slug, mixed["giay_khen"].slug
    assert _api(client, award_type=chien_si, year=2019) == {"Cô giáo Lý Thị Hoa"}
    # Her 2022 award is a Giấy khen, not the Chiến sĩ thi đua: no single award matches both.
    assert _api(client, award_type=chien_si, year=2022) == set()
    assert _api(client, award_type=giay_khen, year=2022) == {"Cô giáo Lý Thị Hoa"}


@pytest.mark.parametrize(
    ("param", "page_param", "value", "page_message", "api_message", "search_message"),
    [
        (
            "place",
            "thon",
            "999999",
            "Không có địa bàn mã “999999”. Hãy chọn một thôn trong danh sách.",
            "Không có địa bàn với mã 999999.",
            "Không có giá trị “999999” cho bộ lọc “place”.",
        ),
        (
            "place",
            "thon",
            "99999999999999999999",  # beyond any id column: names nothing, never a database error
            "Không có địa bàn mã “99999999999999999999”. Hãy chọn một thôn trong danh sách.",
            "Không có địa bàn với mã 99999999999999999999.",
            "Không có giá trị “99999999999999999999” cho bộ lọc “place”.",
        ),
        (
            "field",
            "linh_vuc",
            "khong-co",
            "Không có lĩnh vực “khong-co”. Hãy chọn một lĩnh vực trong danh sách.",
            "Không có lĩnh vực với mã “khong-co”.",
            "Không có giá trị “khong-co” cho bộ lọc “field”.",
        ),
        (
            "award_type",
            "khen_thuong",
            "khong-co",
            "Không có loại khen thưởng “khong-co”. Hãy chọn trong danh sách.",
            "Không có loại khen thưởng với mã “khong-co”.",
            "Không có giá trị “khong-co” cho bộ lọc “award_type”.",
        ),
    ],
)
def test_a_value_that_names_nothing_is_worded_for_each_surface(
    client, mixed, param, page_param, value, page_message, api_message, search_message
):
    page = client.get("/dien-hinh/", {page_param: value})
    assert page.status_code == 400 and page_message in page.content.decode()
    for url, detail in (("/api/v1/exemplars", api_message), ("/api/v1/search", search_message)):
        response = client.get(url, {"q": "tóm tắt", param: value} if "search" in url else {param: value})
        assert response.status_code == 400, (url, response.content)
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["param"] == param and response.json()["detail"] == detail


def test_a_campaign_filter_names_a_public_campaign_only(client, mixed):
    draft = factories.campaign("Phong trào nháp", publish=False)
    exemplar_id = mixed["teacher"].pk
    for value in (draft.pk, exemplar_id):
        assert "Không có phong trào mã" in client.get("/dien-hinh/", {"phong_trao": value}).content.decode()
        assert client.get("/api/v1/search", {"q": "tóm tắt", "campaign": value}).json()["param"] == "campaign"
    problem = client.get("/api/v1/exemplars", {"campaign": draft.slug}).json()
    assert problem["param"] == "campaign" and problem["detail"] == f"Không có phong trào “{draft.slug}”."
    assert client.get("/api/v1/stories", {"campaign": draft.slug}).json()["detail"] == problem["detail"]


# -- related pages ---------------------------------------------------------------------------------


@pytest.fixture
def related(mixed):
    campaign = mixed["campaign"]
    parent = factories.campaign("Cả nước thi đua", start_date=datetime.date(2015, 1, 1))
    campaign.parent_campaign = parent
    campaign.save_revision().publish()
    older = factories.campaign("Phong trào con cũ", parent_campaign=campaign, start_date=datetime.date(2022, 1, 1))
    newer = factories.campaign("Phong trào con mới", parent_campaign=campaign, start_date=datetime.date(2024, 1, 1))
    factories.campaign("Phong trào con nháp", parent_campaign=campaign, publish=False)
    stories = [
        factories.story(
            f"Việc tốt {n}",
            date=datetime.date(2024, 1, n),
            exemplars=[mixed["teacher"], mixed["hidden"], mixed["model"]],
            campaigns=[campaign, newer],
            publish=n != 3,
        )
        for n in (1, 2, 3)
    ]
    return {**mixed, "parent": parent, "children": [newer, older], "stories": stories}


def _ids(refs) -> list[int]:
    return [ref["id"] for ref in refs]


def _html_links(client, page) -> set[str]:
    body = client.get(page.url).content.decode()
    return set(re.findall(r'href="(/[^"]+)"', body))


def test_related_pages_are_the_same_on_every_surface(client, related):
    campaign, teacher, model = related["campaign"], related["teacher"], related["model"]
    public_stories = [s.pk for s in reversed(related["stories"][:2])]  # newest first; the draft left out

    api = client.get(f"/api/v1/campaigns/{campaign.slug}").json()
    v2 = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    assert api["parent"]["id"] == v2["parent_campaign"]["id"] == related["parent"].pk
    assert _ids(api["children"]) == _ids(v2["child_campaigns"]) == [c.pk for c in related["children"]]
    assert _ids(api["exemplars"]) == _ids(v2["exemplars"]) == [teacher.pk, model.pk]  # by title
    assert _ids(api["stories"]) == _ids(v2["stories"]) == public_stories
    links = _html_links(client, campaign)
    for page in [*related["children"], teacher, model, *related["stories"][:2]]:
        assert page.url in links, page.title
    assert related["hidden"].url not in links and related["stories"][2].url not in links

    story = related["stories"][0]
    api = client.get(f"/api/v1/stories/{story.slug}").json()
    listed = next(s for s in client.get("/api/v1/stories").json()["results"] if s["id"] == story.pk)
    v2 = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert _ids(api["exemplars"]) == _ids(listed["exemplars"]) == _ids(v2["exemplars"]) == [teacher.pk, model.pk]
    expected = [campaign.pk, related["children"][0].pk]  # by title: "Dân vận khéo", "Phong trào con mới"
    assert _ids(api["campaigns"]) == _ids(listed["campaigns"]) == _ids(v2["campaigns"]) == expected
    links = _html_links(client, story)
    assert teacher.url in links and model.url in links and related["hidden"].url not in links

    api = client.get(f"/api/v1/exemplars/{teacher.slug}").json()
    v2 = client.get(f"/api/v2/pages/{teacher.pk}/").json()
    assert _ids(api["campaigns"]) == _ids(v2["campaigns"]) == [campaign.pk]
    assert _ids(api["stories"]) == _ids(v2["stories"]) == public_stories
    links = _html_links(client, teacher)
    assert campaign.url in links and all(s.url in links for s in related["stories"][:2])
    assert related["stories"][2].url not in links
