"""What the domain API answers: filters, pagination, consent-gated details, errors, CSV, v2 fields."""

import pytest


def _names(response):
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["results"]}


def test_filters(client, corpus):
    assert _names(client.get("/api/v1/exemplars?kind=individual")) == {"Cô giáo Lý Thị Hoa"}
    # a place includes the places under it
    zone = corpus["places"]["zone"].pk
    assert len(_names(client.get(f"/api/v1/exemplars?place={zone}"))) == 3
    assert _names(client.get(f"/api/v1/exemplars?place={corpus['places']['tay'].pk}")) == {"Trạm y tế An Vĩnh"}
    assert _names(client.get(f"/api/v1/exemplars?field={corpus['edu'].slug}")) == {"Cô giáo Lý Thị Hoa"}
    assert _names(client.get(f"/api/v1/exemplars?campaign={corpus['campaign'].slug}")) == {"Cô giáo Lý Thị Hoa"}
    assert _names(client.get("/api/v1/exemplars?award_type=chien-si-thi-dua-co-so")) == {"Cô giáo Lý Thị Hoa"}
    assert _names(client.get("/api/v1/exemplars?year=2019")) == {"Cô giáo Lý Thị Hoa"}
    assert _names(client.get("/api/v1/exemplars?year=2023")) == set()  # the 2023 award was revoked
    assert _names(client.get("/api/v1/exemplars?q=heo")) == {"Mô hình nuôi heo đất"}
    ordered = client.get("/api/v1/exemplars?order=-awards").json()["results"]
    assert ordered[0]["name"] == "Cô giáo Lý Thị Hoa" and ordered[0]["award_count"] == 2
    assert ordered[0]["latest_award"]["year"] == 2022
    assert [r["name"] for r in client.get("/api/v1/exemplars?order=name").json()["results"]] == sorted(
        ["Cô giáo Lý Thị Hoa", "Trạm y tế An Vĩnh", "Mô hình nuôi heo đất"]
    )


def test_pagination_links(client, corpus):
    first = client.get("/api/v1/exemplars?limit=2&order=name").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["previous"] is None
    second = client.get(first["next"].replace("http://testserver", "")).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert "offset=0" in second["previous"] and "order=name" in second["previous"]


@pytest.mark.parametrize(
    ("query", "param", "status"),
    [
        ("kind=hero", "kind", 400),
        ("limit=100000", "limit", 400),
        ("limit=0", "limit", 400),
        ("year=abc", "year", 400),
        ("offset=-1", "offset", 400),
        ("place=999999", "place", 400),
        ("field=khong-co", "field", 400),
        ("award_type=khong-co", "award_type", 400),
        ("campaign=khong-co", "campaign", 400),
        ("order=random", "order", 400),
        ("page=2", "page", 400),
    ],
)
def test_invalid_parameters_are_problems_naming_the_parameter(client, corpus, query, param, status):
    response = client.get(f"/api/v1/exemplars?{query}")
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["param"] == param and body["status"] == status and body["detail"]


def test_unknown_slugs_and_other_errors(client, corpus):
    for path in ("exemplars", "campaigns", "stories"):
        response = client.get(f"/api/v1/{path}/khong-ton-tai")
        assert response.status_code == 404 and response.json()["param"] == "slug"
    assert client.get("/api/v1/stories?since=2024-13-45").json()["param"] == "since"
    assert client.get("/api/v1/stats/awards?from=2024&to=2014").json()["param"] == "from"
    assert client.get("/api/v1/places?x=1").status_code == 400


def test_detail_applies_consent(client, corpus):
    teacher = corpus["teacher"]
    detail = client.get(f"/api/v1/exemplars/{teacher.slug}").json()
    assert detail["birth_year"] == 1980 and detail["gender"] == "female"
    assert [a["revoked"] for a in detail["awards"]] == [False, False, True]
    assert detail["campaigns"][0]["title"] == "Dân vận khéo"
    assert detail["replication_guide"] is None
    record = teacher.consent
    record.covers_birth_year = False
    record.covers_story = False
    record.save()
    detail = client.get(f"/api/v1/exemplars/{teacher.slug}").json()
    assert detail["birth_year"] is None and detail["gender"] is None and detail["body"] is None
    v2 = client.get(f"/api/v2/pages/{teacher.pk}/").json()
    assert v2["birth_year"] is None and v2["body"] is None
    model = client.get(f"/api/v1/exemplars/{corpus['model'].slug}").json()
    assert "Các bước làm." in model["replication_guide"]


def test_v2_cannot_filter_or_order_by_hidden_details(client, corpus):
    record = corpus["teacher"].consent
    record.covers_birth_year = False
    record.save()
    response = client.get("/api/v2/pages/?type=exemplars.ExemplarPage&birth_year=1980")
    assert response.status_code == 400  # not a filter: it would reveal the hidden year
    assert client.get("/api/v2/pages/?type=exemplars.ExemplarPage&order=birth_year").status_code == 400
    assert client.get("/api/v2/pages/?search=giao").status_code == 400  # search lives at /api/v1/search
    fields = client.get("/api/v2/pages/?type=exemplars.ExemplarPage&fields=fields,place,awards").json()
    item = next(i for i in fields["items"] if i["title"] == "Cô giáo Lý Thị Hoa")
    assert item["fields"] == [{"slug": corpus["edu"].slug, "name": "Giáo dục"}]
    assert item["place"]["path_label"].startswith("Thôn Đông")


def test_award_stats_json_and_csv(client, corpus):
    stats = client.get("/api/v1/stats/awards?from=2014&to=2024").json()
    assert stats["total"] == 3  # the revoked award is not counted
    counts = {row["year"]: row["count"] for row in stats["by_year"]}
    assert counts[2019] == 1 and counts[2022] == 1 and counts[2020] == 1 and counts[2023] == 0
    assert {c["category"]: c["count"] for c in stats["by_category"]} == {"emulation_title": 1, "commendation": 2}
    csv = client.get("/api/v1/stats/awards?from=2014&to=2024&format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Năm,Mã loại khen thưởng,Loại khen thưởng,Nhóm,Cấp,Số lượng"
    assert "2019,chien-si-thi-dua-co-so,Chiến sĩ thi đua cơ sở,Danh hiệu thi đua,Huyện (trước 1/7/2025),1" in lines


def test_places_tree(client, corpus):
    tree = client.get("/api/v1/places").json()
    province = next(p for p in tree if p["name"] == "Quảng Ngãi")
    district = next(c for c in province["children"] if c["kind"] == "district")
    zone = next(c for c in province["children"] if c["kind"] == "special_zone")
    assert district["valid_to"] == "2025-07-01" and not district["is_current"]
    assert zone["predecessors"] == [district["id"]] and district["successors"] == [zone["id"]]
    assert {c["name"] for c in zone["children"]} == {"Đông", "Tây"}
