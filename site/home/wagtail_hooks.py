"""Keep publishing inside the two-step workflow (see `home.editorial`).

Wagtail lets anyone with publish permission publish directly from the editor. Approvers need
that permission (it also governs unpublishing, unscheduling and privacy), so the direct action
is hidden from the editor's menu and refused if posted anyway — before anything is saved —
in the create, edit and bulk-publish views. Approving the workflow's last step still publishes.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path

from wagtail import hooks

from . import reports
from .editorial import DIRECT_PUBLISH_REFUSED, may_publish_directly


def _posts_publish(request) -> bool:
    return request.method == "POST" and bool(request.POST.get("action-publish"))


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    if not may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if getattr(item, "name", "") != "action-publish"]


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    if _posts_publish(request) and not may_publish_directly(request.user):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect(request.get_full_path())
    return None


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    if _posts_publish(request) and not may_publish_directly(request.user):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


# Snippets with drafts (the year-end bloc rankings) keep to the same workflow: approvers hold the
# publish right (for unpublishing wrong scores), but publishing happens at the final approval.
@hooks.register("construct_snippet_action_menu")
def hide_direct_snippet_publish(menu_items, request, context):
    if not may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if getattr(item, "name", "") != "action-publish"]


@hooks.register("before_create_snippet")
def refuse_direct_snippet_publish_on_create(request, model):
    if _posts_publish(request) and not may_publish_directly(request.user):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect(request.get_full_path())
    return None


@hooks.register("before_edit_snippet")
def refuse_direct_snippet_publish_on_edit(request, instance):
    if _posts_publish(request) and not may_publish_directly(request.user):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect(request.get_full_path())
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not may_publish_directly(request.user):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect("wagtailadmin_explore_root")
    return None


# -- stories held back because someone they link withdrew consent (see home/reports.py) -------


@hooks.register("register_admin_urls")
def register_report_urls():
    view = reports.HeldBackStoriesView
    return [
        path("reports/tin-bai-tam-giu/", view.as_view(), name=reports.URL_NAME),
        path("reports/tin-bai-tam-giu/results/", view.as_view(results_only=True), name=view.index_results_url_name),
    ]


@hooks.register("register_reports_menu_item")
def register_held_back_stories_menu_item():
    return reports.menu_item()


@hooks.register("construct_homepage_panels")
def add_held_back_stories_panel(request, panels):
    panel = reports.dashboard_panel(request)
    if panel is not None:
        panels.append(panel)


# --------------------------------------------------------------------------------------------
# Security (docs/security.md): sign-in lockouts in the admin; restricted documents answer 403
# --------------------------------------------------------------------------------------------


@hooks.register("register_admin_viewset")
def register_lockout_viewsets():
    from .security_admin import viewsets

    return viewsets


@hooks.register("before_serve_document", order=-10)
def refuse_restricted_document(document, request):
    """A document in a collection restricted to signed-in staff or groups (the consent forms)
    answers 403 to anyone the restriction refuses, instead of Wagtail's redirect to a public
    login page this site does not have. Runs before Wagtail's own check (order 0)."""
    from django.template.response import TemplateResponse

    from wagtail.models import BaseViewRestriction

    restricted = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type in restricted and not restriction.accept_request(request):
            context = {"next": request.get_full_path()}
            return TemplateResponse(request, "documents/restricted.html", context, status=403)
    return None
