"""The public page of emulation blocs, /khoi-thi-dua/: each bloc with its members, its latest
pledge and its latest ranking that has been approved (published). Scores still in review are
never read here: `campaigns.blocs.latest_public_rankings` reads published rankings only."""

from django.shortcuts import render

from .blocs import ILLUSTRATIVE_NOTE, latest_public_rankings, public_blocs


def bloc_list(request):
    blocs = list(public_blocs())
    latest = latest_public_rankings(blocs)
    for bloc in blocs:
        bloc.latest_ranking = latest.get(bloc.pk)
        pledges = list(bloc.pledges.all())
        bloc.latest_pledge = pledges[0] if pledges else None
    context = {
        "blocs": blocs,
        "any_illustrative": any(b.is_illustrative for b in blocs),
        "illustrative_note": ILLUSTRATIVE_NOTE,
    }
    return render(request, "campaigns/bloc_list.html", context)
