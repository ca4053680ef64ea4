"""Admin for the vocabularies (Danh mục) and consent records, in Vietnamese; consent enforcement
(withdrawal button and view, hand-edit enforcement, history labels)."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import nominations_admin, proposals_admin
from .consent import ACTION_CONSENT_CHANGED, ACTION_CONSENT_WITHDRAWN, enforce_after_consent_change
from .models import AwardType, ConsentRecord, ConsentStatus, ExemplarPage, Field, Organisation, Place
from .proposals import LOG_ACTIONS as PROPOSAL_LOG_ACTIONS
from .views import WithdrawConsentView


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = "Địa bàn"
    list_display = ["name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["parent__name", "name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("predecessors"),
        FieldPanel("legal_basis"),
    ]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = "Lĩnh vực"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Cơ quan, tổ chức"
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class AwardTypeViewSet(SnippetViewSet):
    model = AwardType
    icon = "pick"
    menu_label = "Loại khen thưởng"
    list_display = ["name", "category", "level", "subject_kind"]
    list_filter = ["category", "level"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("level"), FieldPanel("subject_kind")]),
        FieldPanel("description"),
    ]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Danh mục"
    menu_icon = "list-ul"
    menu_order = 300
    items = (PlaceViewSet, FieldViewSet, OrganisationViewSet, AwardTypeViewSet)


class ConsentViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "lock"
    menu_label = "Đồng ý công bố"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["page", "status", "given_on", "covers_photo", "covers_birth_year", "covers_story"]
    list_filter = ["status"]
    search_fields = ["page__title"]
    panels = [
        FieldPanel("page"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("covers_publication"),
                FieldPanel("covers_photo"),
                FieldPanel("covers_birth_year"),
                FieldPanel("covers_story"),
            ],
            heading="Phạm vi đồng ý",
        ),
        FieldRowPanel([FieldPanel("given_on"), FieldPanel("evidence")]),
        FieldPanel("evidence_note"),
        FieldPanel("withdrawal_note"),
    ]


register_snippet(VocabularyGroup)
register_snippet(ConsentViewSet)
register_snippet(nominations_admin.NominationViewSet)


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return proposals_admin.ProposalViewSet("exemplars_proposal", url_prefix="proposals")


# --------------------------------------------------------------------------------------------
# Consent: withdrawal in one action, enforcement after hand edits, history labels
# --------------------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_consent_urls():
    return [
        path("consent/<int:pk>/withdraw/", WithdrawConsentView.as_view(), name="exemplars_consent_withdraw"),
        *nominations_admin.admin_urls(),
        *proposals_admin.admin_urls(),
    ]


def _withdraw_button(record, priority=50):
    return Button(
        "Rút lại đồng ý",
        reverse("exemplars_consent_withdraw", args=[record.pk]),
        icon_name="lock-open",
        priority=priority,
    )


@hooks.register("register_snippet_listing_buttons")
def consent_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, ConsentRecord) and snippet.is_given and user.has_perm("exemplars.change_consentrecord"):
        yield _withdraw_button(snippet)
    if isinstance(snippet, nominations_admin.Nomination):
        yield from nominations_admin.listing_buttons(snippet, user)


@hooks.register("register_page_header_buttons")
def consent_page_header_buttons(page, user, view_name, next_url=None):
    if page.specific_class is not ExemplarPage:
        return
    if user.has_perm("exemplars.add_proposal"):
        yield Button(
            "Lập đề xuất khen thưởng",
            reverse("exemplars_proposal_create") + f"?exemplar={page.pk}",
            icon_name="pick",
            priority=56,
        )
    if not user.has_perm("exemplars.change_consentrecord"):
        return
    record = ConsentRecord.objects.filter(page_id=page.pk, status=ConsentStatus.GIVEN).first()
    if record is not None:
        yield _withdraw_button(record, priority=55)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def enforce_consent_after_edit(request, instance):
    """A hand edit that stops covering publication takes the page offline, like the button."""
    if isinstance(instance, ConsentRecord):
        enforce_after_consent_change(instance, request.user)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(
        ACTION_CONSENT_WITHDRAWN, "Rút lại đồng ý công bố", "Đã rút lại đồng ý công bố và gỡ trang khỏi công khai"
    )
    for action, label, message in [*nominations_admin.LOG_ACTIONS, *PROPOSAL_LOG_ACTIONS]:
        actions.register_action(action, label, message)
    actions.register_action(
        ACTION_CONSENT_CHANGED, "Thay đổi đồng ý công bố", "Đồng ý công bố không còn cho phép công khai; đã gỡ trang"
    )


@hooks.register("register_admin_viewset")
def register_award_register():
    """The award register ("Sổ khen thưởng"): every award, with or without a profile."""
    from .award_admin import AwardRegisterViewSet

    return AwardRegisterViewSet()
