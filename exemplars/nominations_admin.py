"""Admin queue for citizen nominations ("Giới thiệu của người dân") and the staff decisions.

Editors (the nomination handlers) see the queue with status filters, the nominator's contact
and the photo; they start checking, accept (which creates a draft exemplar page pre-filled from
the nomination, linked to it, never published) or reject with a reason. A citizen's report
"Tôi đã làm theo mô hình này" (`adopted_page`) is accepted as an adoption added to a new draft
revision of that model's page, which then goes through the page's approval like any edit. Every decision is
written to Wagtail's history with who and when.
"""

from __future__ import annotations

import mimetypes

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet

from core.text import slugify_vi

from .models import Adoption, AdoptionSource, ExemplarIndexPage, ExemplarPage, Place
from .nominations import Nomination, NominationStatus

ACTION_CHECKING = "exemplars.nomination.checking"
ACTION_ACCEPTED = "exemplars.nomination.accepted"
ACTION_REJECTED = "exemplars.nomination.rejected"
LOG_ACTIONS = [
    (ACTION_CHECKING, "Giới thiệu: bắt đầu xác minh", "Bắt đầu xác minh giới thiệu"),
    (ACTION_ACCEPTED, "Giới thiệu: chấp nhận", "Chấp nhận giới thiệu, tạo bản nháp hồ sơ điển hình"),
    (ACTION_REJECTED, "Giới thiệu: từ chối", "Từ chối giới thiệu"),
]
OPEN_STATUSES = (NominationStatus.NEW, NominationStatus.CHECKING)


