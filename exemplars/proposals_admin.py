"""Admin for award proposals ("Đề xuất khen thưởng"): the list, each proposal's own page with its
steps as buttons, and small Django-form views for creating a proposal, adding dossier files and
taking a step. The rules (who may do what, from which status) are in `exemplars.proposals`;
these views only ask them.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.views.generic import FormView

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from . import proposals as process
from .models import AwardType, CouncilResult, ExemplarPage, Nomination, NominationStatus, Proposal, ProposalStatus

MAX_FILE_BYTES = 20 * 1024 * 1024
ALLOWED_EXTENSIONS = (".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".jpg", ".jpeg", ".png")


def _inspect_url(proposal) -> str:
    return reverse("exemplars_proposal:inspect", args=[proposal.pk])


# --------------------------------------------------------------------------------------------
# Forms
# --------------------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DossierField(forms.FileField):
    """Several files at once (tờ trình, báo cáo thành tích…), each checked for size and type."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(DossierField, self).clean(item, initial) for item in files]
        for upload in cleaned:
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(f"Tệp “{upload.name}” lớn hơn 20 MB.")
            if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
                raise forms.ValidationError(
                    f"Tệp “{upload.name}” không đúng loại; chỉ nhận PDF, Word, Excel, ODT hoặc ảnh JPG/PNG."
                )
        return cleaned


class ProposalCreateForm(forms.Form):
    exemplar = forms.ModelChoiceField(
        label="Hồ sơ điển hình",
        queryset=ExemplarPage.objects.order_by("title"),
        required=False,
        help_text="Người, tập thể được đề xuất (bỏ trống nếu lập từ giới thiệu đã chấp nhận).",
    )
    nomination = forms.ModelChoiceField(
        queryset=Nomination.objects.filter(status=NominationStatus.ACCEPTED), required=False, widget=forms.HiddenInput
    )
    award_type = forms.ModelChoiceField(
        label="Hình thức khen thưởng đề nghị",
        queryset=AwardType.objects.order_by("name"),
        error_messages={"required": "Hãy chọn hình thức khen thưởng đề nghị."},
    )
    proposing_unit = forms.CharField(
        label="Đơn vị đề xuất", max_length=200, required=False, help_text="Ví dụ “UBND đặc khu Lý Sơn”."
    )
    reasons = forms.CharField(
        label="Thành tích, lý do đề xuất",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Hãy ghi thành tích, lý do đề xuất."},
    )
    dossier = DossierField(
        label="Tệp hồ sơ (tờ trình, báo cáo thành tích…)",
        required=False,
        help_text="Lưu trong bộ sưu tập riêng tư: chỉ người xử lý đề xuất xem được.",
    )

    def clean(self):
        data = super().clean()
        if not data.get("exemplar") and not data.get("nomination"):
            self.add_error("exemplar", "Hãy chọn hồ sơ điển hình được đề xuất.")
        return data


class DossierForm(forms.Form):
    dossier = DossierField(label="Tệp hồ sơ", error_messages={"required": "Hãy chọn ít nhất một tệp."})


class CouncilForm(forms.Form):
    council_date = forms.DateField(
        label="Ngày họp Hội đồng",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Hãy ghi ngày họp.", "invalid": "Ngày họp không hợp lệ."},
    )
    council_members = forms.CharField(
        label="Thành viên dự họp",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Mỗi người một dòng: họ tên, chức vụ.",
        error_messages={"required": "Hãy ghi các thành viên dự họp."},
    )
    council_result = forms.ChoiceField(
        label="Kết quả",
        choices=CouncilResult.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Hãy chọn kết quả xét."},
    )
    council_note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_council_date(self):
        value = self.cleaned_data["council_date"]
        if value > timezone.localdate():
            raise forms.ValidationError("Ngày họp không thể ở tương lai.")
        return value


class DecisionForm(forms.Form):
    decision_number = forms.CharField(
        label="Số quyết định",
        max_length=80,
        help_text="Ví dụ “1234/QĐ-UBND”.",
        error_messages={"required": "Hãy ghi số quyết định."},
    )
    decision_date = forms.DateField(
        label="Ngày quyết định",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Hãy ghi ngày quyết định.", "invalid": "Ngày quyết định không hợp lệ."},
    )
    decision_signer = forms.CharField(
        label="Người ký (như in trên quyết định)",
        max_length=250,
        help_text="Ghi đúng như trên quyết định, ví dụ “Chủ tịch UBND đặc khu Lý Sơn”.",
        error_messages={"required": "Hãy ghi người ký như in trên quyết định."},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Lý do",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy ghi lý do."},
    )


