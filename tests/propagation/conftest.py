"""The browser fixtures of tests/browser (Playwright with Debian's Chromium), for the browser
test of this folder."""

from tests.browser.conftest import chromium, new_page  # noqa: F401
