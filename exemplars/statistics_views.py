"""The public statistics page /thong-ke/ and its CSV and XLSX downloads (no names, ever).

Figures come from `exemplars.statistics` (the same computation as /api/v1/stats/awards); the
page draws them as inline SVG (`exemplars.charts`) with a data table beside each chart, and
filters with a plain GET form (years, level, group). A filter value that is not valid gets a
Vietnamese message on the page (status 400), never a 500.

Anonymous answers are cached by `core.http_cache` for the content generation, which every save
or delete of an award moves (`core.invalidation`, connected in `exemplars.signals`; the award
import bumps it after its bulk writes).
"""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render

from wagtail.models import Site

from . import charts
from .statistics import (
    GROUP_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    OCCASION_LABELS,
    StatsInputError,
    award_statistics,
    parse_filter,
    register_years,
)

PARAMS = ("tu_nam", "den_nam", "cap", "nhom")
DETAIL_HEADER = [
    "Năm",
    "Cấp khen",
    "Hình thức khen thưởng",
    "Nhóm đối tượng",
    "Loại đối tượng",
    "Thường xuyên/đột xuất/chuyên đề",
    "Số lượng",
]


def _site(request):
    return Site.find_for_request(request)


def _read_filter(request):
    site = _site(request)
    get = request.GET
    return site, parse_filter(
        get.get("tu_nam"),
        get.get("den_nam"),
        get.get("cap", ""),
        get.get("nhom", ""),
        default_span=register_years(site),
        params=PARAMS,
    )


def _tables(stats: dict) -> list[dict]:
    """The figures as titled tables (headers + rows): the page's data tables and the XLSX sheets."""
    levels = list(LEVEL_LABELS.items())
    kinds = list(KIND_LABELS.items())
    return [
        {
            "key": "nam-cap",
            "sheet": "Năm và cấp",
            "title": "Số khen thưởng theo năm và cấp khen",
            "header": ["Năm", *[label for _k, label in levels], "Tổng"],
            "rows": [
                [str(r["year"]), *[r["levels"][k] for k, _l in levels], r["total"]] for r in stats["by_year_level"]
            ],
        },
        {
            "key": "hinh-thuc",
            "sheet": "Hình thức",
            "title": "Số khen thưởng theo hình thức",
            "header": ["Hình thức khen thưởng", "Số lượng"],
            "rows": [[r["name"], r["count"]] for r in stats["by_award_type"]],
        },
        {
            "key": "lao-dong-truc-tiep",
            "sheet": "Lao động trực tiếp",
            "title": "Tỷ lệ khen thưởng người lao động trực tiếp theo năm",
            "header": ["Năm", "Người lao động trực tiếp", "Tổng số", "Tỷ lệ (%)"],
            "rows": [[str(r["year"]), r["direct"], r["total"], r["share"]] for r in stats["direct_workers"]["by_year"]],
        },
        {
            "key": "doi-tuong",
            "sheet": "Loại đối tượng",
            "title": "Cá nhân, tập thể và hộ gia đình theo năm",
            "header": ["Năm", *[label for _k, label in kinds]],
            "rows": [[str(r["year"]), *[r["kinds"][k] for k, _l in kinds]] for r in stats["by_year_kind"]],
        },
        {
            "key": "nhom",
            "sheet": "Nhóm đối tượng",
            "title": "Số khen thưởng theo nhóm đối tượng",
            "header": ["Nhóm đối tượng", "Số lượng"],
            "rows": [[r["label"], r["count"]] for r in stats["by_group"]],
        },
        {
            "key": "thuong-xuyen",
            "sheet": "Thường xuyên, đột xuất",
            "title": "Khen thưởng thường xuyên, đột xuất và chuyên đề",
            "header": ["Loại", "Số lượng"],
            "rows": [[r["label"], r["count"]] for r in stats["by_occasion"]],
        },
        {
            "key": "kip-thoi",
            "sheet": "Kịp thời",
            "title": "Tính kịp thời: số ngày từ đề xuất đến quyết định",
            "header": [
                "Năm",
                "Số khen thưởng có ngày đề xuất",
                "Trung bình (ngày)",
                "Trung vị (ngày)",
                "Lâu nhất (ngày)",
            ],
            "rows": [
                [str(r["year"]), r["count"], _blank(r["mean_days"]), _blank(r["median_days"]), _blank(r["max_days"])]
                for r in stats["timeliness"]["by_year"]
            ],
        },
    ]


def _blank(value):
    return "" if value is None else value


def _detail_rows(stats: dict) -> list[list]:
    return [
        [
            row["year"],
            LEVEL_LABELS.get(row["level"], row["level"]),
            row["award_type"],
            GROUP_LABELS.get(row["group"], row["group"]),
            KIND_LABELS.get(row["kind"], row["kind"]),
            OCCASION_LABELS.get(row["occasion"], row["occasion"]),
            row["count"],
        ]
        for row in sorted(stats["cube"], key=lambda r: (r["year"], r["level"], r["award_type"], r["group"], r["kind"]))
    ]