STEP_FORMS = {"council": CouncilForm, "decide": DecisionForm, "return": ReasonForm, "decline": ReasonForm}


# --------------------------------------------------------------------------------------------
# Views outside the viewset: create, add files, take a step
# --------------------------------------------------------------------------------------------


class ProposalCreateView(WagtailAdminTemplateMixin, FormView):
    template_name = "exemplars/admin/proposal_form.html"
    form_class = ProposalCreateForm
    page_title = "Lập đề xuất khen thưởng"
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("exemplars.add_proposal"):
            raise PermissionDenied
        self.nomination = None
        if nomination_id := request.GET.get("nomination") or request.POST.get("nomination"):
            self.nomination = Nomination.objects.filter(pk=nomination_id).first() if nomination_id.isdigit() else None
            if self.nomination is None or self.nomination.status != NominationStatus.ACCEPTED:
                messages.error(request, "Chỉ lập đề xuất từ giới thiệu đã được chấp nhận.")
                return redirect(reverse("wagtailsnippets_exemplars_nomination:list"))
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = {}
        exemplar_id = self.request.GET.get("exemplar", "")
        if exemplar_id.isdigit():
            initial["exemplar"] = exemplar_id
        if self.nomination is not None:
            initial["nomination"] = self.nomination.pk
            initial["exemplar"] = self.nomination.exemplar_id
            initial["reasons"] = self.nomination.what
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(nomination=self.nomination, cancel_url=self._cancel_url(), **kwargs)

    def _cancel_url(self):
        if self.nomination is not None:
            return reverse("wagtailsnippets_exemplars_nomination:inspect", args=[self.nomination.pk])
        return reverse("exemplars_proposal:index")

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            proposal = process.create_proposal(
                self.request.user,
                exemplar=data["exemplar"],
                nomination=data["nomination"],
                files=data["dossier"],
                award_type=data["award_type"],
                proposing_unit=data["proposing_unit"],
                reasons=data["reasons"],
            )
        except process.TransitionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, f"Đã lập đề xuất {proposal.reference} (đang soạn).")
        return redirect(_inspect_url(proposal))


class _ProposalFormView(WagtailAdminTemplateMixin, FormView):
    template_name = "exemplars/admin/proposal_form.html"
    header_icon = "pick"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.proposal = get_object_or_404(process.visible_to(request.user), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return f"{self.proposal.reference}: {self.proposal.recipient_name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal, cancel_url=_inspect_url(self.proposal), **kwargs)


class AddDocumentsView(_ProposalFormView):
    form_class = DossierForm
    page_title = "Thêm tệp hồ sơ"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("exemplars.change_proposal"):
            raise PermissionDenied
        if self.proposal.status in (ProposalStatus.DECIDED, ProposalStatus.DECLINED):
            messages.error(request, "Đề xuất đã kết thúc, không thêm tệp được nữa.")
            return redirect(_inspect_url(self.proposal))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        for upload in form.cleaned_data["dossier"]:
            process.add_document(self.proposal, self.request.user, upload)
        messages.success(self.request, f"{self.proposal.reference}: đã thêm tệp vào hồ sơ.")
        return redirect(_inspect_url(self.proposal))


class StepView(_ProposalFormView):
    """One step of the process. Steps without a form are confirmed with one button."""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.transition = process.check(self.proposal, request.user, kwargs["step"])
        except process.TransitionError as error:
            messages.error(request, str(error))
            return redirect(_inspect_url(self.proposal))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.transition.label

    def get_form_class(self):
        return STEP_FORMS.get(self.transition.name, forms.Form)

    def get_initial(self):
        if self.transition.name == "council":
            return {"council_date": timezone.localdate()}
        if self.transition.name == "decide":
            return {"decision_date": timezone.localdate()}
        return {}

    def form_valid(self, form):
        try:
            proposal = process.apply(self.proposal, self.request.user, self.transition.name, form.cleaned_data)
        except process.TransitionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, self.transition.done.format(reference=proposal.reference))
        return redirect(_inspect_url(proposal))


def admin_urls():
    return [
        path("proposal-forms/new/", ProposalCreateView.as_view(), name="exemplars_proposal_create"),
        path("proposal-forms/<int:pk>/files/", AddDocumentsView.as_view(), name="exemplars_proposal_files"),
        path("proposal-forms/<int:pk>/step/<slug:step>/", StepView.as_view(), name="exemplars_proposal_step"),
    ]


def step_url(proposal, name: str) -> str:
    return reverse("exemplars_proposal_step", args=[proposal.pk, name])


# --------------------------------------------------------------------------------------------
# The viewset: list, the proposal's own page (inspect), editing while drafting, history
# --------------------------------------------------------------------------------------------


