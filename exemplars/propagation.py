"""Propagation (nhân rộng) in public: which adoptions are public, how they are represented, and
the figures of the spread (adoptions by year and by place, a cumulative timeline as SVG).

An adoption is public exactly when its exemplar page is (`core.visibility.public_pages`): the
rows in the database are those of the published revision, so a draft's adoptions never show.
Every public surface — the /nhan-rong/ page, the profile, both APIs, radio — reads them here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from core.visibility import public_pages

from .models import Adoption, AdoptionStatus, ExemplarPage, Place, SubjectKind
from .representation import adoption_data, place_ref


def public_adoptions(site=None) -> QuerySet:
    """Adoptions of public exemplars (the one visibility rule), oldest first."""
    return (
        Adoption.objects.filter(page__in=public_pages(ExemplarPage, site).values("pk"))
        .select_related("place", "adopter_page")
        .order_by("since", "sort_order", "pk")
    )


def adoptions_data(page, request=None, site=None) -> list[dict]:
    """A page's adoptions as both APIs give them (a link to an adopter's profile only when public)."""
    adoptions = page.adoptions_in_order()
    adopters = page.public_adopter_ids(adoptions, site)
    return [adoption_data(a, request, adopters) for a in adoptions]


# -- the spread --------------------------------------------------------------------------------


def places_reached(adoptions) -> list[Place]:
    """The distinct places of these adoptions, in the order they were first reached."""
    seen: dict[int, Place] = {}
    for adoption in sorted(adoptions, key=lambda a: (a.since, a.pk or 0)):
        seen.setdefault(adoption.place_id, adoption.place)
    return list(seen.values())


def cumulative_by_year(
    adoptions, first_year: int | None = None, last_year: int | None = None
) -> list[tuple[int, int, int]]:
    """[(year, adoptions begun that year, cumulative total)] over every year of the range."""
    per_year = Counter(a.since.year for a in adoptions)
    if not per_year and first_year is None:
        return []
    first = first_year if first_year is not None else min(per_year)
    last = last_year if last_year is not None else max(per_year)
    rows, total = [], 0
    for year in range(first, last + 1):
        total += per_year.get(year, 0)
        rows.append((year, per_year.get(year, 0), total))
    return rows


@dataclass
class Timeline:
    """A cumulative step chart of a model's spread, drawn on the server (no JavaScript)."""

    rows: list[tuple[int, int, int]]
    width: int = 560
    height: int = 160
    pad_left: int = 36
    pad_right: int = 28
    pad_top: int = 12
    pad_bottom: int = 28

    @property
    def max_total(self) -> int:
        return max((total for _y, _n, total in self.rows), default=0) or 1

    def _x(self, index: int) -> float:
        span = self.width - self.pad_left - self.pad_right
        steps = max(len(self.rows) - 1, 1)
        return round(self.pad_left + span * index / steps, 1)

    def _y(self, total: int) -> float:
        span = self.height - self.pad_top - self.pad_bottom
        return round(self.pad_top + span * (1 - total / self.max_total), 1)

    @property
    def points(self) -> str:
        return " ".join(f"{self._x(i)},{self._y(total)}" for i, (_year, _n, total) in enumerate(self.rows))

    @property
    def dots(self) -> list[dict]:
        return [
            {"x": self._x(i), "y": self._y(total), "year": year, "new": new, "total": total}
            for i, (year, new, total) in enumerate(self.rows)
        ]

    @property
    def year_labels(self) -> list[dict]:
        """Year labels under the axis: all of them when few, else every other one and the last."""
        step = 1 if len(self.rows) <= 8 else 2
        last = len(self.rows) - 1
        return [
            {"x": self._x(i), "year": year} for i, (year, _n, _t) in enumerate(self.rows) if i % step == 0 or i == last
        ]

    @property
    def baseline_y(self) -> float:
        return self._y(0)

    @property
    def axis_end_x(self) -> int:
        return self.width - self.pad_right

    @property
    def top_y(self) -> float:
        return self._y(self.max_total)

    @property
    def label_y(self) -> int:
        return self.height - 8

    @property
    def summary(self) -> str:
        if not self.rows:
            return "Chưa có nơi nào làm theo."
        first = next((year for year, new, _t in self.rows if new), self.rows[0][0])
        return f"Từ năm {first} đến năm {self.rows[-1][0]}: tổng cộng {self.rows[-1][2]} nơi làm theo."


@dataclass
class Spread:
    """One exemplar on /nhan-rong/: its adoptions, the places reached and the timeline."""

    page: ExemplarPage
    adoptions: list[Adoption]
    places: list[Place]
    timeline: Timeline

    @property
    def count(self) -> int:
        return len(self.adoptions)

    @property
    def active_count(self) -> int:
        return sum(1 for a in self.adoptions if a.status == "active")


def spreads(site=None, last_year: int | None = None) -> tuple[list[Spread], list[Spread]]:
    """(every public model, other public exemplars with adoptions), each with its spread.

    Models come first in the order of their number of adoptions; a model nobody has taken up
    yet is listed too (the office's weakness made visible, as the report asks).
    """
    adoptions = Prefetch(
        "adoptions", queryset=Adoption.objects.select_related("place").order_by("since", "sort_order", "pk")
    )
    base = public_pages(ExemplarPage, site).select_related("place").prefetch_related(adoptions)
    models_qs = base.filter(kind=SubjectKind.MODEL)
    others_qs = base.exclude(kind=SubjectKind.MODEL).filter(pk__in=Adoption.objects.values("page_id"))
    every = [*models_qs, *others_qs]
    years = [a.since.year for page in every for a in page.adoptions.all()]
    first = min(years) if years else None
    last = max([*years, last_year]) if years and last_year else (max(years) if years else None)

    def spread(page) -> Spread:
        rows = list(page.adoptions.all())
        return Spread(page, rows, places_reached(rows), Timeline(cumulative_by_year(rows, first, last) if rows else []))

    def order(s: Spread):
        return (-s.count, s.page.title)

    return sorted(map(spread, models_qs), key=order), sorted(map(spread, others_qs), key=order)


def propagation_stats(site=None) -> dict:
    """Adoptions of public exemplars by year begun and by place, with totals."""
    rows = public_adoptions(site)
    by_year = Counter(rows.values_list("since__year", flat=True))
    place_counts = dict(rows.order_by().values("place_id").annotate(n=Count("pk")).values_list("place_id", "n"))
    places = {p.pk: p for p in Place.objects.filter(pk__in=place_counts).select_related("parent")}
    by_status = Counter(rows.values_list("status", flat=True))
    return {
        "total": sum(by_year.values()),
        "exemplar_count": rows.order_by().values("page_id").distinct().count(),
        "by_year": [{"year": year, "count": by_year[year]} for year in sorted(by_year)],
        "by_place": sorted(
            (
                {**place_ref(places[pk]), "path_label": places[pk].path_label, "count": n}
                for pk, n in place_counts.items()
            ),
            key=lambda entry: (-entry["count"], entry["full_name"]),
        ),
        "by_status": [
            {"status": status.value, "label": status.label, "count": by_status.get(status.value, 0)}
            for status in AdoptionStatus
        ],
    }
