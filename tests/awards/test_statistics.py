"""/thong-ke/, its downloads and /api/v1/stats/awards: the same figures, no names, Vietnamese errors."""

import csv
import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from exemplars.models import Award
from tests import factories
from tests.public import html_validator

pytestmark = pytest.mark.django_db

D = datetime.date


def entry(name, year, signer, group="", kind="individual", **extra):
    award = Award(
        recipient_name=name,
        recipient_kind=kind,
        recipient_group=group,
        award_type=extra.pop("award_type", None) or factories.award_type(),
        decision_number=extra.pop("decision_number", f"{year}-{name}"),
        decision_date=extra.pop("decision_date", D(year, 12, 1)),
        issuer_as_printed=signer,
        **extra,
    )
    award.save()
    return award


@pytest.fixture
def register(db):
    factories.place_tree()
    entry("Ngư dân A", 2018, "Chủ tịch UBND xã An Hải", "fisher")
    entry("Nông dân B", 2018, "Chủ tịch UBND huyện Lý Sơn", "farmer", kind="household")
    entry("Cán bộ C", 2018, "Chủ tịch UBND huyện Lý Sơn", "official")
    entry("Tổ D", 2020, "Chủ tịch UBND tỉnh Quảng Ngãi", "fisher", kind="collective", occasion="ad_hoc")
    entry(
        "Công nhân E",
        2020,
        "Thủ tướng Chính phủ",
        "worker",
        proposed_on=D(2020, 10, 2),
        decision_date=D(2020, 12, 1),
    )
    entry("Thu hồi F", 2020, "Chủ tịch UBND huyện Lý Sơn", "fisher", revoked=True, revoked_date=D(2021, 1, 1))


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_api_breakdowns(client, register):
    data = client.get("/api/v1/stats/awards?from=2018&to=2020").json()
    assert data["total"] == 5  # the revoked award is not counted
    assert {r["level"]: r["count"] for r in data["by_level"]} == {
        "national": 1,
        "province": 1,
        "district": 2,
        "commune": 1,
    }
    year_level = {r["year"]: r["levels"] for r in data["by_year_level"]}
    assert year_level[2018]["commune"] == 1 and year_level[2018]["district"] == 2 and year_level[2019]["district"] == 0
    assert {r["kind"]: r["count"] for r in data["by_kind"]} == {"individual": 3, "collective": 1, "household": 1}
    assert {r["occasion"]: r["count"] for r in data["by_occasion"]} == {"regular": 4, "ad_hoc": 1}
    assert {r["group"]: r["count"] for r in data["by_group"]} == {"farmer": 1, "fisher": 2, "worker": 1, "official": 1}
    shares = {r["year"]: (r["direct"], r["total"], r["share"]) for r in data["direct_workers"]["by_year"]}
    assert shares[2018] == (2, 3, 66.7) and shares[2020] == (2, 2, 100.0) and shares[2019] == (0, 0, 0.0)
    timeliness = {r["year"]: r for r in data["timeliness"]["by_year"]}
    assert timeliness[2020]["count"] == 1 and timeliness[2020]["mean_days"] == 60.0
    assert timeliness[2018]["count"] == 0 and timeliness[2018]["mean_days"] is None
    filtered = client.get("/api/v1/stats/awards?from=2018&to=2020&level=district&group=fisher").json()
    assert filtered["total"] == 0 and filtered["filters"] == {"level": "district", "group": "fisher"}
    assert client.get("/api/v1/stats/awards?from=2018&to=2020&level=commune").json()["total"] == 1


