"""Server-rendered SVG charts for /thong-ke/: no JavaScript, no external files.

Each function returns inline SVG markup (escaped with `format_html`) with `role="img"`, a
`<title>` and a `<desc>` referenced by `aria-labelledby`; the page puts a data table with the same
figures beside every chart, for screen readers and for anyone who prefers numbers. Colours come
from the Okabe–Ito palette (distinguishable with colour-vision deficiencies) and every series is
named in a legend; presentation attributes only, so the site's CSP (no inline styles) holds.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#000000"]
WIDTH = 640
FONT = 'font-family="inherit" font-size="12"'


def _number(value: float) -> str:
    """A figure as Vietnamese writes it: decimal comma ("12,5")."""
    return f"{value:g}".replace(".", ",")


def _nice_max(value: float) -> float:
    """A round upper bound for an axis (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _frame(chart_id: str, title: str, desc: str, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=WIDTH,
        h=height,
        id=chart_id,
        title=title,
        desc=desc,
        body=body,
    )


def _legend(series: list[tuple[str, str]], y: int) -> SafeString:
    items, x = [], 48
    for index, (_key, label) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        items.append(
            format_html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"></rect>'
                '<text x="{}" y="{}" {} fill="#222">{}</text>',
                x,
                y,
                colour,
                x + 16,
                y + 10,
                mark_safe(FONT),  # noqa: S308 - a constant
                label,
            )
        )
        x += 24 + 7 * len(label)
        if x > WIDTH - 120:
            x, y = 48, y + 18
    return mark_safe("".join(items))  # noqa: S308 - parts built with format_html


def stacked_columns(
    chart_id: str,
    title: str,
    desc: str,
    categories: list[str],
    series: list[tuple[str, str]],
    values: list[dict[str, float]],
    *,
    percent: bool = False,
) -> SafeString:
    """Vertical columns, one per category (a year), stacked by series (levels, kinds).

    `values[i][key]` is the figure of series `key` in category `i`."""
    top, left, plot_h = 16, 48, 200
    legend_rows = 1 + sum(24 + 7 * len(label) for _k, label in series) // (WIDTH - 170)
    height = top + plot_h + 28 + 18 * legend_rows + 12
    totals = [sum(v.get(k, 0) for k, _l in series) for v in values]
    y_max = 100 if percent else _nice_max(max(totals, default=0))
    plot_w = WIDTH - left - 12
    slot = plot_w / max(len(categories), 1)
    bar_w = max(min(slot * 0.7, 48), 4)
    parts = []
    for tick in range(5):
        value = y_max * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{y}" y2="{y}" stroke="#ccc" stroke-width="1"></line>'
                '<text x="{}" y="{}" text-anchor="end" {} fill="#444">{}</text>',
                left,
                WIDTH - 12,
                left - 6,
                y + 4,
                mark_safe(FONT),  # noqa: S308 - a constant
                _number(value) + ("%" if percent else ""),
                y=round(y, 1),
            )
        )
    for i, (category, figures) in enumerate(zip(categories, values, strict=True)):
        x = left + slot * i + (slot - bar_w) / 2
        base = top + plot_h
        for index, (key, label) in enumerate(series):
            value = figures.get(key, 0)
            if not value:
                continue
            h = plot_h * value / y_max
            base -= h
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} – {}</title></rect>',
                    round(x, 1),
                    round(base, 1),
                    round(bar_w, 1),
                    round(h, 1),
                    PALETTE[index % len(PALETTE)],
                    category,
                    label,
                    _number(value) + ("%" if percent else ""),
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" {} fill="#222">{}</text>',
                round(x + bar_w / 2, 1),
                top + plot_h + 16,
                mark_safe(FONT),  # noqa: S308 - a constant
                category,
            )
        )
    if len(series) > 1:
        parts.append(_legend(series, top + plot_h + 30))
    return _frame(chart_id, title, desc, height, mark_safe("".join(parts)))  # noqa: S308


def horizontal_bars(chart_id: str, title: str, desc: str, items: list[tuple[str, float]]) -> SafeString:
    """One horizontal bar per item (label, value), longest scale first as given."""
    row_h, label_w, top = 26, 250, 8
    height = top + row_h * max(len(items), 1) + 8
    x_max = _nice_max(max((v for _l, v in items), default=0))
    plot_w = WIDTH - label_w - 60
    rows = []
    for i, (label, value) in enumerate(items):
        y = top + row_h * i
        w = plot_w * value / x_max
        short = label if len(label) <= 38 else label[:36] + "…"
        rows.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" {} fill="#222">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="18" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" {} fill="#222">{}</text>',
                label_w - 8,
                y + 14,
                mark_safe(FONT),  # noqa: S308 - a constant
                short,
                label_w,
                y + 2,
                round(max(w, 1), 1),
                PALETTE[0],
                label,
                _number(value),
                round(label_w + w + 6, 1),
                y + 15,
                mark_safe(FONT),  # noqa: S308 - a constant
                _number(value),
            )
        )
    body = format_html_join("", "{}", ((r,) for r in rows))
    return _frame(chart_id, title, desc, height, body)
