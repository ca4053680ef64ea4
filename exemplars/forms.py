"""Admin forms: the exemplar page form (consent check before review/publication) and the
consent-withdrawal confirmation form. The public nomination form lives in `nominations_forms.py`.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from .models.consent import CONSENT_MISSING_MESSAGE, consent_covers_publication

# POST keys of the page editor's actions that move a page towards the public.
_PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


def moves_towards_publication(data) -> bool:
    """Whether the page editor's POST `data` submits, resubmits, approves or publishes."""
    if any(data.get(key) for key in _PUBLISHING_ACTIONS):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"


class ExemplarPageForm(WagtailAdminPageForm):
    """Refuses to submit, resubmit, approve or publish an individual or household without consent.

    Saving a draft is always allowed, so the writer never loses work; the error is shown at the
    top of the editor in Vietnamese.
    """

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind") or getattr(self.instance, "kind", "")
        if moves_towards_publication(self.data) and not consent_covers_publication(self.instance.pk, kind):
            self.add_error(None, CONSENT_MISSING_MESSAGE)
        return cleaned_data


class WithdrawConsentForm(forms.Form):
    note = forms.CharField(
        label="Cách người được nêu gương báo rút lại đồng ý",
        max_length=300,
        required=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: “Gọi điện cho phóng viên ngày 12/3, đề nghị gỡ hồ sơ”. Ghi vào lịch sử.",
        error_messages={"required": "Hãy ghi cách người được nêu gương báo rút lại đồng ý."},
    )
