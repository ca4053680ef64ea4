"""Serve image renditions from MEDIA_ROOT when no reverse proxy does (settings.SERVE_MEDIA).

Only `images/` (Wagtail's renditions, the only media files the site links to) with an image
extension is served. Everything else under MEDIA_ROOT answers 404: `documents/` must go
through Wagtail's /documents/ view, which applies collection privacy, and `original_images/`
keeps the uploaded originals (full size, with their metadata) off the public web. The nginx
configuration in docs/deployment.md draws the same line.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

SERVED_PREFIX = "images/"
IMAGE_EXTENSIONS = {".avif", ".gif", ".jpeg", ".jpg", ".png", ".webp"}
# Renditions keep their name for as long as the image and filter stay the same.
CACHE_CONTROL = "public, max-age=86400"


@require_safe
def serve_media(request, path: str):
    clean = posixpath.normpath(path).lstrip("/")
    extension = posixpath.splitext(clean)[1].lower()
    if not clean.startswith(SERVED_PREFIX) or ".." in clean.split("/") or extension not in IMAGE_EXTENSIONS:
        raise Http404("Không có tệp này.")
    response = serve(request, clean, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = CACHE_CONTROL
    # An image is never a document to run: no scripts, no plugins, even if opened directly.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
