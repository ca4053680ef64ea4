"""The domain API (`/api/v1/`), built with django-ninja, with its OpenAPI document.

Each app contributes a router; this module only assembles them and installs the problem
handlers, so that every endpoint answers errors as `application/problem+json`.
"""

from ninja import NinjaAPI, Swagger
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from django.http import Http404

from campaigns.api import router as events_router
from core.api import RENDERER
from core.problems import Problem, from_problem, problem_response
from exemplars.nominations_api import router as nominations_router
from radio.api import router as radio_router
from search.api import router as search_router

from .content_api import router as content_router


class GuongSangAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Ninja keys generated responses by int (200) and `openapi_extra` by string ("200"); both
        were written out, so the JSON had duplicate keys ("duplicated mapping key": Swagger UI
        rendered nothing). One string key per status, the `openapi_extra` entry winning, as
        JSON parsers already read it."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                if isinstance(operation, dict) and isinstance(operation.get("responses"), dict):
                    operation["responses"] = {str(code): spec for code, spec in operation["responses"].items()}
        return schema


api = GuongSangAPI(
    renderer=RENDERER,
    title="Gương Sáng API",
    version="1",
    description=(
        "API công khai, chỉ đọc (trừ gửi giới thiệu gương người tốt) của Gương Sáng: điển hình tiên tiến, "
        "phong trào thi đua, tin việc tốt, tìm kiếm và kịch bản phát thanh. Chỉ nội dung đã xuất bản, "
        "công khai và có đồng ý công bố mới xuất hiện."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    # Swagger UI from django-ninja's own static files ("ninja" in INSTALLED_APPS), never a CDN;
    # no validator badge (it would load an image from a third party).
    docs=Swagger(settings={"validatorUrl": None}),
    openapi_url="/openapi.json",
)


@api.exception_handler(Problem)
def _problem(request, exc: Problem):
    return from_problem(exc)


@api.exception_handler(NinjaValidationError)
def _validation(request, exc: NinjaValidationError):
    errors = exc.errors or []
    first = errors[0] if errors else {}
    loc = [str(part) for part in first.get("loc", []) if part not in ("query", "body", "path", "form", "file")]
    param = ".".join(loc) or None
    detail = f"Tham số không hợp lệ: {param}." if param else "Dữ liệu gửi lên không hợp lệ."
    invalid = [
        {
            "param": ".".join(str(p) for p in e.get("loc", []) if p not in ("query", "body", "path", "form", "file")),
            "message": e.get("msg", ""),
        }
        for e in errors
    ]
    return problem_response(400, detail, param=param, invalid_params=invalid)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem_response(404, str(exc) or "Không tìm thấy.")


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return problem_response(exc.status_code, str(exc))


# Routers must be added before `api.urls` is first read.
api.add_router("/", content_router)
api.add_router("/", events_router)
api.add_router("/search", search_router)
api.add_router("/nominations", nominations_router)
api.add_router("/radio", radio_router)
