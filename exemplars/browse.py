"""Browsing exemplars on the public site: facet links with counts and server-side pagination.

Everything goes through the query string (no JavaScript): `?thon=<place id>&linh_vuc=<field
slug>&loai=<kind>&phong_trao=<campaign page id>&khen_thuong=<award type slug>&nhan_rong=<true|false>
&trang=<n>`.
Each facet counts the exemplars that match all *other* selected facets, so a visitor can
switch a thôn without first clearing it. Only `public_exemplars()` are ever counted or listed.

Campaigns are read as plain Wagtail pages through the reverse relation `campaign_links`, so
this module does not import the campaigns app (campaigns depend on exemplars, not the reverse).
What each parameter means and how a bad value is reported is defined once, in `exemplars.filters`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.http import Http404, QueryDict

from core.text import vi_sort_key
from core.visibility import public_pages

from . import filters
from .filters import AWARD_TYPE, CAMPAIGN, FIELD, KIND, PAGE_FILTERS, PLACE, REPLICATED, ExemplarFilter
from .models.adoptions import Adoption
from .models.vocabularies import AwardType, Field, Place, SubjectKind
from .related import campaign_model

PER_PAGE = 12
PAGE_PARAM = "trang"


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    key: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> FacetOption | None:
        return next((o for o in self.options if o.selected), None)


def _query(params: QueryDict, key: str, value: str | None) -> str:
    """The query string with facet `key` set to `value` (or removed), back on page 1."""
    q = params.copy()
    q.pop(PAGE_PARAM, None)
    if value is None:
        q.pop(key, None)
    else:
        q[key] = value
    encoded = q.urlencode()
    return f"?{encoded}" if encoded else "?"


class ExemplarBrowser:
    """Reads the facet selection from a request and builds the listing, facets and page.

    What each facet means, and the message for a value that names nothing, is the filter's own
    (`exemplars.filters`, shared with the domain API and search); this class counts and links.
    """

    def __init__(self, base_qs, params: QueryDict):
        self.base_qs = base_qs.order_by()
        self.params = params
        self.selection, self.errors = filters.read_page(params)

    def _selected(self, flt: ExemplarFilter) -> str | None:
        values = self.selection.get(flt.name)
        return str(next(iter(values))) if values else None

    def _apply(self, qs, skip: ExemplarFilter | None = None):
        others = {name: values for name, values in self.selection.items() if skip is None or name != skip.name}
        return filters.apply(qs, others)

    # -- results -----------------------------------------------------------------------

    def results(self):
        return self._apply(self.base_qs)

    def page(self, per_page: int = PER_PAGE):
        """The requested page of results; a page number that is not a number or too big is a 404.

        Titles are in Vietnamese alphabetical order ("Đ…" after "D…", not after "Z"), which no
        collation we can count on gives. Sorting only the current page in Python would be wrong
        across pages (page 1 would not hold the first titles), so every matching (pk, title) pair
        is sorted here, and only the requested page's ids are then loaded in full. Two columns
        of the island's few hundred exemplars are cheap to read; a stored sort key would need a
        migration and a backfill for the same answer.
        """
        ordered = sorted(self.results().values_list("title", "pk"), key=lambda row: (vi_sort_key(row[0]), row[1]))
        page_obj = _paginate([pk for _title, pk in ordered], self.params, per_page)
        by_pk = self.base_qs.filter(pk__in=page_obj.object_list).select_related("place", "consent", "portrait")
        loaded = {page.pk: page for page in by_pk}
        page_obj.object_list = [loaded[pk] for pk in page_obj.object_list if pk in loaded]
        return page_obj

    # -- facets ------------------------------------------------------------------------

    def _option(self, flt: ExemplarFilter, value, label: str, count: int) -> FacetOption:
        value = str(value)
        selected = self._selected(flt) == value
        return FacetOption(
            value=value,
            label=label,
            count=count,
            selected=selected,
            url=_query(self.params, flt.page_name, None if selected else value),
        )

    def facets(self) -> list[Facet]:
        return [
            self._place_facet(),
            self._field_facet(),
            self._kind_facet(),
            self._campaign_facet(),
            self._award_facet(),
            self._replicated_facet(),
        ]

    def _facet(self, flt: ExemplarFilter, options: list[FacetOption]) -> Facet:
        """A selected value with no match left still shows (count 0) so it can be removed."""
        if flt.name in self.selection and not any(o.selected for o in options):
            ((value, label),) = self.selection[flt.name].items()
            options.insert(0, self._option(flt, value, label, 0))
        return Facet(flt.page_name, flt.page_label, options)

    def _ids(self, flt: ExemplarFilter):
        return self._apply(self.base_qs, skip=flt).values("pk")

    def _place_facet(self) -> Facet:
        rows = self._apply(self.base_qs, skip=PLACE).values("place_id").annotate(n=Count("pk")).order_by("place_id")
        counts = {row["place_id"]: row["n"] for row in rows}
        places = sorted(Place.objects.filter(pk__in=counts), key=lambda p: vi_sort_key(p.name))
        return self._facet(PLACE, [self._option(PLACE, p.pk, p.full_name, counts[p.pk]) for p in places])

    def _field_facet(self) -> Facet:
        fields = Field.objects.filter(exemplars__pk__in=self._ids(FIELD)).annotate(n=Count("exemplars", distinct=True))
        fields = sorted(fields, key=lambda f: vi_sort_key(f.name))
        return self._facet(FIELD, [self._option(FIELD, f.slug, f.name, f.n) for f in fields])

    def _kind_facet(self) -> Facet:
        rows = self._apply(self.base_qs, skip=KIND).values("kind").annotate(n=Count("pk")).order_by("kind")
        counts = {row["kind"]: row["n"] for row in rows}
        options = [self._option(KIND, k.value, k.label, counts[k.value]) for k in SubjectKind if k.value in counts]
        return self._facet(KIND, options)

    def _campaign_facet(self) -> Facet:
        rows = (
            self._apply(self.base_qs, skip=CAMPAIGN)
            .filter(campaign_links__isnull=False)
            .values("campaign_links__page_id")
            .annotate(n=Count("pk", distinct=True))
            .order_by("campaign_links__page_id")
        )
        counts = {row["campaign_links__page_id"]: row["n"] for row in rows}
        campaigns = sorted(public_pages(campaign_model()).filter(pk__in=counts), key=lambda c: vi_sort_key(c.title))
        return self._facet(CAMPAIGN, [self._option(CAMPAIGN, c.pk, c.title, counts[c.pk]) for c in campaigns])

    def _award_facet(self) -> Facet:
        types = (
            AwardType.objects.filter(awards__page_id__in=self._ids(AWARD_TYPE), awards__revoked=False)
            .annotate(n=Count("awards__page", distinct=True))
            .order_by("category", "name")
        )
        return self._facet(AWARD_TYPE, [self._option(AWARD_TYPE, t.slug, t.name, t.n) for t in types])

    def _replicated_facet(self) -> Facet:
        ids = self._ids(REPLICATED)
        total = self.base_qs.filter(pk__in=ids).count()
        replicated = self.base_qs.filter(pk__in=ids).filter(pk__in=Adoption.objects.values("page_id")).count()
        options = [
            self._option(REPLICATED, value, REPLICATED.LABELS[value], count)
            for value, count in ((True, replicated), (False, total - replicated))
            if count
        ]
        return self._facet(REPLICATED, options)

    def active_filters(self) -> list[dict]:
        """The current selection as removable chips: label and the URL without it."""
        return [
            {
                "facet": flt.page_label,
                "label": next(iter(self.selection[flt.name].values())),
                "remove_url": _query(self.params, flt.page_name, None),
            }
            for flt in PAGE_FILTERS
            if flt.name in self.selection
        ]


def paginate(request, queryset, per_page: int = PER_PAGE):
    """One page of `queryset` from `?trang=`; a bad or too-large page number is a 404."""
    return _paginate(queryset, request.GET, per_page)


def _paginate(queryset, params, per_page):
    paginator = Paginator(queryset, per_page)
    raw = params.get(PAGE_PARAM) or "1"
    try:
        return paginator.page(raw)
    except PageNotAnInteger as exc:
        raise Http404(f"Số trang “{raw}” không hợp lệ.") from exc
    except EmptyPage as exc:
        if paginator.count == 0 and raw == "1":
            return paginator.page(1)
        raise Http404(f"Không có trang {raw}.") from exc