def _charts(stats: dict) -> dict:
    years = [str(r["year"]) for r in stats["by_year"]]
    span = f"{stats['from_year']}–{stats['to_year']}"
    levels = list(LEVEL_LABELS.items())
    kinds = list(KIND_LABELS.items())
    return {
        "nam-cap": charts.stacked_columns(
            "chart-nam-cap",
            f"Khen thưởng theo năm và cấp, {span}",
            "Cột chồng: mỗi năm một cột, mỗi màu một cấp khen (trung ương, tỉnh, huyện, xã, cơ quan). "
            "Số liệu chi tiết ở bảng bên cạnh.",
            years,
            levels,
            [r["levels"] for r in stats["by_year_level"]],
        ),
        "hinh-thuc": charts.horizontal_bars(
            "chart-hinh-thuc",
            f"Khen thưởng theo hình thức, {span}",
            "Thanh ngang: số khen thưởng của mỗi hình thức (danh hiệu thi đua, hình thức khen thưởng).",
            [(r["name"], r["count"]) for r in stats["by_award_type"]],
        ),
        "lao-dong-truc-tiep": charts.stacked_columns(
            "chart-lao-dong-truc-tiep",
            f"Tỷ lệ khen thưởng người lao động trực tiếp, {span}",
            "Cột: phần trăm khen thưởng dành cho nông dân, ngư dân, công nhân và người lao động trực tiếp "
            "trong tổng số khen thưởng mỗi năm.",
            years,
            [("share", "Tỷ lệ người lao động trực tiếp")],
            [{"share": r["share"]} for r in stats["direct_workers"]["by_year"]],
            percent=True,
        ),
        "doi-tuong": charts.stacked_columns(
            "chart-doi-tuong",
            f"Cá nhân, tập thể và hộ gia đình, {span}",
            "Cột chồng: mỗi năm một cột, mỗi màu một loại đối tượng được khen.",
            years,
            kinds,
            [r["kinds"] for r in stats["by_year_kind"]],
        ),
    }


def _query(flt, **changes) -> str:
    query = {**flt.as_query(), **changes}
    return urlencode({k: v for k, v in query.items() if v})


def statistics_page(request):
    context = {
        "levels": list(LEVEL_LABELS.items()),
        "groups": list(GROUP_LABELS.items()),
        "values": {name: request.GET.get(name, "") for name in PARAMS},
        "error": None,
    }
    try:
        site, flt = _read_filter(request)
    except StatsInputError as exc:
        context["error"] = exc.message
        context["error_param"] = exc.param
        return render(request, "exemplars/statistics_page.html", context, status=400)
    stats = award_statistics(site, flt, request=request)
    tables = _tables(stats)
    drawn = _charts(stats)
    context.update(
        {
            "stats": stats,
            "filter": flt,
            "values": flt.as_query(),
            "sections": [{**t, "chart": drawn.get(t["key"])} for t in tables],
            "download_query": _query(flt),
            "level_label": LEVEL_LABELS.get(flt.level, ""),
            "group_label": GROUP_LABELS.get(flt.group, ""),
        }
    )
    return render(request, "exemplars/statistics_page.html", context)


def _bad_download(exc: StatsInputError) -> HttpResponse:
    return HttpResponse(
        f"Không tải được số liệu: {exc.message}\n", status=400, content_type="text/plain; charset=utf-8"
    )


def _filename(flt, ext: str) -> str:
    parts = ["thong-ke-khen-thuong", str(flt.from_year), str(flt.to_year)]
    parts += [p for p in (flt.level, flt.group) if p]
    return "-".join(parts) + f".{ext}"


def statistics_csv(request):
    """The full count table (year × level × form × group × kind × occasion), no names."""
    try:
        site, flt = _read_filter(request)
    except StatsInputError as exc:
        return _bad_download(exc)
    stats = award_statistics(site, flt, request=request)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(DETAIL_HEADER)
    writer.writerows(_detail_rows(stats))
    # A byte-order mark lets spreadsheet programs open the Vietnamese text as UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(flt, "csv")}"'
    return response


def statistics_xlsx(request):
    """One sheet per chart's table, plus the full count table; no names."""
    from openpyxl import Workbook

    try:
        site, flt = _read_filter(request)
    except StatsInputError as exc:
        return _bad_download(exc)
    stats = award_statistics(site, flt, request=request)
    book = Workbook()
    sheet = book.active
    sheet.title = "Chi tiết"
    sheet.append([f"Thống kê khen thưởng {flt.from_year}–{flt.to_year} (không kèm tên người được khen)"])
    if stats["illustrative"]:
        sheet.append([f"Trong đó {stats['illustrative']} khen thưởng là dữ liệu minh họa (không có thật)."])
    sheet.append(DETAIL_HEADER)
    for row in _detail_rows(stats):
        sheet.append(row)
    for table in _tables(stats):
        ws = book.create_sheet(table["sheet"])
        ws.append([table["title"]])
        ws.append(table["header"])
        for row in table["rows"]:
            ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(flt, "xlsx")}"'
    return response
