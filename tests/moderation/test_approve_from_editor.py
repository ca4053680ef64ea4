"""Approving from the page editor ("Duyệt" in the editor's action menu) on an unchanged page.

The editor's form is posted with the workflow action, and Wagtail saves a new revision when the
form registers a change; with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT a new revision voids
earlier approvals. Rich text comes back from Draftail rebuilt (block keys added, tags
normalised), so unchanged rich text must not count as a change, and a real edit still must.
"""

from __future__ import annotations

import json

import pytest

from django.conf import settings

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Revision
from wagtail.rich_text import RichText

from exemplars.blocks import StoryBlock
from exemplars.models import ExemplarPage
from tests import factories
from tests.moderation.helpers import current_task_name, edit_url, form_data, team, workflow_action

pytestmark = pytest.mark.django_db

# Stored as the seed import and the factories write it: no Draftail block keys, <strong> not <b>,
# whitespace between tags.
ACHIEVEMENTS = (
    "<p>Cứu <strong>12</strong> ngư dân gặp nạn.</p>\n<ul><li>Năm 2023: 5 người</li><li>Năm 2024: 7 người</li></ul>"
)
GUIDE = "<h3>Cần chuẩn bị</h3>\n<p>Một tàu <i>trực cứu nạn</i> và danh sách liên lạc.</p>"
PARAGRAPH = (
    '<h2>Chuyện tổ tàu</h2><p>Đoạn văn <em>mở đầu</em> với <a href="https://lyson.quangngai.gov.vn/">liên kết</a>.</p>'
)


@pytest.fixture
def users():
    return team()


@pytest.fixture
def exemplar_in_review(users):
    factories.place_tree()
    page = factories.exemplar(
        "Mô hình tàu trực cứu nạn",
        kind="model",
        publish=False,
        fields=[factories.field("Cứu hộ cứu nạn"), factories.field("Khai thác hải sản")],
        awards=[{"decision_number": "15/QĐ-UBND"}],
        achievements=ACHIEVEMENTS,
        replication_guide=GUIDE,
        body=[("paragraph", RichText(PARAGRAPH))],
    )
    page.save_revision(user=users["writer"])
    page.get_workflow().start(page, users["writer"])  # step 1: the editors
    page.refresh_from_db()
    assert current_task_name(page) == "Biên tập viên duyệt"
    return page


def _as_browser_posts(client, page, **changes):
    """The editor's form as Chromium posts it (captured with Playwright): Draftail sends contentstate
    JSON for each rich text, the StreamField's blocks come as the JS widget writes them."""
    data = form_data(client, edit_url(page))
    page = type(page).objects.get(pk=page.pk)
    paragraph_features = StoryBlock.base_blocks["paragraph"].features
    data["body-count"] = str(len(page.body))
    for i, child in enumerate(page.body):
        data[f"body-{i}-type"] = child.block_type
        data[f"body-{i}-id"] = child.id
        data[f"body-{i}-deleted"] = ""
        data[f"body-{i}-order"] = str(i)
        data[f"body-{i}-value"] = ContentstateConverter(paragraph_features).from_database_format(child.value.source)
    for key, value in changes.items():
        data[key] = value
    return data


def _approve_in_editor(client, page, data):
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    return client.post(edit_url(page), dict(data.lists()))  # every checked box, as a browser posts


def test_the_rendered_rich_text_really_differs_from_the_stored_html(client, users, exemplar_in_review):
    """The premise: what Draftail posts back is not the stored HTML string."""
    client.force_login(users["editor"])
    data = _as_browser_posts(client, exemplar_in_review)
    assert json.loads(data["achievements"])["blocks"][0]["key"]  # Draftail's block key travels
    form_class = ExemplarPage.get_edit_handler().get_form_class()
    field = form_class.base_fields["achievements"]
    posted_html = field.widget.value_from_datadict(data, {}, "achievements")
    assert posted_html != ACHIEVEMENTS and "data-block-key" in posted_html


def test_unchanged_form_does_not_register_a_change(client, users, exemplar_in_review):
    client.force_login(users["editor"])
    page = ExemplarPage.objects.get(pk=exemplar_in_review.pk)
    data = _as_browser_posts(client, page)
    form_class = ExemplarPage.get_edit_handler().get_form_class()
    form = form_class(data, instance=page, parent_page=page.get_parent(), for_user=users["editor"])
    assert form.is_valid(), form.errors
    assert form.changed_data == []
    assert not form.has_changed()


@pytest.mark.parametrize(
    ("field", "new_value"),
    [
        ("summary", "Tóm tắt mới do biên tập viên sửa."),
        ("achievements", "<p>Cứu <b>13</b> ngư dân gặp nạn.</p>"),  # posted as HTML, converted below
        ("body", None),
    ],
)
def test_real_edits_register_as_changes(client, users, exemplar_in_review, field, new_value):
    client.force_login(users["editor"])
    page = ExemplarPage.objects.get(pk=exemplar_in_review.pk)
    data = _as_browser_posts(client, page)
    if field == "achievements":
        data["achievements"] = ContentstateConverter(["bold"]).from_database_format(new_value)
    elif field == "body":
        contentstate = json.loads(data["body-0-value"])
        contentstate["blocks"][-1]["text"] = contentstate["blocks"][-1]["text"].replace("mở đầu", "mở màn")
        data["body-0-value"] = json.dumps(contentstate)
    else:
        data[field] = new_value
    form_class = ExemplarPage.get_edit_handler().get_form_class()
    form = form_class(data, instance=page, parent_page=page.get_parent(), for_user=users["editor"])
    assert form.is_valid(), form.errors
    assert form.changed_data == [field]


