"""Builders for events and blocs in tests: real saved pages and snippets, through Wagtail's API."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from wagtail.models import Page

from campaigns.models import (
    BlocMember,
    BlocRanking,
    BlocScore,
    EmulationBloc,
    EventDocument,
    EventHonouree,
    EventIndexPage,
    EventPage,
)
from core.text import slugify_vi
from tests import factories

_n = itertools.count(1)


def event_index() -> EventIndexPage:
    return factories._index(EventIndexPage, "su-kien", "Sự kiện")


def event(
    title: str | None = None,
    *,
    kind: str = "conference",
    year: int = 2020,
    publish: bool = True,
    documents=(),
    honourees=(),
    campaigns=(),
    **extra,
) -> EventPage:
    n = next(_n)
    title = title or f"Hội nghị thử nghiệm {n}"
    page = EventPage(title=title, slug=f"{slugify_vi(title)}-{n}", kind=kind, year=year, **extra)
    for order, (kind_, number, date) in enumerate(documents):
        page.documents.add(EventDocument(sort_order=order, kind=kind_, number=number, date=date))
    for order, exemplar in enumerate(honourees):
        page.honourees.add(EventHonouree(sort_order=order, exemplar=exemplar))
    page.campaigns = list(campaigns)
    event_index().add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        Page.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


def bloc(name: str | None = None, *, members=()) -> EmulationBloc:
    n = next(_n)
    name = name or f"Khối thử nghiệm {n}"
    bloc = EmulationBloc(name=name, slug=f"khoi-thu-nghiem-{n}", sort_order=n)
    for order, org in enumerate(members):
        bloc.members.add(BlocMember(sort_order=order, organisation=org))
    bloc.save()
    return bloc


def ranking(bloc, year: int, scores, *, publish: bool) -> BlocRanking:
    """A ranking with (organisation, score) rows ranked by score; published or left a draft."""
    ranking = BlocRanking(bloc=bloc, year=year, live=False)
    for rank, (org, score) in enumerate(sorted(scores, key=lambda pair: -pair[1]), start=1):
        ranking.scores.add(BlocScore(sort_order=rank, organisation=org, score=Decimal(str(score)), rank=rank))
    ranking.save()
    revision = ranking.save_revision()
    if publish:
        revision.publish()
    return ranking


def organisations(count: int):
    return [factories.organisation(f"Đơn vị thử nghiệm {next(_n)}") for _ in range(count)]


DATE = datetime.date
