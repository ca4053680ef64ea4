"""Bad input is a 4xx: NUL bytes and undecodable bytes anywhere in a request, deep JSON, and
unexpected exceptions under /api/ — on SQLite and, where it matters most, PostgreSQL (which
refuses NUL in text and used to answer these with an HTML 500)."""

import json

import pytest

from django.test import Client

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"

# Seen answering 500 (HTML) on PostgreSQL before the fix.
API_URLS = [
    "/api/v1/exemplars?q=%00",
    "/api/v1/exemplars/%00",
    "/api/v1/search?q=abc&field=%00",
    "/api/v2/pages/find/?html_path=/%00/",
    "/api/v1/exemplars?q=%C3%28",  # not UTF-8
    "/api/v1/exemplars/%FF%FE",
    "/api/v1/stories?%00=1",
]
PAGE_URLS = [
    "/dien-hinh/?linh_vuc=%00",
    "/tim-kiem/?q=%00",
    "/dien-hinh/%00/",
    "/tim-kiem/?q=%E1%BB",  # a cut-off UTF-8 sequence
]


def _assert_problem(response, status=400):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize("url", API_URLS)
def test_api_answers_400_problem_for_nul_and_undecodable_input(client, url):
    body = _assert_problem(client.get(url))
    assert "không hợp lệ" in body["detail"]


def test_the_problem_names_the_parameter(client):
    body = _assert_problem(client.get("/api/v1/search?q=abc&field=%00"))
    assert body["param"] == "field" and "“field”" in body["detail"]
    assert _assert_problem(client.get("/api/v1/exemplars/%00"))["param"] == "path"


@pytest.mark.parametrize("url", PAGE_URLS)
def test_pages_answer_400_with_a_vietnamese_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'lang="vi"' in html and "Yêu cầu không hợp lệ" in html and "ký tự không hợp lệ" in html


def test_valid_vietnamese_input_still_passes(client):
    assert client.get("/api/v1/exemplars?q=L%C3%BD%20S%C6%A1n").status_code == 200
    assert client.get("/tim-kiem/?q=l%C3%BD+s%C6%A1n").status_code == 200


def test_nul_in_a_json_body_is_400(client):
    for body in (b'{"subject_name": "a\\u0000b"}', b'{"subject_name": "a\x00b"}', b'{"what": "\xff\xfe"}'):
        response = client.post("/api/v1/nominations", body, content_type="application/json")
        _assert_problem(response)
    # An escaped backslash followed by "u0000" is ordinary text, not a NUL.
    response = client.post("/api/v1/nominations", b'{"what": "a\\\\u0000"}', content_type="application/json")
    assert response.status_code == 400 and "invalid_params" in response.json()


def test_nul_in_form_bodies_is_400(client):
    response = client.post(
        "/gioi-thieu-guong/", "subject_name=a%00b&what=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400 and "ký tự không hợp lệ" in response.content.decode()
    response = client.post("/gioi-thieu-guong/", {"subject_name": "a\x00b"})  # multipart
    assert response.status_code == 400 and "“subject_name”" in response.content.decode()


def test_deeply_nested_json_is_400_not_500(client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/nominations", body, content_type="application/json")
    assert response.status_code in (400, 413)
    assert response["Content-Type"] == PROBLEM


def test_unexpected_exception_under_api_is_problem_json(monkeypatch):
    from exemplars import nominations_api

    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(nominations_api, "check_rate", broken)
    client = Client(raise_request_exception=False)
    response = client.post("/api/v1/nominations", json.dumps({}), content_type="application/json")
    body = _assert_problem(response, 500)
    assert "boom" not in json.dumps(body)


def test_unknown_api_path_is_problem_json(client):
    _assert_problem(client.get("/api/v1/khong-co-duong-nay/"), 404)


def test_a_wrong_method_under_api_is_problem_json(client):
    response = client.delete("/api/v1/exemplars")
    _assert_problem(response, 405)
    assert "GET" in response["Allow"]
    _assert_problem(client.get("/api/v1/nominations"), 405)


@pytest.mark.postgres
@pytest.mark.parametrize("url", API_URLS + PAGE_URLS)
def test_nul_urls_are_400_on_postgresql(client, url):
    response = client.get(url)
    assert response.status_code == 400