class _NominationActionsMixin:
    """The decisions as buttons in the header of the nomination's own page (inspect and edit),
    not only in the list's "…" menu."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for button in action_buttons(self.object, self.request.user):
            buttons.append(HeaderButton(button.label, url=button.url, icon_name=button.icon_name))
        return buttons


class NominationInspectView(_NominationActionsMixin, InspectView):
    pass


class NominationEditView(_NominationActionsMixin, EditView):
    pass


class NominationViewSet(SnippetViewSet):
    model = Nomination
    icon = "mail"
    menu_label = "Giới thiệu của người dân"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False  # a citizen's nomination is never duplicated by staff
    inspect_view_class = NominationInspectView
    edit_view_class = NominationEditView
    # Every header in Vietnamese: a property (place_label) has no verbose name of its own.
    list_display = [
        "reference",
        "subject_name",
        "subject_kind",
        "adopted_page",
        Column("place_label", label="Địa bàn"),
        "status",
        "created_at",
    ]
    list_filter = ["status", "subject_kind"]
    search_fields = ["reference", "subject_name", "what", "place_text"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "reference",
        "status",
        "subject_name",
        "subject_kind",
        "place",
        "place_text",
        "what",
        "when",
        "photo",
        "nominator_name",
        "nominator_phone",
        "nominator_email",
        "consent_statement",
        "created_at",
        "rejection_reason",
        "exemplar",
        "adopted_page",
        "decided_by",
        "decided_at",
    ]
    panels = [
        FieldRowPanel([FieldPanel("subject_name"), FieldPanel("subject_kind")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("place_text")]),
        FieldPanel("what"),
        FieldPanel("when"),
        FieldRowPanel([FieldPanel("nominator_name"), FieldPanel("nominator_phone"), FieldPanel("nominator_email")]),
        FieldPanel("consent_statement"),
    ]


def _get_nomination(request, pk, perm="exemplars.change_nomination") -> Nomination:
    if not request.user.has_perm(perm):
        raise PermissionDenied
    return get_object_or_404(Nomination, pk=pk)


def _back(nomination):
    return redirect(reverse("wagtailsnippets_exemplars_nomination:inspect", args=[nomination.pk]))


def nomination_photo(request, pk):
    nomination = _get_nomination(request, pk, perm="exemplars.view_nomination")
    if not nomination.photo:
        raise Http404("Giới thiệu này không có ảnh.")
    content_type = mimetypes.guess_type(nomination.photo.name)[0] or "application/octet-stream"
    response = FileResponse(nomination.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


class AcceptForm(forms.Form):
    title = forms.CharField(label="Tiêu đề hồ sơ điển hình", max_length=255)
    place = forms.ModelChoiceField(
        label="Địa bàn",
        queryset=Place.objects.all(),
        error_messages={"required": "Hãy chọn địa bàn cho hồ sơ."},
        help_text="Người gửi ghi: chọn địa bàn tương ứng trong danh mục.",
    )


class AcceptAdoptionForm(forms.Form):
    place = forms.ModelChoiceField(
        label="Nơi làm theo",
        queryset=Place.objects.all(),
        error_messages={"required": "Hãy chọn nơi làm theo."},
        help_text="Người gửi ghi: chọn địa bàn tương ứng trong danh mục.",
    )
    since = forms.DateField(
        label="Áp dụng từ",
        help_text="Theo lời người gửi (ô “Khi nào”) và kết quả xác minh; định dạng dd/mm/yyyy.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"required": "Hãy ghi ngày bắt đầu làm theo.", "invalid": "Ngày không hợp lệ (dd/mm/yyyy)."},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Lý do từ chối",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy ghi lý do từ chối."},
    )


class _DecisionView(WagtailAdminTemplateMixin, FormView):
    template_name = "exemplars/admin/nomination_decision.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.nomination = _get_nomination(request, kwargs["pk"])
        if self.nomination.status not in OPEN_STATUSES:
            messages.error(request, "Giới thiệu này đã được quyết định.")
            return _back(self.nomination)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.nomination.reference

    def get_context_data(self, **kwargs):
        return super().get_context_data(nomination=self.nomination, **kwargs)


class CheckView(_DecisionView):
    form_class = forms.Form
    page_title = "Bắt đầu xác minh"

    def dispatch(self, request, *args, **kwargs):
        nomination = _get_nomination(request, kwargs["pk"])
        if nomination.status != NominationStatus.NEW:
            messages.error(request, "Chỉ giới thiệu mới có thể chuyển sang xác minh.")
            return _back(nomination)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        nomination = self.nomination
        nomination.status = NominationStatus.CHECKING
        nomination.save(update_fields=["status"])
        log(instance=nomination, action=ACTION_CHECKING, user=self.request.user)
        messages.success(self.request, f"{nomination.reference}: đang xác minh.")
        return _back(nomination)


class AcceptView(_DecisionView):
    form_class = AcceptForm
    page_title = "Chấp nhận giới thiệu"

    def get_initial(self):
        return {"title": self.nomination.subject_name, "place": self.nomination.place_id}

    def form_valid(self, form):
        index = ExemplarIndexPage.objects.first()
        if index is None:
            form.add_error(None, "Chưa có trang danh sách điển hình để tạo hồ sơ.")
            return self.form_invalid(form)
        page = accept_nomination(self.nomination, self.request.user, index, form.cleaned_data)
        messages.success(
            self.request,
            f"{self.nomination.reference}: đã chấp nhận; đã tạo bản nháp “{page.title}” (chưa xuất bản).",
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class AcceptAdoptionView(_DecisionView):
    form_class = AcceptAdoptionForm
    page_title = "Ghi nhận nơi nhân rộng"

    def dispatch(self, request, *args, **kwargs):
        nomination = _get_nomination(request, kwargs["pk"])
        if nomination.adopted_page_id is None:
            messages.error(request, "Giới thiệu này không phải báo cáo làm theo mô hình.")
            return _back(nomination)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"place": self.nomination.place_id}

    def form_valid(self, form):
        page = accept_adoption(self.nomination, self.request.user, form.cleaned_data)
        messages.success(
            self.request,
            f"{self.nomination.reference}: đã thêm nơi nhân rộng vào bản nháp “{page.title}”; gửi duyệt để công bố.",
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class RejectView(_DecisionView):
    form_class = RejectForm
    page_title = "Từ chối giới thiệu"

    def form_valid(self, form):
        nomination = self.nomination
        nomination.status = NominationStatus.REJECTED
        nomination.rejection_reason = form.cleaned_data["reason"]
        nomination.decided_at = timezone.now()
        nomination.decided_by = self.request.user
        nomination.save()
        log(
            instance=nomination,
            action=ACTION_REJECTED,
            user=self.request.user,
            data={"reason": nomination.rejection_reason},
        )
        messages.success(self.request, f"{nomination.reference}: đã từ chối.")
        return _back(nomination)


def _unique_slug(index, title: str) -> str:
    base = slugify_vi(title) or "dien-hinh"  # the one slug rule (core.text), as for every page
    slug, n = base, 1
    while index.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def accept_nomination(nomination: Nomination, user, index: ExemplarIndexPage, data: dict) -> ExemplarPage:
    """Create a draft exemplar pre-filled from the nomination and link them. Never publishes."""
    page = ExemplarPage(
        title=data["title"],
        slug=_unique_slug(index, data["title"]),
        kind=nomination.subject_kind,
        place=data["place"],
        summary=nomination.what[:600],
        source=f"Giới thiệu của người dân {nomination.reference}",
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    log(instance=page, action="wagtail.create", user=user)
    nomination.status = NominationStatus.ACCEPTED
    nomination.exemplar = page
    nomination.decided_at = timezone.now()
    nomination.decided_by = user
    nomination.save()
    log(instance=nomination, action=ACTION_ACCEPTED, user=user, data={"exemplar_id": page.pk, "title": page.title})
    return page


@transaction.atomic
def accept_adoption(nomination: Nomination, user, data: dict) -> ExemplarPage:
    """Add the reported adoption to a new draft revision of the model's page. Never publishes:
    the draft goes through the page's two-step approval like any other edit."""
    page = nomination.adopted_page.get_latest_revision_as_object()
    page.adoptions.add(
        Adoption(
            place=data["place"],
            adopter_name=nomination.subject_name,
            since=data["since"],
            results_text=nomination.what[:2000],
            source_kind=AdoptionSource.CITIZEN,
            source_citation=f"Người dân báo, mã {nomination.reference} (thời gian người gửi ghi: {nomination.when}).",
            nomination=nomination,
        )
    )
    page.save_revision(user=user, log_action=True)
    nomination.status = NominationStatus.ACCEPTED
    nomination.decided_at = timezone.now()
    nomination.decided_by = user
    nomination.save()
    log(instance=nomination, action=ACTION_ACCEPTED, user=user, data={"exemplar_id": page.pk, "title": page.title})
    return page


