"""Propagation (issue 17): an editor records where a model was taken up, in Wagtail's admin in a
real browser; the adoption goes through the page's two-step approval and reaches the public profile
and /nhan-rong/ only once the last step publishes it. (The other propagation tests are in
tests/propagation/; this one lives here to share the session's browser.)"""

from __future__ import annotations

import re

import pytest

from exemplars.models import Adoption, ExemplarPage
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.test_editorial import _log_in, _user, _writer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]

MODEL = "Mô hình tủ thuốc nhân đạo"
ADOPTER = "Chi hội Chữ thập đỏ thôn Tây (thử nghiệm)"


def _spread_section(visitor, live_server, slug: str) -> str:
    visitor.goto(live_server.url + "/nhan-rong/")
    return visitor.locator("article.spread", has=visitor.locator(f'a[href="/dien-hinh/{slug}/"]')).inner_text()


def test_an_adoption_added_in_the_admin_is_public_only_after_both_approvals(new_page, live_server):
    places = factories.place_tree()
    model = factories.exemplar(MODEL, kind="model", summary="Tủ thuốc dùng chung cho bà con, do hội viên góp thuốc.")
    workflow = model.get_workflow()
    assert workflow is not None, "no workflow covers the exemplar list"
    tasks = [t.specific for t in workflow.tasks]
    assert len(tasks) == 2, [t.name for t in tasks]
    reviewers = [_user(f"duyet{i}", *task.groups.all()) for i, task in enumerate(tasks, start=1)]
    writer = _writer(factories.exemplar_index())
    assert live_server.url

    # A visitor sees the model, not yet replicated.
    visitor = new_page(1024)
    visitor.goto(live_server.url + model.url)
    assert "Chưa có nơi nào được ghi nhận làm theo." in visitor.locator("section.adoptions").inner_text()
    assert "0 nơi làm theo" in _spread_section(visitor, live_server, model.slug)

    # The writer adds the adoption in the page's "Nơi đã nhân rộng" panel and submits for review.
    page = _log_in(new_page, live_server, writer)
    page.goto(f"{live_server.url}/admin/pages/{model.pk}/edit/")
    page.locator("#id_adoptions-ADD").click()
    # The place is chosen in the places chooser, as an editor does.
    page.locator("#inline_child_adoptions-0 [data-chooser-action-choose]").first.click()
    page.locator(".modal").get_by_role("link", name="Thôn Tây", exact=True).click()
    page.locator(".modal").wait_for(state="hidden")
    assert page.locator("#id_adoptions-0-place").input_value() == str(places["tay"].pk)
    page.fill("#id_adoptions-0-since", "2024-03-01")
    page.locator("#id_adoptions-0-adopter_kind").select_option("collective")
    page.fill("#id_adoptions-0-adopter_name", ADOPTER)
    page.fill("#id_adoptions-0-results_text", "Tủ thuốc phục vụ 40 hộ trong thôn.")
    page.locator("#id_adoptions-0-source_kind").select_option("field_visit")
    page.fill("#id_adoptions-0-source_citation", "Phóng viên khảo sát ngày 15/4/2024 (thử nghiệm).")
    with page.expect_navigation():
        page.locator("button[name='action-submit']").dispatch_event("click")
    errors = [
        t for t in page.locator(".error-message, .w-field__errors, .help-critical").all_inner_texts() if t.strip()
    ]
    assert not errors, errors
    model = ExemplarPage.objects.get(pk=model.pk)
    assert model.current_workflow_state is not None and model.current_workflow_state.status == "in_progress"
    assert not Adoption.objects.filter(page=model).exists()  # only in the revision under review

    # Under review: nothing public changed.
    visitor.goto(live_server.url + model.url)
    assert ADOPTER not in visitor.locator("main").inner_text()
    assert "0 nơi làm theo" in _spread_section(visitor, live_server, model.slug)
    api = visitor.context.request.get(f"{live_server.url}/api/v1/exemplars/{model.slug}").json()
    assert api["adoption_count"] == 0

    # Step 1 (editor) approves: still not public. Step 2 (approver) approves: published.
    for i, reviewer in enumerate(reviewers):
        reviewer_page = _log_in(new_page, live_server, reviewer)
        row = reviewer_page.locator("tr", has_text=MODEL)
        approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
        assert approve.count() == 1, f"no approve button for {reviewer.username}"
        with reviewer_page.expect_navigation():
            approve.dispatch_event("click")
        if i == 0:
            assert not Adoption.objects.filter(page=model).exists()
            visitor.goto(live_server.url + model.url)
            assert ADOPTER not in visitor.locator("main").inner_text()

    adoption = Adoption.objects.get(page=model)
    assert adoption.place == places["tay"] and adoption.published_at is not None

    # On the public site: the profile's "Nơi đã nhân rộng" and the /nhan-rong/ page.
    visitor.goto(live_server.url + model.url)
    section = visitor.locator("section.adoptions").inner_text()
    assert "Nơi đã nhân rộng" in section and "Thôn Tây" in section and ADOPTER in section
    assert "Khảo sát thực tế" in section and "Đang áp dụng" in section
    assert axe_violations(visitor) == []
    spread = _spread_section(visitor, live_server, model.slug)
    assert "1 nơi làm theo" in spread and "Thôn Tây" in spread
    assert visitor.locator("svg[role='img']").count() >= 1
    assert axe_violations(visitor) == []
    api = visitor.context.request.get(f"{live_server.url}/api/v1/exemplars/{model.slug}").json()
    assert api["adoption_count"] == 1 and api["adoptions"][0]["who"]["name"] == ADOPTER
    assert re.match(r"\d{4}-\d{2}-\d{2}$", api["adoptions"][0]["since"])