class ProposalIndexView(IndexView):
    def get_base_queryset(self):
        return process.visible_to(self.request.user)

    def get_edit_url(self, instance):
        # Each row opens the proposal's own page, where its steps are; editing starts from there.
        return None

    def get_add_url(self):
        if self.request.user.has_perm("exemplars.add_proposal"):
            return reverse("exemplars_proposal_create")
        return None


class ProposalAddView(CreateView):
    """The generic "add" goes to the creation form that knows profiles and nominations."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(reverse("exemplars_proposal_create"))


class ProposalEditView(EditView):
    """Award sought, unit and reasons can be changed only while the proposal is being drafted."""

    def get_queryset(self):
        return process.visible_to(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.status != ProposalStatus.DRAFT:
            messages.error(request, "Chỉ sửa được đề xuất đang soạn; hãy trả lại đề xuất về bước “Đang soạn” trước.")
            return redirect(_inspect_url(self.object))
        return super().dispatch(request, *args, **kwargs)


class ProposalInspectView(InspectView):
    template_name = "exemplars/admin/proposal_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(process.visible_to(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return f"{self.object.reference}: {self.object.recipient_name}"

    @cached_property
    def header_buttons(self):
        user, proposal = self.request.user, self.object
        buttons = [
            HeaderButton(t.label, url=step_url(proposal, t.name), icon_name="arrow-right")
            for t in process.available(proposal, user)
        ]
        if user.has_perm("exemplars.change_proposal") and proposal.status == ProposalStatus.DRAFT:
            buttons.append(
                HeaderButton("Sửa", url=reverse("exemplars_proposal:edit", args=[proposal.pk]), icon_name="edit")
            )
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = []
        user, proposal = self.request.user, self.object
        if user.has_perm("exemplars.change_proposal") and proposal.status not in (
            ProposalStatus.DECIDED,
            ProposalStatus.DECLINED,
        ):
            buttons.append(HeaderButton("Thêm tệp hồ sơ", url=reverse("exemplars_proposal_files", args=[proposal.pk])))
        buttons.append(HeaderButton("Lịch sử", url=reverse("exemplars_proposal:history", args=[proposal.pk])))
        return buttons

    def _link(self, text, url_name, pk):
        try:
            return format_html('<a href="{}">{}</a>', reverse(url_name, args=[pk]), text)
        except NoReverseMatch:
            return text

    def get_exemplar_display_value(self):
        if not self.object.exemplar_id:
            return "—"
        return self._link(self.object.exemplar.title, "wagtailadmin_pages:edit", self.object.exemplar_id)

    def get_nomination_display_value(self):
        if not self.object.nomination_id:
            return "—"
        return self._link(
            self.object.nomination.reference, "wagtailsnippets_exemplars_nomination:inspect", self.object.nomination_id
        )

    def get_council_members_display_value(self):
        return "; ".join(self.object.council_member_list) or "—"

    def get_award_display_value(self):
        if not self.object.award_id:
            return "—"
        return self._link(str(self.object.award), "so-khen-thuong:edit", self.object.award_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = [d.document for d in self.object.documents.select_related("document")]
        context["days_to_decision"] = self.object.days_to_decision
        return context


class ProposalHistoryView(HistoryView):
    """The history, with a way back to the proposal's own page (not the generic "Edit")."""

    @cached_property
    def header_buttons(self):
        return [HeaderButton("Xem đề xuất", url=_inspect_url(self.object), icon_name="view")]


class ProposalViewSet(ModelViewSet):
    model = Proposal
    icon = "pick"
    menu_label = "Đề xuất khen thưởng"
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ProposalIndexView
    add_view_class = ProposalAddView
    edit_view_class = ProposalEditView
    inspect_view_class = ProposalInspectView
    history_view_class = ProposalHistoryView
    list_display = [
        "reference",
        "recipient_name",
        Column("award_type", label="Hình thức đề nghị"),
        "status",
        DateColumn("proposed_on", label="Ngày đề xuất"),
        DateColumn("decision_date", label="Ngày quyết định"),
    ]
    list_filter = ["status", "award_type"]
    search_fields = ["reference", "recipient_name", "reasons", "decision_number"]
    form_fields = ["award_type", "proposing_unit", "reasons"]
    inspect_view_fields = [
        "reference",
        "status",
        "recipient_name",
        "recipient_kind",
        "exemplar",
        "nomination",
        "award_type",
        "proposing_unit",
        "reasons",
        "proposed_on",
        "return_note",
        "council_date",
        "council_members",
        "council_result",
        "council_note",
        "decision_number",
        "decision_date",
        "decision_signer",
        "award",
        "decline_reason",
        "created_by",
        "created_at",
    ]