@pytest.mark.parametrize(
    ("query", "param"),
    [("level=huyen", "level"), ("group=thuyen-truong", "group"), ("from=2024&to=2014", "from")],
)
def test_api_rejects_bad_filters_as_problem_json(client, register, query, param):
    response = client.get(f"/api/v1/stats/awards?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["param"] == param


def test_the_page_draws_charts_with_tables_beside_them(client, register):
    body = html(client, "/thong-ke/?tu_nam=2018&den_nam=2020")
    assert "<h1>Thống kê khen thưởng</h1>" in body
    charts = re.findall(r'<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', body)
    assert len(charts) == 4
    for ids in charts:
        title_id, desc_id = ids.split()
        assert f'<title id="{title_id}">' in body and f'<desc id="{desc_id}">' in body
    captions = re.findall(r"<caption>([^<]+)</caption>", body)
    for expected in (
        "Số khen thưởng theo năm và cấp khen",
        "Số khen thưởng theo hình thức",
        "Tỷ lệ khen thưởng người lao động trực tiếp theo năm",
        "Cá nhân, tập thể và hộ gia đình theo năm",
    ):
        assert any(c.startswith(expected) for c in captions), expected
    # The year × level table has the numbers the API has.
    assert re.search(r'<th scope="row">2018</th><td>0</td><td>0</td><td>2</td><td>1</td><td>0</td><td>5?3</td>', body)
    assert "<strong>5</strong> khen thưởng" in body
    assert 'href="/thong-ke/tai-ve.csv?tu_nam=2018&amp;den_nam=2020"' in body


def test_filters_by_level_and_group_and_bad_values_get_a_vietnamese_message(client, register):
    body = html(client, "/thong-ke/?tu_nam=2018&den_nam=2020&cap=district")
    assert "<strong>2</strong> khen thưởng" in body and "cấp huyện" in body
    body = html(client, "/thong-ke/?tu_nam=2018&den_nam=2020&nhom=fisher")
    assert "<strong>2</strong> khen thưởng" in body and "người lao động trực tiếp 100" in body
    for query, message in [
        ("tu_nam=abc", "Năm bắt đầu “abc” không phải là một năm"),
        ("tu_nam=2020&den_nam=2018", "Năm bắt đầu phải không lớn hơn năm kết thúc."),
        ("cap=huyen", "Cấp khen “huyen” không có trong danh mục."),
        ("nhom=abc", "Nhóm đối tượng “abc” không có trong danh mục."),
    ]:
        body = html(client, f"/thong-ke/?{query}", status=400)
        assert message in body and 'role="alert"' in body


def test_downloads_have_the_same_figures_and_no_names(client, register):
    api = client.get("/api/v1/stats/awards?from=2018&to=2020").json()
    response = client.get("/thong-ke/tai-ve.csv?tu_nam=2018&den_nam=2020")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="thong-ke-khen-thuong-2018-2020.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Năm",
        "Cấp khen",
        "Hình thức khen thưởng",
        "Nhóm đối tượng",
        "Loại đối tượng",
        "Thường xuyên/đột xuất/chuyên đề",
        "Số lượng",
    ]
    assert sum(int(r[-1]) for r in rows[1:]) == api["total"]
    assert ["2020", "Trung ương", "Giấy khen", "Công nhân", "Cá nhân", "Thường xuyên", "1"] in rows
    response = client.get("/thong-ke/tai-ve.xlsx?tu_nam=2018&den_nam=2020&cap=district")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = load_workbook(io.BytesIO(response.content))
    assert {"Chi tiết", "Năm và cấp", "Hình thức", "Lao động trực tiếp", "Loại đối tượng", "Kịp thời"} <= set(
        book.sheetnames
    )
    detail = [list(r) for r in book["Chi tiết"].iter_rows(values_only=True)]
    header_at = detail.index(rows[0])
    assert sum(r[-1] for r in detail[header_at + 1 :]) == 2
    assert client.get("/thong-ke/tai-ve.csv?cap=xx").status_code == 400


def test_linked_from_home_and_footer(client):
    factories.exemplar_index()
    body = html(client, "/")
    assert body.count('href="/thong-ke/"') >= 2  # the home section and the footer


def test_a_new_award_shows_at_once(client, register):
    assert "<strong>5</strong> khen thưởng" in html(client, "/thong-ke/?tu_nam=2018&den_nam=2020")
    entry("Ngư dân G", 2019, "Chủ tịch UBND xã An Vĩnh", "fisher")
    assert "<strong>6</strong> khen thưởng" in html(client, "/thong-ke/?tu_nam=2018&den_nam=2020")
    assert client.get("/api/v1/stats/awards?from=2018&to=2020").json()["total"] == 6


def test_the_statistics_pages_are_valid_html(client, register):
    reason = html_validator.available()
    if reason:
        pytest.skip(reason)
    documents = {
        "statistics": html(client, "/thong-ke/?tu_nam=2018&den_nam=2020"),
        "statistics filtered": html(client, "/thong-ke/?cap=commune&nhom=fisher"),
        "statistics error": html(client, "/thong-ke/?tu_nam=abc", 400),
    }
    assert html_validator.validate(documents) == {}
