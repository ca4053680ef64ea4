"""The browser fixtures of tests/browser (Playwright on Debian's Chromium), for the proposal's
end-to-end test that lives with the other proposal tests."""

from tests.browser.conftest import chromium, new_page  # noqa: F401
