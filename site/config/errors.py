"""Error answers for the whole site, in one place (installed as handler400/403/404/500).

- Under `/api/` every error is `application/problem+json`, including the unexpected ones (an
  exception that no API handler knew answers a problem document, never an HTML 500 page).
- While the database is unreachable, every request that needed it answers 503 with
  `Retry-After`: a problem document under `/api/`, elsewhere a self-contained Vietnamese page
  (templates/503.html) rendered without the request, so without any database access.
- Anything else keeps Django's handlers and the Vietnamese templates (400.html, 404.html,
  500.html).
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

from core.problems import problem_response, wants_problem

OUTAGE_MESSAGE = "Hệ thống dữ liệu đang tạm gián đoạn. Vui lòng thử lại sau ít phút."


def retry_after() -> int:
    return int(getattr(settings, "OUTAGE_RETRY_AFTER", 60))


def database_unreachable(exc: BaseException | None) -> bool:
    """Whether `exc` came from a database that does not answer (as opposed to a bad query).

    A failed connect leaves no connection object; a server that went away mid-request leaves
    one that no longer answers `SELECT 1`. A real SQL error on a working connection is a bug
    and stays a 500.
    """
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.connection is None:
        try:
            connection.ensure_connection()
        except Exception:  # noqa: BLE001 - still unreachable
            return True
        return False
    return not connection.is_usable()


def outage_response(request) -> HttpResponse:
    seconds = retry_after()
    if wants_problem(request):
        response = problem_response(503, OUTAGE_MESSAGE)
    else:
        html = render_to_string("503.html", {"retry_minutes": max(1, seconds // 60)})
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    # Called by Django inside its `except` block, so the exception is the one being handled.
    if database_unreachable(sys.exc_info()[1]):
        return outage_response(request)
    if wants_problem(request):
        return problem_response(500, "Lỗi máy chủ. Lỗi đã được ghi lại; vui lòng thử lại sau.")
    return defaults.server_error(request, template_name)


def page_not_found(request, exception, template_name=defaults.ERROR_404_TEMPLATE_NAME):
    if wants_problem(request):
        return problem_response(404, "Không tìm thấy.")
    return defaults.page_not_found(request, exception, template_name)


def bad_request(request, exception, template_name=defaults.ERROR_400_TEMPLATE_NAME):
    if wants_problem(request):
        return problem_response(400, "Yêu cầu không hợp lệ.")
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name=defaults.ERROR_403_TEMPLATE_NAME):
    if wants_problem(request):
        return problem_response(403, "Không có quyền truy cập.")
    return defaults.permission_denied(request, exception, template_name)


PLAIN_ERRORS = {
    400: "Yêu cầu không hợp lệ.",
    403: "Không có quyền truy cập.",
    404: "Không tìm thấy.",
    405: "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.",
    413: "Dữ liệu gửi lên quá lớn.",
}


class ApiErrorsAsProblemsMiddleware:
    """Under /api/, an error answer that is not JSON (Ninja's 405 "Method not allowed", Django's
    CSRF page…) becomes a problem document with the same status and headers such as `Allow`.
    JSON errors (problem documents, Wagtail API v2's `{"message": …}`) are left as they are."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 400 or not wants_problem(request):
            return response
        if "json" in response.get("Content-Type", ""):
            return response
        problem = problem_response(
            response.status_code, PLAIN_ERRORS.get(response.status_code, "Yêu cầu không thực hiện được.")
        )
        for header in ("Allow", "Retry-After", "WWW-Authenticate"):
            if header in response:
                problem[header] = response[header]
        return problem
