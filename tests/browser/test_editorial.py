"""The editorial path in Wagtail's admin, in a real browser: submit → approve → publish → public.

Written against whatever workflow covers the exemplar list: with the project's two-step
"Duyệt hai bước" (issue 4) a writer submits, an editor approves step one and an approver's
approval of step two publishes; with Wagtail's default one-step workflow the same test runs
with one reviewer. Each reviewer is a member of the groups of the task they approve.
"""

from __future__ import annotations

import re

import pytest

from django.contrib.auth.models import Group, Permission, User

from wagtail.models import GroupPagePermission

from tests import factories
from tests.browser.test_visitor import SEARCH_PENDING

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("migrated_db")]
PASSWORD = "matkhau-thu-nghiem-1"


def _user(username: str, *groups: Group) -> User:
    user = User.objects.create_user(username, email=f"{username}@example.vn", password=PASSWORD)
    access, _ = Group.objects.get_or_create(name="Truy cập quản trị (thử nghiệm)")
    access.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(access, *groups)
    return user


def _writer(index_page) -> User:
    group, _ = Group.objects.get_or_create(name="Người viết (thử nghiệm)")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=index_page,
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    return _user("nguoiviet", group)


def _log_in(new_page, live_server, user: User):
    page = new_page(1280, 900)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def test_draft_goes_through_review_and_appears_on_the_public_site(new_page, live_server):
    factories.place_tree()
    draft = factories.exemplar(
        "Tổ tàu cá Nguyễn Đông Hải",
        kind="collective",
        publish=False,
        summary="Tổ tàu cá thôn Đông giúp nhau vươn khơi bám biển.",
    )
    draft.save_revision()
    workflow = draft.get_workflow()
    assert workflow is not None, "no workflow covers the exemplar list"
    tasks = [t.specific for t in workflow.tasks]
    reviewers = [_user(f"duyet{i}", *task.groups.all()) for i, task in enumerate(tasks, start=1)]
    writer = _writer(factories.exemplar_index())
    assert live_server.url  # the server is up before anyone logs in
    edit_url = f"{live_server.url}/admin/pages/{draft.pk}/edit/"

    # The writer changes the summary and submits the draft for review.
    page = _log_in(new_page, live_server, writer)
    page.goto(edit_url)
    page.fill("#id_summary", "Tổ tàu cá thôn Đông giúp nhau vươn khơi bám biển, cứu nạn trên biển.")
    with page.expect_navigation():
        page.locator("button[name='action-submit']").dispatch_event("click")
    errors = [
        t for t in page.locator(".error-message, .w-field__errors, .help-critical").all_inner_texts() if t.strip()
    ]
    assert not errors, errors
    draft.refresh_from_db()
    state = draft.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert not draft.live
    assert page.context.request.get(live_server.url + draft.url).status == 404

    # Each reviewer approves their step; the last approval publishes.
    for i, (task, reviewer) in enumerate(zip(tasks, reviewers, strict=True)):
        page = _log_in(new_page, live_server, reviewer)
        # The dashboard's "awaiting your review" panel, as a reviewer sees it after logging in.
        # (Approving from the editor's action menu is covered by the test below.)
        row = page.locator("tr", has_text="Tổ tàu cá Nguyễn Đông Hải")
        approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
        assert approve.count() == 1, f"no approve button for {reviewer.username} on {task.name}"
        with page.expect_navigation():
            approve.dispatch_event("click")
        draft.refresh_from_db()
        if i < len(tasks) - 1:
            assert not draft.live, f"published after step {task.name} of {len(tasks)}"

    assert draft.live
    # On the public site, where a visitor finds it in the list and on its page.
    visitor = new_page(360)
    visitor.goto(live_server.url + "/dien-hinh/")
    visitor.get_by_role("link", name="Tổ tàu cá Nguyễn Đông Hải").click()
    assert "cứu nạn trên biển" in visitor.locator(".lead").inner_text()

    response = visitor.goto(live_server.url + "/tim-kiem/?q=nguyen+dong+hai")
    if response.status == 404:
        pytest.skip("published and on the public site; " + SEARCH_PENDING)
    assert visitor.get_by_role("link", name="Tổ tàu cá Nguyễn Đông Hải").count() >= 1


def test_editor_approves_an_unchanged_page_from_the_editor(new_page, live_server):
    """ "Duyệt" in the editor's action menu on a page nobody touched: step 1 is approved and the
    page moves to "Lãnh đạo duyệt", without a new revision (which would need re-approval).

    The page's rich text is stored as imports write it (no Draftail block keys, <strong>), which
    Draftail posts back rebuilt; that must not count as an edit.
    """
    from django.contrib.auth.models import Group

    from wagtail.models import Revision
    from wagtail.rich_text import RichText

    from home.editorial import EDITORS

    factories.place_tree()
    page = factories.exemplar(
        "Mô hình tàu trực cứu nạn",
        kind="model",
        publish=False,
        fields=[factories.field("Cứu hộ cứu nạn"), factories.field("Khai thác hải sản")],
        awards=[{"decision_number": "15/QĐ-UBND"}],
        achievements="<p>Cứu <strong>12</strong> ngư dân.</p>\n<ul><li>2023: 5 người</li><li>2024: 7 người</li></ul>",
        replication_guide="<h3>Cần chuẩn bị</h3>\n<p>Một tàu <i>trực cứu nạn</i>.</p>",
        body=[("paragraph", RichText("<h2>Chuyện tổ tàu</h2><p>Đoạn <em>mở đầu</em>.</p>"))],
    )
    writer = _writer(factories.exemplar_index())
    page.save_revision(user=writer)
    page.get_workflow().start(page, writer)
    revisions = Revision.objects.for_instance(page).count()
    editor = _user("bientap", Group.objects.get(name=EDITORS))
    assert live_server.url

    browser = _log_in(new_page, live_server, editor)
    browser.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    browser.locator("[data-draftail-editor]").first.wait_for()  # the rich text editors are drawn
    # The action menu's plain "Duyệt" (not "Duyệt kèm bình luận", which opens a dialog).
    approve = browser.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")
    assert approve.inner_text().strip() == "Duyệt"
    browser.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    with browser.expect_navigation():
        approve.click()

    page.refresh_from_db()
    assert page.current_workflow_task is not None
    assert page.current_workflow_task.name == "Lãnh đạo duyệt"
    assert Revision.objects.for_instance(page).count() == revisions
    assert not page.live
