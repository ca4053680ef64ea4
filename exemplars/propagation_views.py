"""The public page /nhan-rong/: every model (and any other exemplar others took up) with its
number of adoptions, the places it reached and a timeline of its spread, drawn on the server.

Anonymous answers are cached by `core.http_cache` under the content generation, which moves
when a page is published (its adoptions are published with it), so the page is fresh after
every approval.
"""

from django.shortcuts import render
from django.utils import timezone

from core.visibility import public_pages

from .models import ExemplarIndexPage
from .propagation import propagation_stats, spreads


def propagation_page(request):
    models, others = spreads(last_year=timezone.localdate().year)
    index = public_pages(ExemplarIndexPage).first()
    context = {
        "models": models,
        "others": others,
        "stats": propagation_stats(),
        "index_url": index.url if index else "/dien-hinh/",
    }
    return render(request, "exemplars/propagation.html", context)
