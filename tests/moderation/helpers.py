"""Helpers for driving the real Wagtail admin as users of each editorial role."""

from __future__ import annotations

import itertools
import json

from django.contrib.auth.models import Group, User
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from home.editorial import APPROVERS, EDITORS, RADIO_EDITORS, WRITERS

_n = itertools.count(1)


def role_user(group_name: str, username: str | None = None) -> User:
    username = username or f"user{next(_n)}"
    user = User.objects.create_user(username, email=f"{username}@example.vn", password="matkhau-thu-nghiem")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def team() -> dict[str, User]:
    return {
        "writer": role_user(WRITERS, "phongvien"),
        "editor": role_user(EDITORS, "bientap"),
        "approver": role_user(APPROVERS, "lanhdao"),
        "radio": role_user(RADIO_EDITORS, "phatthanh"),
    }


def form_data(client, url: str, streams=("body",), **changes):
    """The page editor's form as the browser would post it, with `changes` applied.

    StreamFields are drawn by JavaScript, so their (empty) item count is added here.
    """
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in streams:
        if f"{name}-count" not in data:
            data[f"{name}-count"] = "0"
    for name in list(data):  # every value: checkbox lists post several under one name
        data.setlist(name, [_empty_draftail_as_null(value) for value in data.getlist(name)])
    for key, value in changes.items():
        data[key.replace("__", "-")] = value
    return data


def _empty_draftail_as_null(value: str) -> str:
    """Draftail (in the browser) posts "null" for an empty editor, not a block with no text."""
    if value.lstrip().startswith('{\n    "blocks"'):
        try:
            content = json.loads(value)
        except ValueError:
            return value
        if not any(block.get("text") for block in content.get("blocks", [])):
            return "null"
    return value


def create_url(parent: Page, model: str = "exemplarpage", app: str = "exemplars") -> str:
    return reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action(client, page: Page, action: str, comment: str = ""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    assert task_state is not None, "page is not in moderation"
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def current_task_name(page: Page) -> str | None:
    page.refresh_from_db()
    task = page.current_workflow_task
    return task.name if task else None


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard (or a 403)."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    ), (response.status_code, response.get("Location"))
