"""Keeping a profile's revisions in step with register entries written outside the profile.

A profile edits its awards inline (the `awards` ParentalKey), so its revisions carry a copy of
them, and publishing a revision makes the database match that copy: an award that is linked to
the profile but missing from the revision would be deleted. Awards written to the register from
outside the page editor — the register's admin list, a proposal's decision, an import — must
therefore also be written into the profile's latest revision. `record_on_profile` does that;
callers that create or change a profile-linked award outside the page editor call it after saving
(the register admin does; the proposal workflow should too).

Reverting a profile in the editor to a revision older than the award keeps it: the form posts
only the awards it shows, and the inline formset removes only those marked for removal
(`tests/awards/test_register.py`). Publishing an older `Revision` object directly, in code, would
still drop it.
"""

from __future__ import annotations

from modelcluster.models import get_serializable_data_for_fields

from .models import Award


def _latest_revision(page_id):
    from .models import ExemplarPage

    page = ExemplarPage.objects.filter(pk=page_id).select_related("latest_revision").first()
    return page.latest_revision if page else None


def record_on_profile(award: Award, *, previous_page_id: int | None = None) -> None:
    """Write `award` (saved) into its profile's latest revision, and take it out of the
    revision of the profile it was moved from (`previous_page_id`)."""
    if previous_page_id and previous_page_id != award.page_id:
        forget_on_profile(award.pk, previous_page_id)
    if not award.page_id:
        return
    revision = _latest_revision(award.page_id)
    if revision is None:
        return
    content = revision.content
    data = get_serializable_data_for_fields(award)
    awards = [a for a in content.get("awards", []) if a.get("pk") != award.pk]
    awards.append(data)
    content["awards"] = awards
    revision.content = content
    revision.save(update_fields=["content"])


def forget_on_profile(award_pk: int, page_id: int | None) -> None:
    """Take a deleted (or unlinked) award out of its profile's latest revision."""
    if not page_id:
        return
    revision = _latest_revision(page_id)
    if revision is None:
        return
    content = revision.content
    kept = [a for a in content.get("awards", []) if a.get("pk") != award_pk]
    if len(kept) != len(content.get("awards", [])):
        content["awards"] = kept
        revision.content = content
        revision.save(update_fields=["content"])
