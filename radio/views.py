"""Views outside the ninja API: the printable prompter page and the editors' admin screens.

The prompter (`/phat-thanh/<programme>/<YYYY-Www>/`) shows the same script as the API, in large
type, with an optional mirror (`?mirror=1`) for teleprompter glass and a font-size control
(`?co=48`). Admin views: propose a page for radio, assemble a week, approve, mark as aired.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from wagtail.admin.auth import require_admin_access
from wagtail.models import Page

from core.problems import Problem
from exemplars.models import ExemplarPage

from . import render as formats
from .api import find_rundown
from .assembly import assemble
from .content import is_radio_page
from .models import Programme, RadioProposal, Rundown
from .weeks import VALID_WEEK_HINT, InvalidWeek, IsoWeek
from .widgets import ReadAloudTextarea


def prompter(request, programme: str, week: str):
    prog = Programme.objects.filter(slug=programme).first()
    if prog is None:
        raise Http404("Không có chương trình này.")
    try:
        rundown = find_rundown(prog, week, request.user)
    except Problem as problem:
        if problem.status == 400:
            return HttpResponseBadRequest(problem.detail, content_type="text/plain; charset=utf-8")
        raise Http404(problem.detail) from problem
    data = formats.script(rundown, request)
    try:
        size = min(max(int(request.GET.get("co", 40)), 20), 96)
    except ValueError:
        size = 40
    response = render(
        request,
        "radio/prompter.html",
        {"data": data, "mirror": request.GET.get("mirror") == "1", "size": size, "rundown": rundown},
    )
    response["Cache-Control"] = "private, no-cache" if not rundown.is_public else "public, max-age=60"
    return response


class WeekField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "week", "placeholder": "2026-W48"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value:
            try:
                IsoWeek.parse(value)
            except InvalidWeek as exc:
                raise ValidationError(str(exc)) from exc
        return value


class ProposalForm(forms.ModelForm):
    preferred_week = WeekField(
        label="Tuần mong muốn",
        required=False,
        help_text="Bỏ trống để biên tập phát thanh xếp vào tuần gần nhất. " + VALID_WEEK_HINT,
    )

    class Meta:
        model = RadioProposal
        fields = ["preferred_week", "radio_text", "note"]
        widgets = {"radio_text": ReadAloudTextarea()}


@require_admin_access
@require_http_methods(["GET", "POST"])
def propose(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_radio_page(page):
        raise Http404("Chỉ đề xuất được tin việc tốt hoặc hồ sơ điển hình.")
    if not (page.permissions_for_user(request.user).can_edit() or request.user.has_perm("radio.add_radioproposal")):
        raise PermissionDenied
    from .content import adoption_text, recent_adoptions

    candidates = list(recent_adoptions(page=page)) if isinstance(page, ExemplarPage) else []
    initial = {}
    chosen = request.GET.get("nhan-rong", "")
    for adoption in candidates:
        if str(adoption.pk) == chosen:
            initial = {
                "radio_text": adoption_text(adoption),
                "note": f"Nhân rộng mới: {adoption.place.full_name}, từ {adoption.since:%m/%Y}",
            }
    form = ProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        proposal = form.save(commit=False)
        proposal.page = page
        proposal.proposed_by = request.user
        proposal.save()
        week = f" cho tuần {proposal.preferred_week}" if proposal.preferred_week else ""
        messages.success(request, f"Đã đề xuất “{page.title}” lên chuyên mục phát thanh{week}.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    from .content import page_text

    return render(
        request,
        "radio/admin/propose.html",
        {
            "page": page,
            "form": form,
            "page_text": page_text(page),
            "existing": page.radio_proposals.all(),
            "adoption_candidates": candidates,
        },
    )


class AssembleForm(forms.Form):
    programme = forms.ModelChoiceField(Programme.objects.all(), label="Chương trình", empty_label=None)
    week = WeekField(label="Tuần", help_text=VALID_WEEK_HINT)


@require_admin_access
@require_http_methods(["GET", "POST"])
def assemble_week(request):
    if not request.user.has_perm("radio.add_rundown"):
        raise PermissionDenied
    form = AssembleForm(request.POST or None, initial={"week": IsoWeek.current().label})
    if request.method == "POST" and form.is_valid():
        programme, week = form.cleaned_data["programme"], IsoWeek.parse(form.cleaned_data["week"])
        existed = programme.rundowns.filter(week=week.label).exists()
        rundown = assemble(programme, week, user=request.user)
        if existed:
            messages.warning(request, f"Tuần {week.label} đã có kịch bản; mở kịch bản hiện có.")
        else:
            messages.success(request, f"Đã lập kịch bản tuần {week.label} với {rundown.items.count()} mục.")
        return redirect(reverse("wagtailsnippets_radio_rundown:edit", args=[rundown.pk]))
    return render(request, "radio/admin/assemble.html", {"form": form})


@require_admin_access
@require_http_methods(["GET", "POST"])
def transition(request, pk: int, action: str):
    rundown = get_object_or_404(Rundown, pk=pk)
    needed = "radio.approve_rundown" if action == "approve" else "radio.change_rundown"
    if not request.user.has_perm(needed):
        raise PermissionDenied
    edit_url = reverse("wagtailsnippets_radio_rundown:edit", args=[rundown.pk])
    if request.method == "POST":
        try:
            if action == "approve":
                rundown.approve(request.user)
                messages.success(request, f"Đã duyệt kịch bản tuần {rundown.week}; kịch bản đã công khai.")
            elif action == "aired":
                rundown.mark_aired(request.user)
                messages.success(request, f"Đã xác nhận phát sóng kịch bản tuần {rundown.week}.")
            else:
                rundown.status = "draft"
                rundown.save()
                messages.success(request, f"Kịch bản tuần {rundown.week} trở lại bản nháp (không còn công khai).")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(edit_url)
    data = formats.script(rundown, request)
    return render(
        request,
        "radio/admin/transition.html",
        {"rundown": rundown, "action": action, "problems": rundown.open_flag_problems(), "data": data},
    )
