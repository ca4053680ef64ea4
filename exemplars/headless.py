"""Headless preview for the content pages (wagtail-headless-preview).

Pages get two preview modes: the server-rendered page ("Trang web") and the headless
frontend ("Frontend"), which receives a token and reads the draft from
`GET /api/v1/preview?content_type=…&token=…`. The frontend mode is the default when a frontend
URL is configured (`HEADLESS_PREVIEW_URL`), so editors see the draft where the public will.
"""

from wagtail_headless_preview.models import HeadlessPreviewMixin

from django.conf import settings

HEADLESS_MODE = "headless"


class HeadlessPreviewPageMixin(HeadlessPreviewMixin):
    @property
    def preview_modes(self):
        return [("", "Trang web"), (HEADLESS_MODE, "Frontend (headless)")]

    @property
    def default_preview_mode(self):
        return HEADLESS_MODE if getattr(settings, "HEADLESS_PREVIEW_URL", "") else ""

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_MODE:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        # The next class after the mixin in the MRO is Wagtail's Page.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
