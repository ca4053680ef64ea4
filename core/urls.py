"""Absolute links: the one rule for every surface that prints a full URL.

Feeds, the radio script, canonical tags, Open Graph, JSON-LD and API payloads all ask here.
The base is `settings.PUBLIC_BASE_URL` when it is set (production: the public HTTPS address,
whatever Host header or proxy hop the request came through); otherwise the address the request
was served on (development: http://127.0.0.1:8000, a laptop's LAN address…); with neither, the
path alone. Wagtail's own `get_full_url` would use the Site record instead (hostname
"localhost", port 80, unless someone edited it), which is why pages go through `page_url`.
The site has one Wagtail Site; PUBLIC_BASE_URL is its address.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri


def base_url(request=None) -> str:
    """Scheme and host (no trailing slash) of absolute links, or "" when nothing says."""
    configured = getattr(settings, "PUBLIC_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return ""


def absolute_url(path: str, request=None) -> str:
    """`path` (a site path, or already a full URL) as a full URL under `base_url`."""
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    return base_url(request) + iri_to_uri(path)


def page_url(page, request=None) -> str | None:
    """A page's full public URL, or None when it is not routable (outside every Site)."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _site_id, root_url, path = parts
    base = base_url(request)
    return (base or root_url.rstrip("/")) + iri_to_uri(path)


def rebase(url: str, request=None) -> str:
    """A full URL built by something else (Wagtail's sitemap) moved onto `base_url`."""
    base = base_url(request)
    if not base or not url.startswith(("http://", "https://")):
        return url
    parts = urlsplit(url)
    return base + urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
