"""Content-Security-Policy in a real browser: the admin keeps working, public pages and the API
documentation run without a single violation, and the documentation works offline."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from django.contrib.auth.models import User

from tests import factories
from tests.public import content

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]
PASSWORD = "matkhau-thu-nghiem-1"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _watch(page) -> list[str]:
    """Console errors and page errors, collected as they happen."""
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    page.context.add_init_script(RECORD_VIOLATIONS)
    return problems


def _violations(page, problems) -> list[str]:
    found = page.evaluate("() => window.__cspViolations || []")
    return found + [p for p in problems if "Content Security Policy" in p or "Refused to" in p]


def test_admin_pages_load_without_csp_violations(new_page, live_server):
    factories.place_tree()
    exemplar = factories.exemplar("Nguyễn Thị Kiểm Tra", kind="individual", awards=[{}])
    User.objects.create_superuser("quantri", "quantri@lyson.gov.vn", PASSWORD)
    page = new_page(1280, 900)
    problems = _watch(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    visited = {}
    for path in (
        "/admin/",
        f"/admin/pages/{exemplar.pk}/edit/",  # inline panels, date pickers, choosers: inline scripts
        "/admin/snippets/exemplars/consentrecord/",
        "/admin/documents/",
        "/admin/khoa_dang_nhap/",
    ):
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        visited[path] = (response.status, response.headers.get("content-security-policy", ""))
        assert response.status == 200, path
        assert "script-src" in visited[path][1], path
    # The editor really works: the award's date field got its date picker (an inline script).
    page.goto(live_server.url + f"/admin/pages/{exemplar.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("input[name$='decision_date']").count() >= 1
    assert _violations(page, problems) == []
    assert [p for p in problems if p.startswith("pageerror")] == []


def test_public_pages_run_without_csp_violations(new_page, live_server):
    sample = content.build()
    page = new_page(360)
    problems = _watch(page)
    for url in ("/", "/dien-hinh/", sample.individual.url, sample.story.url, "/tim-kiem/?q=bien", "/gioi-thieu-guong/"):
        response = page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert response.status == 200, url
        assert "'unsafe-inline'" not in response.headers["content-security-policy"].split("style-src")[0]
        assert _violations(page, problems) == [], url


def test_api_docs_work_offline_from_this_site_only(new_page, live_server):
    page = new_page(1280, 900)
    problems = _watch(page)
    requested: list[str] = []
    own = urlsplit(live_server.url).netloc

    def offline(route):
        requested.append(route.request.url)
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort()  # no network beyond this site

    page.context.route("**/*", offline)
    page.goto(live_server.url + "/api/v1/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Gương Sáng API" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 10  # the operations are listed
    assert [url for url in requested if urlsplit(url).netloc != own] == []
    assert _violations(page, problems) == []
