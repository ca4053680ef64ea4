"""Serving a page asks the visibility rule: an expired page, or one its model's rule hides
(consent), answers 404 to everyone — anonymous or signed in — until it is published again.

Editors' previews do not pass through Wagtail's serve view, so they still show the page. View
restrictions are not checked here: Wagtail's own `on_serve_page` hook answers a restricted page
with its password or login form, after this one has let the page through.
"""

from django.http import Http404

from wagtail import hooks

from .visibility import is_servable


@hooks.register("before_serve_page")
def refuse_pages_the_rule_hides(page, request, serve_args, serve_kwargs):
    if not is_servable(page):
        raise Http404("Không tìm thấy trang.")
