"""The whole editorial path through the real admin, with one real user per role.

Writer creates → cannot publish → submits → editor requests changes → writer edits and
resubmits → editor approves → approver approves (which publishes) → the public sees it.
"""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, WorkflowState

from exemplars.models import ExemplarPage
from home.editorial import DIRECT_PUBLISH_REFUSED
from tests import factories
from tests.moderation.helpers import (
    assert_refused,
    create_url,
    current_task_name,
    edit_url,
    form_data,
    team,
    workflow_action,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    return team()


@pytest.fixture
def place():
    return factories.place_tree()["dong"]


def _new_exemplar_data(client, place, title="Tổ nhặt rác ven biển thôn Đông", kind="collective", **extra):
    index = factories.exemplar_index()
    url = create_url(index)
    data = form_data(
        client, url, title=title, slug=extra.pop("slug", "to-nhat-rac"), kind=kind, place=str(place.pk), **extra
    )
    data["summary"] = extra.get("summary", "Mỗi sáng chủ nhật, tổ nhặt rác và chai lọ dọc bờ biển.")
    return url, data


def _public_titles(client):
    response = client.get("/api/v2/pages/?type=exemplars.ExemplarPage&fields=title&limit=50")
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_full_path_writer_editor_approver(client, users, place):
    writer, editor, approver = users["writer"], users["editor"], users["approver"]

    # The writer sees "submit" but no "publish" in the editor.
    client.force_login(writer)
    url, data = _new_exemplar_data(client, place)
    html = client.get(url).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html

    # Posting "publish" anyway is refused before anything is saved.
    response = client.post(url, {**data.dict(), "action-publish": "1"}, follow=True)
    assert DIRECT_PUBLISH_REFUSED in response.content.decode()
    assert not ExemplarPage.objects.filter(slug="to-nhat-rac").exists()

    # Submit for review: step 1, and the editors are told by e-mail.
    mail.outbox.clear()
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302
    page = ExemplarPage.objects.get(slug="to-nhat-rac")
    assert not page.live
    assert current_task_name(page) == "Biên tập viên duyệt"
    assert editor.email in {addr for m in mail.outbox for addr in m.to}
    assert approver.email not in {addr for m in mail.outbox for addr in m.to}

    # The writer cannot approve their own work.
    assert_refused(workflow_action(client, page, "approve"))
    assert current_task_name(page) == "Biên tập viên duyệt"

    # The editor requests changes, with a comment; the writer is told.
    client.force_login(editor)
    mail.outbox.clear()
    response = workflow_action(client, page, "reject", comment="Cần ghi rõ số buổi ra quân.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert writer.email in {addr for m in mail.outbox for addr in m.to}

    # The writer edits and resubmits: back at step 1.
    client.force_login(writer)
    data = form_data(client, edit_url(page), summary="Mỗi sáng chủ nhật, 40 buổi ra quân nhặt rác ven biển.")
    data["action-submit"] = "1"
    assert client.post(edit_url(page), data).status_code == 302
    assert current_task_name(page) == "Biên tập viên duyệt"

    # The editor approves: step 2. The editor cannot do the approver's step.
    client.force_login(editor)
    assert workflow_action(client, page, "approve").status_code == 302
    assert current_task_name(page) == "Lãnh đạo duyệt"
    assert_refused(workflow_action(client, page, "approve"))
    assert current_task_name(page) == "Lãnh đạo duyệt"
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url or "/dien-hinh/to-nhat-rac/").status_code == 404

    # The approver approves: published, with the resubmitted text.
    client.force_login(approver)
    assert workflow_action(client, page, "approve", comment="Đồng ý đăng.").status_code == 302
    page.refresh_from_db()
    assert page.live
    assert "40 buổi ra quân" in page.summary

    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "40 buổi ra quân" in response.content.decode()
    assert "Tổ nhặt rác ven biển thôn Đông" in _public_titles(client)

    # Every step is in the page's history, with who did it.
    entries = {(e.action, e.user_id) for e in PageLogEntry.objects.filter(page=page)}
    assert ("wagtail.workflow.start", writer.pk) in entries
    assert ("wagtail.workflow.reject", editor.pk) in entries
    assert ("wagtail.workflow.resume", writer.pk) in entries
    assert ("wagtail.workflow.approve", editor.pk) in entries
    assert ("wagtail.workflow.approve", approver.pk) in entries
    assert ("wagtail.publish", approver.pk) in entries
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 302  # anonymous: login required


def test_approver_alone_goes_through_both_steps(client, users, place):
    writer, editor, approver = users["writer"], users["editor"], users["approver"]
    client.force_login(writer)
    url, data = _new_exemplar_data(client, place, title="Mô hình nuôi heo đất", kind="model", slug="heo-dat")
    assert client.post(url, data).status_code == 302  # saved as a draft, never reviewed
    page = ExemplarPage.objects.get(slug="heo-dat")

    client.force_login(approver)
    html = client.get(edit_url(page)).content.decode()
    assert 'name="action-publish"' not in html
    response = client.post(edit_url(page), {**form_data(client, edit_url(page)).dict(), "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state is None

    data = form_data(client, edit_url(page))
    data["action-submit"] = "1"
    assert client.post(edit_url(page), data).status_code == 302
    assert current_task_name(page) == "Biên tập viên duyệt"
    assert_refused(workflow_action(client, page, "approve"))  # not an editor
    assert current_task_name(page) == "Biên tập viên duyệt"

    client.force_login(editor)
    workflow_action(client, page, "approve")
    client.force_login(approver)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live


def test_bulk_publish_is_refused(client, users, place):
    page = factories.exemplar("Bản nháp chờ duyệt", publish=False)
    client.force_login(users["approver"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert DIRECT_PUBLISH_REFUSED in response.content.decode()
    page.refresh_from_db()
    assert not page.live


def test_scheduled_publication_after_approval(client, users, place):
    writer, editor, approver = users["writer"], users["editor"], users["approver"]
    client.force_login(writer)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    url, data = _new_exemplar_data(
        client,
        place,
        title="Đội thanh niên tình nguyện",
        slug="thanh-nien",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    data["action-submit"] = "1"
    assert client.post(url, data).status_code == 302
    page = ExemplarPage.objects.get(slug="thanh-nien")
    client.force_login(editor)
    workflow_action(client, page, "approve")
    client.force_login(approver)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None

    # Until the date comes, the cron command leaves it alone; afterwards it publishes.
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    # Let the date come: move the scheduled time (in the approved revision too) into the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_radio_editor_cannot_edit_pages(client, users):
    page = factories.exemplar("Tập thể mẫu")
    client.force_login(users["radio"])
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert_refused(client.get(edit_url(page)))
