"""CORS for the public read APIs: GET/HEAD (and their preflight) from configured origins.

Origins come from `CORS_ALLOWED_ORIGINS` (environment variable of the same name, comma
separated). Only paths under `CORS_PATH_PREFIXES` (default `/api/`) get CORS headers, and
credentials are never allowed: the APIs are public and anonymous.
"""

from django.conf import settings
from django.http import HttpResponse

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match"
EXPOSED_HEADERS = "ETag, Cache-Control, Content-Language"


class CorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(tuple(getattr(settings, "CORS_PATH_PREFIXES", ("/api/",)))):
            return self.get_response(request)
        origin = request.META.get("HTTP_ORIGIN")
        allowed = origin is not None and origin in getattr(settings, "CORS_ALLOWED_ORIGINS", [])
        if request.method == "OPTIONS" and origin is not None and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204 if allowed else 403)
            if allowed:
                response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
                response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        if allowed and request.method in ("GET", "HEAD", "OPTIONS"):
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        if "Origin" not in vary:
            response["Vary"] = ", ".join([*vary, "Origin"])
        return response
