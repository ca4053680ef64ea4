"""Playwright driving Debian's Chromium against pytest-django's live server.

The browser is never downloaded: it is /usr/bin/chromium, installed by .ci/run. Playwright's
sync API runs an event loop in the test thread, so Django's async-safety guard is relaxed for
these tests only (the ORM is used from that thread between browser steps, never concurrently).
Media files (image renditions) are served by the web server in production; here a route hands
them out from MEDIA_ROOT so that screenshots show real images.
"""

from __future__ import annotations

import mimetypes
import os
import time
from pathlib import Path

import pytest

from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VENDOR = Path(__file__).parent / "vendor"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serve_media(route):
    path = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
    file = (Path(settings.MEDIA_ROOT) / path).resolve()
    if not str(file).startswith(str(Path(settings.MEDIA_ROOT).resolve())) or not file.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(status=200, body=file.read_bytes(), content_type=mimetypes.guess_type(file.name)[0] or "")


@pytest.fixture
def new_page(chromium, live_server):
    """Open a page in a fresh context with the given viewport width; closes them afterwards."""
    contexts = []

    def open_page(width: int = 360, height: int = 780):
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        context.route("**/media/**", _serve_media)
        # The admin's "release editing session" beacon, sent when a context closes, would reach
        # the server while the test database is being reset; it is not under test.
        context.route("**/admin/editing-sessions/release/**", lambda route: route.fulfill(status=200, body="{}"))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    time.sleep(0.3)  # let the server finish any request in flight before the database is reset


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the page as loaded.

    axe is evaluated through the DevTools protocol, not added as an inline <script>: the site's
    Content-Security-Policy (rightly) refuses inline scripts without its nonce.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate((VENDOR / "axe.min.js").read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
