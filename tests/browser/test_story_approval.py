"""Approving a story ("tin việc tốt") from its edit page, in a real browser, through both steps.

A story's `date` defaults to a callable (`timezone.localdate`); Django then expects a hidden
"initial-date" input that Wagtail never renders, so the untouched form used to look changed:
"Duyệt" saved a new revision, and with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT the story went
back to step 1 instead of on to the approver. Here the editor (step 1) and then the approver
(step 2) each press "Duyệt" in the editor's action menu of an untouched story.
"""

from __future__ import annotations

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Revision
from wagtail.rich_text import RichText

from home.editorial import APPROVERS, EDITORS
from tests import factories
from tests.browser.test_editorial import _log_in, _user, _writer

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]


def _approve_from_edit_page(browser, live_server, page_id: int) -> None:
    browser.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
    browser.locator("[data-draftail-editor]").first.wait_for()  # the body's rich text is drawn
    approve = browser.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    assert approve.inner_text().strip() == "Duyệt"
    browser.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    with browser.expect_navigation():
        approve.click()
    errors = [t for t in browser.locator(".error-message, .w-field__errors, .help-critical").all_inner_texts() if t]
    assert not [t for t in errors if t.strip()], errors


def test_story_approved_from_its_edit_page_goes_live_after_both_steps(new_page, live_server):
    from campaigns.models import StoryPage

    factories.place_tree()
    story = factories.story(
        "Ngư dân Lý Sơn cứu 5 người gặp nạn",
        publish=False,
        exemplars=[factories.exemplar("Tổ tàu cứu nạn Lý Sơn", kind="collective")],
        body=[("paragraph", RichText("<p>Giữa cơn áp thấp, tàu quay lại cứu <strong>5</strong> ngư dân.</p>"))],
    )
    writer = _writer(factories.story_index())
    story.save_revision(user=writer)
    story.get_workflow().start(story, writer)
    revisions = Revision.objects.for_instance(story).count()
    editor = _user("bientap", Group.objects.get(name=EDITORS))
    approver = _user("lanhdao", Group.objects.get(name=APPROVERS))
    assert live_server.url

    # Step 1: the editor presses "Duyệt" on the untouched story.
    _approve_from_edit_page(_log_in(new_page, live_server, editor), live_server, story.pk)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.current_workflow_task is not None
    assert story.current_workflow_task.name == "Lãnh đạo duyệt", "the workflow restarted at step 1"
    assert Revision.objects.for_instance(story).count() == revisions, "approval saved a new revision"
    assert not story.live

    # Step 2: the approver does the same; the story is published, still without a new revision.
    browser = _log_in(new_page, live_server, approver)
    _approve_from_edit_page(browser, live_server, story.pk)
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live and story.current_workflow_state is None
    assert Revision.objects.for_instance(story).count() == revisions
    assert story.date.isoformat() == "2024-06-01"  # the story's own date, not today's
    visitor = new_page(360)
    response = visitor.goto(live_server.url + story.url)
    assert response.status == 200
    assert "Ngư dân Lý Sơn cứu 5 người gặp nạn" in visitor.locator("h1").inner_text()
