"""Bad input gets results or a 400 problem naming the parameter — never a 500 or a raw DB error."""

import pytest

from .conftest import search, titles

pytestmark = pytest.mark.django_db

SYNTAX = [
    '"',
    '""',
    "*",
    "nguyen*",
    "NEAR",
    "NEAR(a b)",
    "hung NEAR/2 van",
    ":",
    "title:hung",
    "-",
    "-hung",
    "(",
    ")",
    "(hung",
    "hung)",
    "^hung",
    "AND",
    "OR",
    "NOT hung",
    "hung OR",
    "a & b | !c",
    "'",
    "''",
    "hùng:*",
    "<->",
    "{title}: x",
    "\\",
    "%",
    "_",
    ";--",
    "' OR 1=1 --",
    "🙂 hùng",
    "𝒽𝓊𝓃𝑔",
]


@pytest.mark.parametrize("q", SYNTAX)
def test_fts_syntax_is_plain_text(client, corpus, q):
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        body = response.json()
        assert response["Content-Type"].startswith("application/problem+json")
        assert body["param"] == "q"
        assert "chữ" in body["detail"]


def test_syntax_around_words_still_finds_them(client, corpus):
    assert titles(search(client, q='"Võ" -Thị* (Thời):'))[0] == "Võ Thị Thời"
    assert titles(search(client, q='dân vận "khéo" -'))[0] == "Dân vận khéo"


@pytest.mark.parametrize("q", ["", "   ", "!!!", "…", "— – -", "()", "*:*"])
def test_empty_or_punctuation_only_is_a_400_naming_q(client, q):
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 400
    assert response.json()["param"] == "q"


def test_missing_q_is_a_400(client):
    response = client.get("/api/v1/search")
    assert response.status_code == 400 and response.json()["param"] == "q"


def test_too_long_query_is_a_400(client):
    response = client.get("/api/v1/search", {"q": "a" * 201})
    assert response.status_code == 400
    assert response.json()["param"] == "q" and "200" in response.json()["detail"]
    assert client.get("/api/v1/search", {"q": "hùng " * 40}).status_code == 200


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("type", "video"),
        ("kind", "robot"),
        ("field", "khong-co"),
        ("place", "999999"),
        ("place", "abc"),
        ("campaign", "999999"),
        ("campaign", "99999999999999999999"),  # beyond any id column: a 400, not a database error
        ("award_type", "huan-chuong-khong-co"),
        ("year", "1800"),
        ("year", "hai-nghin"),
        ("limit", "0"),
        ("limit", "51"),
        ("limit", "x"),
        ("offset", "-1"),
        ("offset", "100000"),
    ],
)
def test_unknown_filter_values_are_a_400_naming_the_param(client, corpus, param, value):
    response = client.get("/api/v1/search", {"q": "hung", param: value})
    assert response.status_code == 400, response.content
    assert response.json()["param"] == param


def test_campaign_filter_rejects_a_non_campaign_page(client, corpus):
    exemplar_id = corpus["Võ Thị Thời"].pk
    response = client.get("/api/v1/search", {"q": "thoi", "campaign": exemplar_id})
    assert response.status_code == 400 and response.json()["param"] == "campaign"


@pytest.mark.parametrize("q", ["", "a", "!", "x" * 201])
def test_suggest_bad_input(client, q):
    response = client.get("/api/v1/search/suggest", {"q": q})
    assert response.status_code == 400 and response.json()["param"] == "q"


def test_snippets_escape_html_in_content(client):
    from tests import factories

    factories.exemplar(
        "Nhóm Ánh Trăng", kind="collective", summary="Tỉ lệ hộ nghèo < 2% & “không ai” bị bỏ lại; thử <b>in đậm</b>."
    )
    item = search(client, q="anh trang")["items"][0]
    assert "&lt; 2% &amp;" in item["snippet"] and "<b>" not in item["snippet"]
    assert item["snippet"].replace("<mark>", "").replace("</mark>", "").count("<") == 0
