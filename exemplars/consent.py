"""Consent rules for publishing individuals and households, and the one-step withdrawal.

`consent_blocks_publication(page)` is the question the admin asks before a page is submitted
for review or published. `withdraw_consent(record, user)` is the single action staff take when
a person withdraws consent: in one transaction it marks the record withdrawn, cancels any
review in progress, drops any scheduled publication, unpublishes the page (so `page_unpublished`
fires and every public surface listening to it — search, radio, API caches — drops the page)
and writes the step into Wagtail's history with who and when.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from .models import ConsentRecord, ConsentStatus, ExemplarPage
from .models.consent import CONSENT_KINDS, CONSENT_MISSING_MESSAGE, consent_covers_publication  # noqa: F401

# Custom history actions (registered with labels in wagtail_hooks.py).
ACTION_CONSENT_WITHDRAWN = "exemplars.consent_withdrawn"
ACTION_CONSENT_CHANGED = "exemplars.consent_changed"


def consent_blocks_publication(page) -> bool:
    page = page.specific if hasattr(page, "specific") else page
    if not isinstance(page, ExemplarPage):
        return False
    return not consent_covers_publication(page.pk, page.kind)


@transaction.atomic
def take_page_offline(page: ExemplarPage, user) -> bool:
    """Cancel review, drop scheduled publication and unpublish. Returns whether it was live."""
    page = ExemplarPage.objects.select_for_update().get(pk=page.pk)
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    # A revision approved for a future go-live date would be published by `publish_scheduled`.
    page.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    was_live = page.live
    if was_live:
        # A legal duty anyone handling consent may carry out, hence no publish-permission check.
        UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
    return was_live


@transaction.atomic
def withdraw_consent(record: ConsentRecord, user, note: str = "") -> ConsentRecord:
    """Record the withdrawal and take the person off every public surface, in one transaction."""
    record = ConsentRecord.objects.select_for_update().select_related("page").get(pk=record.pk)
    record.status = ConsentStatus.WITHDRAWN
    record.withdrawn_at = timezone.now()
    record.withdrawn_by = user if getattr(user, "is_authenticated", False) else None
    if note:
        record.withdrawal_note = note[:300]
    record.save()
    page = record.page
    was_live = take_page_offline(page, user)
    data = {"note": record.withdrawal_note, "was_live": was_live, "consent_id": record.pk}
    log(instance=ExemplarPage.objects.get(pk=page.pk), action=ACTION_CONSENT_WITHDRAWN, user=user, data=data)
    log(instance=record, action=ACTION_CONSENT_WITHDRAWN, user=user, data=data)
    return record


def enforce_after_consent_change(record: ConsentRecord, user) -> None:
    """After a consent record was edited: if it no longer covers publication, withdraw properly.

    Editing the record by hand (status "Đã rút lại" or the publication box unticked) must have
    the same effect as the withdrawal button, so the page never stays live without consent.
    """
    record.refresh_from_db()
    if record.covers("publication"):
        return
    if record.status == ConsentStatus.WITHDRAWN and record.withdrawn_at is None:
        withdraw_consent(record, user)
        return
    was_live = take_page_offline(record.page, user)
    data = {"status": record.status, "covers_publication": record.covers_publication, "was_live": was_live}
    log(instance=ExemplarPage.objects.get(pk=record.page_id), action=ACTION_CONSENT_CHANGED, user=user, data=data)
