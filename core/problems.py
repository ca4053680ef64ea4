"""Problem responses (RFC 9457, `application/problem+json`) for every JSON endpoint.

Raise `Problem(...)` anywhere in an API view; the handlers installed on the NinjaAPI in
`config.api` turn it, Ninja's validation errors and Http404 into problem documents, so that
machines always get a specific, parseable error and never a 500 page or an HTML body.
"""

from __future__ import annotations

from http import HTTPStatus

from django.http import JsonResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"
API_PREFIX = "/api/"


def wants_problem(request) -> bool:
    """Whether errors for this request are answered as problem+json (every path under /api/)."""
    return request.path_info.startswith(API_PREFIX)


class Problem(Exception):  # noqa: N818 - the RFC's own word
    """An error to send as a problem document."""

    def __init__(self, status: int, detail: str, *, title: str | None = None, param: str | None = None, **extra):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.param = param
        self.extra = extra
        self.headers: dict[str, str] = extra.pop("headers", {}) or {}


def problem_response(
    status: int, detail: str, *, title: str | None = None, param: str | None = None, headers=None, **extra
) -> JsonResponse:
    body = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if param:
        body["param"] = param
    body.update(extra)
    response = JsonResponse(
        body, status=status, content_type=PROBLEM_CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )
    for key, value in (headers or {}).items():
        response[key] = value
    return response


def from_problem(problem: Problem) -> JsonResponse:
    return problem_response(
        problem.status,
        problem.detail,
        title=problem.title,
        param=problem.param,
        headers=problem.headers,
        **problem.extra,
    )


PROBLEM_DESCRIPTIONS = {
    400: "Tham số không hợp lệ (application/problem+json, trường `param` nêu tên tham số).",
    404: "Không tìm thấy (application/problem+json).",
    413: "Dữ liệu gửi lên quá lớn (application/problem+json).",
    429: "Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After (application/problem+json).",
}


def problem_responses(*codes: int, **others: dict) -> dict:
    """`openapi_extra` documenting problem responses (and any other responses given by code).

    Refers to the `Problem` component that the content API's schemas register.
    """
    responses = {
        str(code): {
            "description": PROBLEM_DESCRIPTIONS[code],
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code in codes
    }
    responses.update({str(code).lstrip("_"): spec for code, spec in others.items()})
    return {"responses": responses}
