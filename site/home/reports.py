"""Editors' report "Tin bài tạm giữ vì rút lại đồng ý": live stories the public cannot see.

A story that links a person or household whose consent was withdrawn is held back from every
public surface (`StoryPage.visibility_q`, applied by `core.visibility`). It stays live, so the
page tree alone would not tell anyone; this list does: each held-back story with a link to its
editor and the people it still links. An editor removes the link (and what the text says of
them), sends the story through review, and once it is published again it is back on the site
and off this list. Shown to editors, approvers and superusers; a dashboard panel points to it
while the list is not empty.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from campaigns.models import held_back_stories

from .editorial import APPROVERS, EDITORS

TITLE = "Tin bài tạm giữ vì rút lại đồng ý"
URL_NAME = "held_back_stories"


def may_see(user) -> bool:
    """Editors and approvers revise stories; superusers see everything."""
    if not (user and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, APPROVERS]).exists()


def _people(story) -> str:
    return ", ".join(person.title for person in story.withdrawn_exemplars)


def _withdrawn_at(story) -> datetime.datetime | None:
    stamps = [p.consent.withdrawn_at for p in story.withdrawn_exemplars if p.consent.withdrawn_at]
    return max(stamps) if stamps else None


class HeldBackStoriesView(ReportView):
    page_title = TITLE
    header_icon = "warning"
    index_url_name = URL_NAME
    index_results_url_name = f"{URL_NAME}_results"
    no_results_message = "Không có tin bài nào đang bị tạm giữ."
    columns = [
        TitleColumn(
            "title",
            label="Tin bài (bấm để sửa)",
            get_url=lambda story: reverse("wagtailadmin_pages:edit", args=[story.pk]),
        ),
        Column("people", label="Người đã rút lại đồng ý", accessor=_people),
        DateColumn("withdrawn_at", label="Rút lại đồng ý lúc", accessor=_withdrawn_at),
        DateColumn("last_published_at", label="Xuất bản lần cuối"),
    ]
    list_export = ["title", "people", "withdrawn_at", "last_published_at"]
    export_headings = {
        "title": "Tin bài",
        "people": "Người đã rút lại đồng ý",
        "withdrawn_at": "Rút lại đồng ý lúc",
        "last_published_at": "Xuất bản lần cuối",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return held_back_stories()

    def to_row_dict(self, item):
        return {
            "title": item.title,
            "people": _people(item),
            "withdrawn_at": _withdrawn_at(item),
            "last_published_at": item.last_published_at,
        }

    def get_filename(self):
        return f"tin-bai-tam-giu-{datetime.date.today():%Y-%m-%d}"


class HeldBackStoriesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


def menu_item() -> MenuItem:
    return HeldBackStoriesMenuItem(TITLE, reverse(URL_NAME), name="held-back-stories", icon_name="warning", order=50)


class HeldBackStoriesPanel(Component):
    """On the dashboard while stories wait: how many, and the way to the list."""

    name = "held_back_stories"
    order = 50
    template_name = "home/admin/held_back_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse(URL_NAME), "title": TITLE}


def dashboard_panel(request) -> HeldBackStoriesPanel | None:
    if not may_see(request.user):
        return None
    count = held_back_stories().count()
    return HeldBackStoriesPanel(count) if count else None
