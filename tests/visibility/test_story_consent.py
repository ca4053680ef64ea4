"""One policy for stories about someone who withdraws consent, on every surface: the story is
held back (HTML 404, both APIs, search, sitemap, feeds, radio, lists) until an editor revises
it; editors find it in the admin report "Tin bài tạm giữ vì rút lại đồng ý"."""

import html

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from exemplars.consent import withdraw_consent
from tests.moderation.helpers import assert_refused, current_task_name, edit_url, form_data, team, workflow_action

from .content import corpus
from .surfaces import STORY_SURFACES, assert_everywhere, assert_nowhere

pytestmark = pytest.mark.django_db

REPORT = "held_back_stories"


def _report(client, *, rows_only: bool = False) -> str:
    """The report page (or only its table, without the admin's flash messages)."""
    response = client.get(reverse(f"{REPORT}_results" if rows_only else REPORT))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _story_form(client, story, exemplars):
    """The story editor's form as the browser posts it, with the body (drawn by JavaScript)
    and the linked exemplars given."""
    data = form_data(client, edit_url(story))
    body = nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Đội cứu hộ trực suốt đêm.</p>"))])})
    for key, value in body.items():
        data[key] = value
    data.setlist("exemplars", [str(page.pk) for page in exemplars])
    # as a dict of lists: the test client would post only the last value of each QueryDict key
    return dict(data.lists())


def test_a_story_linking_someone_who_withdraws_consent_is_held_back_until_revised(client):
    users = team()
    pages = corpus(person=True)
    story, person, crew, other = pages["story"], pages["person"], pages["crew"], pages["other_story"]
    assert_everywhere(client, story, STORY_SURFACES)

    # The person withdraws consent: the one admin action.
    withdraw_consent(person.consent, users["editor"], note="Bà Xanh gọi điện đề nghị gỡ ngày 5/10.")
    story.refresh_from_db()
    assert story.live  # held back, not unpublished: it waits for an editor
    assert_nowhere(client, story, STORY_SURFACES)
    assert_everywhere(client, other, STORY_SURFACES)  # a story that does not link her stays

    # The editors' task: the report lists the story, whom it links, and the way to its editor.
    client.force_login(users["editor"])
    assert "Tin bài tạm giữ vì rút lại đồng ý" in _report(client)
    rows = _report(client, rows_only=True)
    assert story.title in rows and person.title in rows
    assert edit_url(story) in rows
    assert other.title not in rows
    # ... reachable from the dashboard and the Reports menu.
    dashboard = html.unescape(client.get(reverse("wagtailadmin_home")).content.decode())
    assert reverse(REPORT) in dashboard and "1 tin bài" in dashboard
    client.force_login(users["approver"])
    assert story.title in _report(client, rows_only=True)
    for role in ("writer", "radio"):
        client.force_login(users[role])
        assert_refused(client.get(reverse(REPORT)))
        assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()

    # Sending it back out while it still links her is refused, in Vietnamese, naming her.
    client.force_login(users["editor"])
    data = _story_form(client, story, [person, crew])
    data["action-submit"] = "1"
    response = client.post(edit_url(story), data)
    assert response.status_code == 200
    assert f"Bài còn liên kết tới người đã rút lại đồng ý công bố: {person.title}." in html.unescape(
        response.content.decode()
    )
    assert current_task_name(story) is None

    # The editor removes the link and submits; editor and approver approve: published again.
    data = _story_form(client, story, [crew])
    data["action-submit"] = "1"
    assert client.post(edit_url(story), data).status_code == 302
    assert workflow_action(client, story, "approve").status_code == 302
    client.force_login(users["approver"])
    assert workflow_action(client, story, "approve", comment="Đã bỏ liên kết.").status_code == 302
    story.refresh_from_db()
    assert story.live and list(story.exemplars.all()) == [crew]
    report = _report(client, rows_only=True)
    assert edit_url(story) not in report and "Không có tin bài nào đang bị tạm giữ." in report

    client.logout()
    assert_everywhere(client, story, STORY_SURFACES)


def test_saving_a_draft_of_a_held_back_story_is_always_allowed(client):
    users = team()
    pages = corpus(person=True)
    story, person, crew = pages["story"], pages["person"], pages["crew"]
    withdraw_consent(person.consent, users["editor"], note="Rút lại qua điện thoại.")
    client.force_login(users["writer"])
    data = _story_form(client, story, [person, crew])
    assert client.post(edit_url(story), data).status_code == 302  # a draft, without submitting
    story.refresh_from_db()
    assert story.has_unpublished_changes
    client.logout()
    assert_nowhere(client, story, STORY_SURFACES[:3])