def admin_urls():
    return [
        path("nominations/<int:pk>/check/", CheckView.as_view(), name="exemplars_nomination_check"),
        path("nominations/<int:pk>/accept/", AcceptView.as_view(), name="exemplars_nomination_accept"),
        path("nominations/<int:pk>/reject/", RejectView.as_view(), name="exemplars_nomination_reject"),
        path(
            "nominations/<int:pk>/adoption/", AcceptAdoptionView.as_view(), name="exemplars_nomination_accept_adoption"
        ),
        path("nominations/<int:pk>/photo/", nomination_photo, name="exemplars_nomination_photo"),
    ]


def action_buttons(nomination: Nomination, user):
    """The staff actions open on `nomination` for `user`: in the list's menu and on its own page."""
    if user.has_perm("exemplars.change_nomination"):
        if nomination.status == NominationStatus.NEW:
            yield Button(
                "Bắt đầu xác minh",
                reverse("exemplars_nomination_check", args=[nomination.pk]),
                icon_name="search",
                priority=59,
            )
        if nomination.status in OPEN_STATUSES and nomination.adopted_page_id:
            # "I followed this model": accepting it records an adoption on a draft of the model
            yield Button(
                "Ghi nhận nơi nhân rộng (bản nháp)",
                reverse("exemplars_nomination_accept_adoption", args=[nomination.pk]),
                icon_name="check",
                priority=60,
            )
        elif nomination.status in OPEN_STATUSES:
            yield Button(
                "Chấp nhận",
                reverse("exemplars_nomination_accept", args=[nomination.pk]),
                icon_name="check",
                priority=60,
            )
        if nomination.status in OPEN_STATUSES:
            yield Button(
                "Từ chối", reverse("exemplars_nomination_reject", args=[nomination.pk]), icon_name="cross", priority=61
            )
    if (
        nomination.status == NominationStatus.ACCEPTED
        and not nomination.adopted_page_id
        and user.has_perm("exemplars.add_proposal")
    ):
        yield Button(
            "Lập đề xuất khen thưởng",
            reverse("exemplars_proposal_create") + f"?nomination={nomination.pk}",
            icon_name="pick",
            priority=63,
        )
    if nomination.photo and user.has_perm("exemplars.view_nomination"):
        yield Button(
            "Xem ảnh", reverse("exemplars_nomination_photo", args=[nomination.pk]), icon_name="image", priority=64
        )


def listing_buttons(nomination: Nomination, user):
    yield from action_buttons(nomination, user)