def test_editor_approves_unchanged_page_from_the_editor(client, users, exemplar_in_review):
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT
    page = exemplar_in_review
    revisions = Revision.objects.for_instance(page).count()
    client.force_login(users["editor"])
    response = _approve_in_editor(client, page, _as_browser_posts(client, page))
    assert response.status_code == 302
    assert current_task_name(page) == "Lãnh đạo duyệt"
    assert Revision.objects.for_instance(page).count() == revisions  # nothing was saved

    # The approver, too, approves from the editor without touching anything: published.
    client.force_login(users["approver"])
    response = _approve_in_editor(client, page, _as_browser_posts(client, page))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    assert "<strong>12</strong>" in page.achievements  # the stored HTML was left as it was


def test_an_edit_with_the_approval_still_needs_reapproval(client, users, exemplar_in_review):
    """Wagtail's designed behaviour: the approver edits while approving step 2, so step 1's
    approval was for older content; the page goes back to the editors, unpublished."""
    page = exemplar_in_review
    client.force_login(users["editor"])
    assert workflow_action(client, page, "approve").status_code == 302
    assert current_task_name(page) == "Lãnh đạo duyệt"

    client.force_login(users["approver"])
    data = _as_browser_posts(client, page, summary="Lãnh đạo sửa tóm tắt khi duyệt.")
    revisions = Revision.objects.for_instance(page).count()
    assert _approve_in_editor(client, page, data).status_code == 302
    page.refresh_from_db()
    assert Revision.objects.for_instance(page).count() == revisions + 1
    assert not page.live
    assert current_task_name(page) == "Biên tập viên duyệt"
    assert page.get_latest_revision_as_object().summary == "Lãnh đạo sửa tóm tắt khi duyệt."


# -- stories: a date field whose default is a callable (timezone.localdate) --------------------


@pytest.fixture
def story_in_review(users):
    factories.place_tree()
    story = factories.story(
        "Ngư dân Lý Sơn cứu người trên biển",
        publish=False,
        exemplars=[factories.exemplar("Tổ tàu cứu nạn", kind="collective")],
        body=[("paragraph", RichText(PARAGRAPH))],
    )
    story.save_revision(user=users["writer"])
    story.get_workflow().start(story, users["writer"])
    assert current_task_name(story) == "Biên tập viên duyệt"
    return story


def test_every_admin_form_compares_callable_defaults_with_the_initial_value():
    """Wagtail's panels never render Django's hidden "initial-…" inputs, so no admin form field
    may rely on them (`show_hidden_initial`), whatever its model default."""
    from django.db import models as dj_models

    from wagtail.models import get_page_models

    from campaigns.models import StoryPage

    assert callable(StoryPage._meta.get_field("date").default)  # the case that looped stories
    checked = 0
    for model in get_page_models():
        if model._meta.app_label == "wagtailcore":
            continue
        form_class = model.get_edit_handler().get_form_class()
        for name, field in form_class.base_fields.items():
            assert not field.show_hidden_initial, f"{model.__name__}.{name}"
            checked += 1
        for name, formset in form_class.formsets.items():
            for child_name, field in formset.form.base_fields.items():
                assert not field.show_hidden_initial, f"{model.__name__}.{name}.{child_name}"
    assert checked > 50
    # A field type Wagtail has no override for, with a callable default, is covered too.
    from wagtail.admin.forms.models import formfield_for_dbfield

    field = dj_models.CharField(max_length=10, default=str)
    assert not formfield_for_dbfield(field).show_hidden_initial


def test_untouched_story_form_does_not_register_a_change(client, users, story_in_review):
    from campaigns.models import StoryPage

    client.force_login(users["editor"])
    story = StoryPage.objects.get(pk=story_in_review.pk)
    data = _as_browser_posts(client, story)
    assert data["date"] == "2024-06-01" and "initial-date" not in data  # as Chromium posts it
    form_class = StoryPage.get_edit_handler().get_form_class()
    form = form_class(data, instance=story, parent_page=story.get_parent(), for_user=users["editor"])
    assert form.is_valid(), form.errors
    assert form.changed_data == []
    # A real change of the date still counts.
    data["date"] = "2024-06-02"
    form = form_class(data, instance=story, parent_page=story.get_parent(), for_user=users["editor"])
    assert form.is_valid(), form.errors
    assert form.changed_data == ["date"]


def test_story_approved_from_the_editor_goes_live_without_a_new_revision(client, users, story_in_review):
    story = story_in_review
    revisions = Revision.objects.for_instance(story).count()
    client.force_login(users["editor"])
    assert _approve_in_editor(client, story, _as_browser_posts(client, story)).status_code == 302
    assert current_task_name(story) == "Lãnh đạo duyệt"
    client.force_login(users["approver"])
    assert _approve_in_editor(client, story, _as_browser_posts(client, story)).status_code == 302
    story.refresh_from_db()
    assert story.live and story.current_workflow_state is None
    assert Revision.objects.for_instance(story).count() == revisions
