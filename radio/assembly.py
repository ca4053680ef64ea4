"""Assemble a week's rundown from what editors proposed: intro, one item per proposal, outro.

Proposals count for a week when they prefer that week, or prefer none and are not yet used in
another rundown. Only pages that are public now are taken; the radio version written with the
proposal wins over the page's own radio version, which wins over its summary and story (see
`content.page_text`: exemplars open by naming their subject, no sentence is read twice).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from .content import page_text, public_page_ids
from .models import ItemKind, Programme, RadioProposal, Rundown, RundownItem, current_normaliser
from .weeks import IsoWeek


def proposals_for(week: IsoWeek):
    return (
        RadioProposal.objects.filter(Q(preferred_week=week.label) | Q(preferred_week="", items__isnull=True))
        .select_related("page")
        .distinct()
        .order_by("proposed_at", "pk")
    )


INTRO_SLUG = "Lời mở đầu"
OUTRO_SLUG = "Lời kết"


def item_slug(title: str) -> str:
    """The item's heading for the presenter: the page title as written, with its diacritics
    (at most 128 characters, the MOS storySlug limit)."""
    title = " ".join((title or "").split())
    if len(title) > 128:
        title = title[:127].rsplit(" ", 1)[0] + "…"
    return title or "Mục"


@transaction.atomic
def assemble(programme: Programme, week: IsoWeek, *, rundown: Rundown | None = None, user=None) -> Rundown:
    """Create (or fill an empty) draft rundown for `week`. Existing items are never overwritten."""
    if rundown is None:
        rundown, _ = Rundown.objects.get_or_create(
            programme=programme, week=week.label, defaults={"presenter": programme.default_presenter}
        )
    if rundown.items.exists():
        return rundown
    normaliser = current_normaliser()
    presenter = rundown.effective_presenter
    items: list[RundownItem] = []

    def add(**fields):
        item = RundownItem(rundown=rundown, sort_order=len(items), **fields)
        item.refresh_reading(normaliser)
        items.append(item)

    if programme.intro_template:
        add(
            kind=ItemKind.INTRO, slug=INTRO_SLUG, display_text=programme.fill(programme.intro_template, week, presenter)
        )
    proposals = list(proposals_for(week))
    public = public_page_ids(p.page_id for p in proposals)
    seen = set()
    for proposal in proposals:
        if proposal.page_id not in public or proposal.page_id in seen:
            continue
        seen.add(proposal.page_id)
        page = proposal.page
        add(
            kind=ItemKind.STORY,
            slug=item_slug(page.title),
            display_text=page_text(page, proposal.radio_text),
            presenter_notes=proposal.note,
            source_page=page,
            proposal=proposal,
            had_source=True,
        )
    if programme.outro_template:
        add(
            kind=ItemKind.OUTRO, slug=OUTRO_SLUG, display_text=programme.fill(programme.outro_template, week, presenter)
        )
    # bulk_create skips save(): readings were computed above with one normaliser for all items.
    RundownItem.objects.bulk_create(items)
    rundown.save()
    return rundown
