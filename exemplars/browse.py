"""Browsing exemplars on the public site: facet links with counts and server-side pagination.

Everything goes through the query string (no JavaScript): `?thon=<place id>&linh_vuc=<field
slug>&loai=<kind>&phong_trao=<campaign page id>&khen_thuong=<award type slug>&trang=<n>`.
Each facet counts the exemplars that match all *other* selected facets, so a visitor can
switch a thôn without first clearing it. Only `public_exemplars()` are ever counted or listed.

Campaigns are read as plain Wagtail pages through the reverse relation `campaign_links`, so
this module does not import the campaigns app (campaigns depend on exemplars, not the reverse).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.http import Http404, QueryDict

from wagtail.models import Page

from core.text import vi_sort_key
from core.visibility import public_pages

from .models.awards import Award
from .models.vocabularies import AwardType, Field, Place, SubjectKind

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


FACET_LABELS = {
    "thon": "Thôn, tổ dân phố",
    "linh_vuc": "Lĩnh vực",
    "loai": "Loại điển hình",
    "phong_trao": "Phong trào",
    "khen_thuong": "Khen thưởng",
}


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
    """Reads the facet selection from a request and builds the listing, facets and page."""

    def __init__(self, base_qs, params: QueryDict):
        self.base_qs = base_qs.order_by()
        self.params = params
        self.errors: list[str] = []
        self.selected: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self._read_selection()

    # -- selection ---------------------------------------------------------------------

    def _read_selection(self) -> None:
        for key in FACET_LABELS:
            raw = (self.params.get(key) or "").strip()
            if not raw:
                continue
            label = self._validate(key, raw)
            if label is None:
                continue
            self.selected[key] = raw
            self.labels[key] = label

    def _validate(self, key: str, raw: str) -> str | None:
        """The display label for a selected value, or None (with an error) if it is unknown."""
        if key == "thon":
            place = Place.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
            if place is None:
                self.errors.append(f"Không có địa bàn mã “{raw}”. Hãy chọn một thôn trong danh sách.")
                return None
            return place.full_name
        if key == "linh_vuc":
            obj = Field.objects.filter(slug=raw).first()
            if obj is None:
                self.errors.append(f"Không có lĩnh vực “{raw}”. Hãy chọn một lĩnh vực trong danh sách.")
                return None
            return obj.name
        if key == "loai":
            if raw not in SubjectKind.values:
                self.errors.append(f"Không có loại điển hình “{raw}”. Hãy chọn một loại trong danh sách.")
                return None
            return SubjectKind(raw).label
        if key == "phong_trao":
            campaign = public_pages(Page).filter(pk=int(raw)).first() if raw.isdigit() else None
            if campaign is None:
                self.errors.append(f"Không có phong trào mã “{raw}”. Hãy chọn một phong trào trong danh sách.")
                return None
            return campaign.title
        if key == "khen_thuong":
            obj = AwardType.objects.filter(slug=raw).first()
            if obj is None:
                self.errors.append(f"Không có loại khen thưởng “{raw}”. Hãy chọn trong danh sách.")
                return None
            return obj.name
        return None  # pragma: no cover - keys come from FACET_LABELS

    def _apply(self, qs, skip: str | None = None):
        for key, raw in self.selected.items():
            if key == skip:
                continue
            if key == "thon":
                qs = qs.filter(place_id__in=Place.descendant_ids([int(raw)]))
            elif key == "linh_vuc":
                qs = qs.filter(pk__in=Field.exemplars.through.objects.filter(field__slug=raw).values("exemplarpage_id"))
            elif key == "loai":
                qs = qs.filter(kind=raw)
            elif key == "phong_trao":
                qs = qs.filter(campaign_links__page_id=int(raw))
            elif key == "khen_thuong":
                qs = qs.filter(pk__in=Award.objects.filter(award_type__slug=raw, revoked=False).values("page_id"))
        return qs

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

    def _option(self, key: str, value, label: str, count: int) -> FacetOption:
        value = str(value)
        selected = self.selected.get(key) == value
        return FacetOption(
            value=value,
            label=label,
            count=count,
            selected=selected,
            url=_query(self.params, key, None if selected else value),
        )

    def facets(self) -> list[Facet]:
        return [
            self._place_facet(),
            self._field_facet(),
            self._kind_facet(),
            self._campaign_facet(),
            self._award_facet(),
        ]

    def _ids(self, key: str):
        return self._apply(self.base_qs, skip=key).values("pk")

    def _place_facet(self) -> Facet:
        rows = self._apply(self.base_qs, skip="thon").values("place_id").annotate(n=Count("pk")).order_by("place_id")
        counts = {row["place_id"]: row["n"] for row in rows}
        places = sorted(Place.objects.filter(pk__in=counts), key=lambda p: vi_sort_key(p.name))
        options = [self._option("thon", p.pk, p.full_name, counts[p.pk]) for p in places]
        self._keep_selected("thon", options)
        return Facet("thon", FACET_LABELS["thon"], options)

    def _field_facet(self) -> Facet:
        fields = Field.objects.filter(exemplars__pk__in=self._ids("linh_vuc")).annotate(
            n=Count("exemplars", distinct=True)
        )
        fields = sorted(fields, key=lambda f: vi_sort_key(f.name))
        options = [self._option("linh_vuc", f.slug, f.name, f.n) for f in fields]
        self._keep_selected("linh_vuc", options)
        return Facet("linh_vuc", FACET_LABELS["linh_vuc"], options)

    def _kind_facet(self) -> Facet:
        rows = self._apply(self.base_qs, skip="loai").values("kind").annotate(n=Count("pk")).order_by("kind")
        counts = {row["kind"]: row["n"] for row in rows}
        options = [self._option("loai", k.value, k.label, counts[k.value]) for k in SubjectKind if k.value in counts]
        self._keep_selected("loai", options)
        return Facet("loai", FACET_LABELS["loai"], options)

    def _campaign_facet(self) -> Facet:
        rows = (
            self._apply(self.base_qs, skip="phong_trao")
            .filter(campaign_links__isnull=False)
            .values("campaign_links__page_id")
            .annotate(n=Count("pk", distinct=True))
            .order_by("campaign_links__page_id")
        )
        counts = {row["campaign_links__page_id"]: row["n"] for row in rows}
        campaigns = sorted(public_pages(Page).filter(pk__in=counts), key=lambda c: vi_sort_key(c.title))
        options = [self._option("phong_trao", c.pk, c.title, counts[c.pk]) for c in campaigns]
        self._keep_selected("phong_trao", options)
        return Facet("phong_trao", FACET_LABELS["phong_trao"], options)

    def _award_facet(self) -> Facet:
        types = (
            AwardType.objects.filter(awards__page_id__in=self._ids("khen_thuong"), awards__revoked=False)
            .annotate(n=Count("awards__page", distinct=True))
            .order_by("category", "name")
        )
        options = [self._option("khen_thuong", t.slug, t.name, t.n) for t in types]
        self._keep_selected("khen_thuong", options)
        return Facet("khen_thuong", FACET_LABELS["khen_thuong"], options)

    def _keep_selected(self, key: str, options: list[FacetOption]) -> None:
        """A selected value with no match left still shows (count 0) so it can be removed."""
        if key in self.selected and not any(o.selected for o in options):
            options.insert(0, self._option(key, self.selected[key], self.labels[key], 0))

    def active_filters(self) -> list[dict]:
        """The current selection as removable chips: label and the URL without it."""
        return [
            {"facet": FACET_LABELS[key], "label": self.labels[key], "remove_url": _query(self.params, key, None)}
            for key in self.selected
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
