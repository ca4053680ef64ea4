"""Award statistics: the one computation behind /thong-ke/, its downloads and /api/v1/stats/awards.

Counts only. Every award in the register that is not revoked is counted (`countable_awards`:
awards without a profile, and awards of profiles that are public or were taken offline by a
consent withdrawal); no figure carries a name, a profile or a decision number, so nothing here can
name a recipient (issue #16, part 2).

One aggregate query returns the count cube (year × level × award type × group × kind × occasion);
every breakdown is summed from it, so the page, the CSV/XLSX downloads and the API always agree.

Timeliness (kịp thời) reads the register's `proposed_on` date, which the proposal workflow fills
when its decision creates the register entry: days from proposal to decision, per decision year.
"""

from __future__ import annotations

import dataclasses
import statistics as pystats
from collections import defaultdict

from django.db.models import Count, Max, Min
from django.utils import timezone

from core.http_cache import memo_for_generation

from .models import (
    DIRECT_WORKER_GROUPS,
    AwardCategory,
    AwardLevel,
    AwardSource,
    AwardType,
    Occasion,
    RecipientGroup,
    RecipientKind,
)
from .queries import countable_awards

# Levels top-down, with the short names a chart legend has room for.
LEVELS = [
    (AwardLevel.NATIONAL.value, "Trung ương"),
    (AwardLevel.PROVINCE.value, "Tỉnh"),
    (AwardLevel.DISTRICT.value, "Huyện"),
    (AwardLevel.COMMUNE.value, "Xã, phường, đặc khu"),
    (AwardLevel.UNIT.value, "Cơ quan, đơn vị"),
]
LEVEL_LABELS = dict(LEVELS)
UNGROUPED = "chua_phan_loai"
GROUP_LABELS = {**dict(RecipientGroup.choices), UNGROUPED: "Chưa phân loại"}
KIND_LABELS = dict(RecipientKind.choices)
OCCASION_LABELS = dict(Occasion.choices)
DIRECT_GROUPS = [g.value for g in DIRECT_WORKER_GROUPS]
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_SPAN = 50


