"""Server-made SVG charts of this app (house style of lerend/scans/charts.py: text escaped,
presentation attributes only, never ``style=``; ``role="img"`` with a <title>; each page
shows a table with the same numbers next to it)."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lerend.kit.charts import ACCENT, BRAND, INK

from .numbers import number

MUTED = "#5f6b73"
GRID = "#c9d1d6"


def _text(x, y, text, size=12, anchor="start", fill=INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )


def _svg(width, height, title, body, css) -> SafeString:
    return mark_safe(  # noqa: S308 -- every text in ``body`` was escaped by _text
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart {css}" role="img" font-family="Lerend Sans, Helvetica, Arial, sans-serif">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def line_with_target(
    points: Sequence[tuple[object, Decimal]],
    *,
    title: str,
    target: Decimal,
    baseline: Decimal,
    target_label: str,
    baseline_label: str,
) -> SafeString:
    """The values over time as a line with dots and their numbers, a dashed target line and
    a dotted baseline. Scales to its container (viewBox only), so it fits a phone."""
    width, height = 600, 260
    left, right, top, bottom = 48, 110, 20, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for _d, v in points] + [target, baseline]
    low, high = min(values), max(values)
    if high == low:
        high, low = high + 1, low - 1
    pad = (high - low) * Decimal("0.1")
    low, high = low - pad, high + pad

    def y_of(v):
        return top + plot_h - float((v - low) / (high - low)) * plot_h

    step = plot_w / max(len(points) - 1, 1)
    parts = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{GRID}"/>'
    ]
    for value, label, dash, colour in (
        (target, target_label, "6 4", ACCENT),
        (baseline, baseline_label, "2 4", MUTED),
    ):
        y = y_of(value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        parts.append(_text(left + plot_w + 6, y + 4, f"{label} {number(value)}", 11, fill=INK))
    coords = [(left + i * step, y_of(v)) for i, (_d, v) in enumerate(points)]
    if len(coords) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{BRAND}" stroke-width="2"/>')
    for (x, y), (_day, value) in zip(coords, points, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BRAND}"/>')
        parts.append(_text(x, y - 8, number(value), 11, anchor="middle"))
    if points:
        for index in sorted({0, len(points) - 1}):
            x = coords[index][0]
            parts.append(
                _text(x, height - 12, date_format(points[index][0], "M Y"), 11, "middle", MUTED)
            )
    return _svg(width, height, title, "".join(parts), "chart--line")


def profile_bars(rows: Sequence[tuple[str, Decimal | None, Decimal | None]], *, title: str):
    """Per row (a round or a scale) two bars: % at 4–5 (the aim) and % at 1–2 (a signal).
    A hidden row (None) draws no bar and says so in the table."""
    label_w, plot_w, row_h = 150, 300, 46
    width, height = label_w + plot_w + 60, 10 + len(rows) * row_h
    parts = []
    for i, (label, high, low) in enumerate(rows):
        y = 6 + i * row_h
        parts.append(_text(label_w - 10, y + 22, label, 12, "end"))
        for j, (share, colour) in enumerate(((high, BRAND), (low, ACCENT))):
            if share is None:
                continue
            length = plot_w * float(share) / 100
            top = y + 4 + j * 18
            parts.append(
                f'<rect x="{label_w}" y="{top}" width="{length:.1f}" height="14" fill="{colour}"/>'
            )
            parts.append(_text(label_w + length + 6, top + 12, f"{number(share, 0)}%", 11))
    parts.append(f'<line x1="{label_w}" y1="2" x2="{label_w}" y2="{height - 2}" stroke="{GRID}"/>')
    return _svg(width, height, title, "".join(parts), "chart--profile")
