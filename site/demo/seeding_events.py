"""Seed the demo's events and emulation blocs (`demo.content_events`) through a `Seeder`.

Called by `demo.seeding.Seeder.events_and_blocs`, after stories (events link them). Like the
rest of the seed: each object is found by its demo key or natural key first, created only when
missing, and marked with a `DemoRecord` when created. Rankings are published the way the final
approval publishes them (a revision, then `publish()`); one ranking stays a draft, so the demo
shows that scores in review never reach the public.
"""

from __future__ import annotations

from decimal import Decimal

from campaigns.models import (
    BlocMember,
    BlocPledge,
    BlocRanking,
    BlocScore,
    CampaignMilestone,
    EmulationBloc,
    EventDocument,
    EventFigure,
    EventHonouree,
    EventIndexPage,
    EventPage,
)
from exemplars.models import Organisation
from home.models import HomePage

from . import content_events as data


def seed_events(seeder) -> None:
    home = HomePage.objects.first()
    spec = data.INDEX

    def create_index():
        page = EventIndexPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
        home.add_child(instance=page)
        page.save_revision().publish()
        return page

    index = seeder.ensure(
        spec["key"],
        "event_index",
        lambda: _child(home, spec["slug"]),
        create_index,
    )
    for event in data.EVENTS:
        seeder.ensure(
            event["key"],
            "event",
            lambda event=event: _child(index, event["slug"]),
            lambda event=event: _create_event(seeder, index, event),
            note="Sự kiện theo báo cáo 2024 (có trích dẫn)." if "report" in event else data.ILLUSTRATIVE_EVENT_NOTE,
        )


def _create_event(seeder, index, spec) -> EventPage:
    milestone = None
    if spec["milestone"]:
        campaign_key, kind, date = spec["milestone"]
        milestone = CampaignMilestone.objects.filter(page=seeder.objects[campaign_key], kind=kind, date=date).first()
    page = EventPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        year=spec["year"],
        date=spec["date"],
        organiser=seeder.objects[spec["organiser"]] if spec["organiser"] else None,
        summary=spec["summary"],
        honoured_count=spec["honoured_count"],
        results=spec["results"],
        milestone=milestone,
        is_illustrative=spec["is_illustrative"],
        source=data.event_source(spec),
    )
    for order, document in enumerate(spec["documents"]):
        page.documents.add(
            EventDocument(
                sort_order=order,
                kind=document["kind"],
                number=document["number"],
                date=document["date"],
                as_printed=document["as_printed"],
                title=document["title"],
            )
        )
    for order, key in enumerate(spec["honourees"]):
        page.honourees.add(EventHonouree(sort_order=order, exemplar=seeder.objects[key]))
    for order, (value, label) in enumerate(spec["figures"]):
        page.figures.add(EventFigure(sort_order=order, value=value, label=label))
    page.campaigns = [seeder.objects[k] for k in spec["campaigns"]]
    page.stories = [seeder.objects[k] for k in spec["stories"]]
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_blocs(seeder) -> None:
    for key, name, short, kind in data.MEMBER_ORGANISATIONS:
        seeder.ensure(
            key,
            "org",
            lambda name=name: Organisation.objects.filter(name=name).first(),
            lambda name=name, short=short, kind=kind: Organisation.objects.create(
                name=name, short_name=short, kind=kind
            ),
            note="Cơ quan thành viên khối thi đua (minh họa).",
        )
    for order, (key, slug, name, members, scores) in enumerate(data.BLOCS, start=1):
        bloc = seeder.ensure(
            key,
            "bloc",
            lambda slug=slug: EmulationBloc.objects.filter(slug=slug).first(),
            lambda order=order, slug=slug, name=name, members=members: _create_bloc(seeder, order, slug, name, members),
            note=data.BLOC_RECORD_NOTE,
        )
        seeder.ensure(
            f"ranking:{key}:{data.RANKING_YEAR}",
            "ranking",
            lambda bloc=bloc: BlocRanking.objects.filter(bloc=bloc, year=data.RANKING_YEAR).first(),
            lambda bloc=bloc, members=members, scores=scores: _create_ranking(
                seeder, bloc, data.RANKING_YEAR, members, scores, publish=True
            ),
        )
    key, year, scores = data.DRAFT_RANKING
    bloc = seeder.objects[key]
    members = next(m for k, _s, _n, m, _sc in data.BLOCS if k == key)
    seeder.ensure(
        f"ranking:{key}:{year}",
        "ranking",
        lambda: BlocRanking.objects.filter(bloc=bloc, year=year).first(),
        lambda: _create_ranking(seeder, bloc, year, members, scores, publish=False),
    )


def _create_bloc(seeder, order, slug, name, members) -> EmulationBloc:
    bloc = EmulationBloc(
        name=name,
        slug=slug,
        kind="bloc",
        sort_order=order,
        description="Các cơ quan, đơn vị thành viên ký kết giao ước và được chấm điểm chung (minh họa).",
        is_illustrative=True,
        source=data.BLOC_SOURCE,
    )
    for position, (org_key, role) in enumerate(members):
        bloc.members.add(BlocMember(sort_order=position, organisation=seeder.objects[org_key], role=role))
    bloc.pledges.add(
        BlocPledge(year=data.PLEDGE_YEAR, signed_on=None, targets=data.PLEDGE_TARGETS, is_illustrative=True)
    )
    bloc.save()
    return bloc


def _create_ranking(seeder, bloc, year, members, scores, *, publish: bool) -> BlocRanking:
    ranked = sorted(zip(members, scores, strict=True), key=lambda pair: -pair[1])
    ranking = BlocRanking(
        bloc=bloc,
        year=year,
        note=data.RANKING_NOTE if publish else data.DRAFT_NOTE,
        is_illustrative=True,
        live=False,
    )
    for rank, ((org_key, _role), score) in enumerate(ranked, start=1):
        ranking.scores.add(
            BlocScore(
                sort_order=rank,
                organisation=seeder.objects[org_key],
                score=Decimal(str(score)),
                rank=rank,
                title="Dẫn đầu khối (minh họa)" if rank == 1 else "",
            )
        )
    ranking.save()
    revision = ranking.save_revision()
    if publish:
        revision.publish()
    return ranking


def _child(parent, slug):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None