class StatsInputError(ValueError):
    """A filter value people or programs got wrong; `param` names it, `message` is Vietnamese."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param
        self.message = message


@dataclasses.dataclass(frozen=True)
class StatsFilter:
    from_year: int
    to_year: int
    level: str = ""
    group: str = ""

    def as_query(self) -> dict[str, str]:
        query = {"tu_nam": str(self.from_year), "den_nam": str(self.to_year)}
        if self.level:
            query["cap"] = self.level
        if self.group:
            query["nhom"] = self.group
        return query


def _year(value, param: str, label: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise StatsInputError(param, f"{label} “{value}” không phải là một năm (ví dụ 2014).") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise StatsInputError(param, f"{label} phải trong khoảng {MIN_YEAR}–{MAX_YEAR}.")
    return year


def register_years(site=None) -> tuple[int, int] | None:
    """The first and last decision years in the counted register (None when it is empty)."""
    span = countable_awards(site).filter(revoked=False).aggregate(first=Min("year"), last=Max("year"))
    return (span["first"], span["last"]) if span["first"] else None


def parse_filter(
    raw_from,
    raw_to,
    level="",
    group="",
    *,
    default_span: tuple[int, int] | None = None,
    params=("from", "to", "level", "group"),
) -> StatsFilter:
    """Read and check the filters (years, level, group); raise `StatsInputError` on bad input.

    Missing years default to `default_span`, else to the last ten years."""
    p_from, p_to, p_level, p_group = params
    this_year = timezone.localdate().year
    first, last = default_span or (this_year - 9, this_year)
    from_year = _year(raw_from, p_from, "Năm bắt đầu")
    to_year = _year(raw_to, p_to, "Năm kết thúc")
    if to_year is None:
        to_year = max(last, from_year) if from_year else last
    if from_year is None:
        from_year = min(first, to_year) if default_span else max(to_year - 9, MIN_YEAR)
    if from_year > to_year:
        raise StatsInputError(p_from, "Năm bắt đầu phải không lớn hơn năm kết thúc.")
    if to_year - from_year >= MAX_SPAN:
        raise StatsInputError(p_from, f"Chỉ thống kê được tối đa {MAX_SPAN} năm một lần.")
    level = (level or "").strip()
    if level and level not in LEVEL_LABELS:
        raise StatsInputError(p_level, f"Cấp khen “{level}” không có trong danh mục.")
    group = (group or "").strip()
    if group and group not in GROUP_LABELS:
        raise StatsInputError(p_group, f"Nhóm đối tượng “{group}” không có trong danh mục.")
    return StatsFilter(from_year, to_year, level, group)


def _cube(site, flt: StatsFilter) -> list[dict]:
    qs = countable_awards(site).filter(revoked=False, year__gte=flt.from_year, year__lte=flt.to_year)
    if flt.level:
        qs = qs.filter(resolved_level=flt.level)
    if flt.group:
        qs = qs.filter(recipient_group="" if flt.group == UNGROUPED else flt.group)
    return list(
        qs.values(
            "year",
            "resolved_level",
            "award_type_id",
            "recipient_group",
            "recipient_kind",
            "occasion",
            "source",
        )
        .annotate(count=Count("pk"))
        .order_by("year", "resolved_level", "award_type_id", "recipient_group", "recipient_kind", "occasion", "source")
    )


def _timeliness(site, flt: StatsFilter) -> dict:
    qs = countable_awards(site).filter(
        revoked=False, year__gte=flt.from_year, year__lte=flt.to_year, proposed_on__isnull=False
    )
    if flt.level:
        qs = qs.filter(resolved_level=flt.level)
    if flt.group:
        qs = qs.filter(recipient_group="" if flt.group == UNGROUPED else flt.group)
    days_by_year: dict[int, list[int]] = defaultdict(list)
    for year, proposed, decided in qs.values_list("year", "proposed_on", "decision_date"):
        days_by_year[year].append(max((decided - proposed).days, 0))
    rows = []
    for year in range(flt.from_year, flt.to_year + 1):
        days = days_by_year.get(year, [])
        rows.append(
            {
                "year": year,
                "count": len(days),
                "mean_days": round(sum(days) / len(days), 1) if days else None,
                "median_days": pystats.median(days) if days else None,
                "max_days": max(days) if days else None,
            }
        )
    return {
        "measured_from": "proposed_on",
        "description": "Số ngày từ ngày đề xuất khen thưởng đến ngày quyết định, theo năm quyết định; "
        "chỉ tính các khen thưởng có ghi ngày đề xuất.",
        "by_year": rows,
    }


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def compute(site, flt: StatsFilter) -> dict:
    """Every figure for `flt`, as plain data (the API's JSON shape; the page renders it)."""
    cube = _cube(site, flt)
    types = {t.pk: t for t in AwardType.objects.filter(pk__in={r["award_type_id"] for r in cube})}
    years = list(range(flt.from_year, flt.to_year + 1))
    by_year = dict.fromkeys(years, 0)
    year_level = {y: dict.fromkeys(LEVEL_LABELS, 0) for y in years}
    year_kind = {y: dict.fromkeys(KIND_LABELS, 0) for y in years}
    direct = dict.fromkeys(years, 0)
    by_type: dict[int, int] = defaultdict(int)
    by_level: dict[str, int] = defaultdict(int)
    by_group: dict[str, int] = defaultdict(int)
    by_kind: dict[str, int] = defaultdict(int)
    by_occasion: dict[str, int] = defaultdict(int)
    by_category: dict[str, int] = defaultdict(int)
    rows: dict[tuple, int] = defaultdict(int)
    illustrative = 0
    visible_cube: dict[tuple, int] = defaultdict(int)
    for r in cube:
        n, year, level = r["count"], r["year"], r["resolved_level"]
        group = r["recipient_group"] or UNGROUPED
        by_year[year] += n
        year_level[year][level] = year_level[year].get(level, 0) + n
        year_kind[year][r["recipient_kind"]] = year_kind[year].get(r["recipient_kind"], 0) + n
        if r["recipient_group"] in DIRECT_GROUPS:
            direct[year] += n
        by_type[r["award_type_id"]] += n
        by_level[level] += n
        by_group[group] += n
        by_kind[r["recipient_kind"]] += n
        by_occasion[r["occasion"]] += n
        by_category[types[r["award_type_id"]].category] += n
        rows[(year, r["award_type_id"], level)] += n
        if r["source"] == AwardSource.DEMO:
            illustrative += n
        visible_cube[(year, level, r["award_type_id"], group, r["recipient_kind"], r["occasion"])] += n
    total = sum(by_year.values())
    type_key = lambda pk: (types[pk].category, types[pk].name)  # noqa: E731
    return {
        "from_year": flt.from_year,
        "to_year": flt.to_year,
        "filters": {"level": flt.level or None, "group": flt.group or None},
        "total": total,
        "illustrative": illustrative,
        "by_year": [{"year": y, "count": by_year[y]} for y in years],
        "by_award_type": [
            {"slug": types[pk].slug, "name": types[pk].name, "category": types[pk].category, "count": by_type[pk]}
            for pk in sorted(by_type, key=type_key)
        ],
        "by_level": [
            {"level": level, "label": LEVEL_LABELS.get(level, level or "Không rõ"), "count": by_level[level]}
            for level in [*LEVEL_LABELS, *sorted(set(by_level) - set(LEVEL_LABELS))]
            if by_level.get(level)
        ],
        "by_category": [
            {"category": c, "label": AwardCategory(c).label, "count": n} for c, n in sorted(by_category.items())
        ],
        "by_year_level": [
            {"year": y, "total": by_year[y], "levels": {lv: year_level[y].get(lv, 0) for lv in LEVEL_LABELS}}
            for y in years
        ],
        "by_group": [
            {"group": g, "label": GROUP_LABELS[g], "direct_worker": g in DIRECT_GROUPS, "count": by_group[g]}
            for g in GROUP_LABELS
            if by_group.get(g)
        ],
        "by_kind": [{"kind": k, "label": KIND_LABELS[k], "count": by_kind[k]} for k in KIND_LABELS if by_kind.get(k)],
        "by_year_kind": [{"year": y, "kinds": {k: year_kind[y].get(k, 0) for k in KIND_LABELS}} for y in years],
        "by_occasion": [
            {"occasion": o, "label": OCCASION_LABELS[o], "count": by_occasion[o]}
            for o in OCCASION_LABELS
            if by_occasion.get(o)
        ],
        "direct_workers": {
            "groups": DIRECT_GROUPS,
            "total": sum(direct.values()),
            "share": _percent(sum(direct.values()), total),
            "by_year": [
                {"year": y, "direct": direct[y], "total": by_year[y], "share": _percent(direct[y], by_year[y])}
                for y in years
            ],
        },
        "timeliness": _timeliness(site, flt),
        "rows": [
            {
                "year": year,
                "award_type": types[pk].slug,
                "award_type_name": types[pk].name,
                "category": types[pk].category,
                "level": level,
                "count": n,
            }
            for (year, pk, level), n in sorted(rows.items(), key=lambda kv: (kv[0][0], *type_key(kv[0][1]), kv[0][2]))
        ],
        "cube": [
            {
                "year": year,
                "level": level,
                "award_type": types[pk].name,
                "group": group,
                "kind": kind,
                "occasion": occasion,
                "count": n,
            }
            for (year, level, pk, group, kind, occasion), n in visible_cube.items()
        ],
    }


def award_statistics(site, flt: StatsFilter, request=None) -> dict:
    """`compute`, remembered for the current content generation (the register bumps it)."""
    key = ("award-statistics", getattr(site, "pk", None), dataclasses.astuple(flt))
    return memo_for_generation(key, lambda: compute(site, flt), request=request)
