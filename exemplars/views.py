"""Admin view for withdrawing consent in one action ("Rút lại đồng ý").

Reached from the consent list (row menu) and from the exemplar's page header. Anyone who may
change consent records may withdraw: honouring a withdrawal is a legal duty that must not wait
for an editor with publishing rights.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .consent import withdraw_consent
from .forms import WithdrawConsentForm
from .models import ConsentRecord, ConsentStatus


class WithdrawConsentView(WagtailAdminTemplateMixin, FormView):
    form_class = WithdrawConsentForm
    template_name = "exemplars/admin/consent_withdraw.html"
    page_title = "Rút lại đồng ý công bố"
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("exemplars.change_consentrecord"):
            raise PermissionDenied
        self.record = get_object_or_404(ConsentRecord.objects.select_related("page"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.record.page.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.record
        context["page"] = self.record.page
        context["already_withdrawn"] = self.record.status == ConsentStatus.WITHDRAWN
        return context

    def form_valid(self, form):
        withdraw_consent(self.record, self.request.user, note=form.cleaned_data["note"])
        messages.success(
            self.request,
            f"Đã ghi nhận rút lại đồng ý và gỡ “{self.record.page.title}” khỏi mọi trang công khai.",
        )
        return redirect(reverse("wagtailadmin_pages:history", args=[self.record.page_id]))
