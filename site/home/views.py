"""Small public views outside the page tree: robots.txt.

The 500 page needs no view: Django's default handler renders templates/500.html with an empty
context (no context processors, no database), which is what a failing server needs.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.urls import absolute_url


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /documents/",
        "Allow: /",
        "",
        f"Sitemap: {absolute_url('/sitemap.xml', request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
