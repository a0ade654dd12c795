"""Server-side SVG charts of scan results: radar, heatmap, distribution bars, trend, role gap.

Pure functions of their arguments (plus the active language for number formats): the same
SVG goes into the page and the PDF. House style as lerend/frameworks/diagrams.py: text is
escaped, only presentation attributes and classes, never ``style=`` (CSP). Every chart has
``role="img"`` with a <title>; the page puts a table with the same numbers next to it.

Colour: the heatmap's fills are light (a pale red -> pale yellow -> pale green ramp) so the
dark number printed in every cell keeps a contrast of at least 4.5:1 (checked by a test over
the whole ramp); colour is never the only carrier — the number is always there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lerend.kit.charts import ACCENT, BRAND, GRID, INK, MUTED, wrap
from lerend.kit.numbers import number, percent

HIDDEN_FILL = "#eef0f2"
# Low -> mid -> high score; all light enough for INK text (see contrast()).
RAMP = ((1.0, "#f4bfb8"), (3.0, "#fbe5a3"), (5.0, "#b5dfbd"))
# Scores 1..5 of a distribution: a diverging red-grey-blue ramp (safe for red-green blindness).
SCORE_COLOURS = ("#b2182b", "#ef8a62", "#bdbdbd", "#67a9cf", "#2166ac")
SERIES = (BRAND, ACCENT, "#3b5ba9", "#7a4a9e")


def fmt(value: float | None, digits: int = 1) -> str:
    """The one number rule (``lerend.kit.numbers``) under the name the charts use."""
    return number(value, digits)


def pct(share: float | None) -> str:
    return percent(share)


# --- colour helpers --------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def luminance(colour: str) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def heat_colour(mean: float) -> str:
    """Fill for a mean on the 1..5 ramp (clamped)."""
    mean = min(max(mean, RAMP[0][0]), RAMP[-1][0])
    for (lo, a), (hi, b) in zip(RAMP, RAMP[1:], strict=False):
        if mean <= hi:
            t = (mean - lo) / (hi - lo)
            ca, cb = _rgb(a), _rgb(b)
            return _hex(tuple(x + (y - x) * t for x, y in zip(ca, cb, strict=True)))
    return RAMP[-1][1]


# --- building blocks -------------------------------------------------------------------------


def _svg(width: float, height: float, title: str, body: str, css: str) -> SafeString:
    return mark_safe(  # noqa: S308 -- every text in ``body`` was escaped on the way in
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" class="chart {css}" role="img" '
        f'font-family="Lerend Sans, Helvetica, Arial, sans-serif">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def _text(x, y, text, size=12, anchor="start", fill=INK, weight=None) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}"{bold}>{escape(text)}</text>'
    )


def _label_lines(x, y, lines, size=11, anchor="start") -> str:
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * 1.2:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{INK}">{spans}</text>'
    )


# --- radar -----------------------------------------------------------------------------------


def radar(
    axes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    low: float = 1,
    high: float = 5,
) -> SafeString:
    """Polygons of means (``low``..``high``) on one axis per dimension; the first series is
    solid, the others dashed. A missing value is drawn at the centre."""
    size, radius = 520, 150
    cx, cy = size / 2, 250
    n = max(len(axes), 3)

    def point(i, value):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = 0 if value is None else radius * (value - low) / (high - low)
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    parts = []
    for level in range(int(low), int(high) + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, level) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="{GRID}" stroke-width="1"/>')
        x, y = point(0, level)
        parts.append(_text(x + 4, y + 4, fmt(level, 0), size=10, fill=MUTED))
    for i, label in enumerate(axes):
        x, y = point(i, high)
        parts.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        lx, ly = point(i, high + (high - low) * 0.12)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        lines = wrap(label, 18)
        parts.append(_label_lines(lx, ly - (len(lines) - 1) * 6 + 4, lines, anchor=anchor))
    for s, (_name, values) in enumerate(series):
        colour = SERIES[s % len(SERIES)]
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values)))
        dash = ' stroke-dasharray="6 4"' if s else ""
        fill = f'fill="{colour}" fill-opacity="0.15"' if s == 0 else 'fill="none"'
        parts.append(f'<polygon points="{pts}" {fill} stroke="{colour}" stroke-width="2.5"{dash}/>')
        for i, v in enumerate(values):
            if v is not None:
                x, y = point(i, v)
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
    # legend
    y = 470
    for s, (name, _values) in enumerate(series):
        colour = SERIES[s % len(SERIES)]
        x = 30 + s * 240
        dash = ' stroke-dasharray="6 4"' if s else ""
        parts.append(
            f'<line x1="{x}" y1="{y}" x2="{x + 30}" y2="{y}" stroke="{colour}" '
            f'stroke-width="3"{dash}/>'
        )
        parts.append(_text(x + 38, y + 4, name, size=12))
    return _svg(size, 490, title, "".join(parts), "chart--radar")


# --- heatmap ---------------------------------------------------------------------------------


def heatmap(
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[float | None] | None]],
    *,
    title: str,
    hidden_label: str,
) -> SafeString:
    """Rows (teams or locations) x columns (dimensions), the mean printed in each cell. A row
    given as None is hidden by the anonymity plan: one grey bar with ``hidden_label``."""
    label_w, cell_w, cell_h, head_h = 190, 64, 30, 110
    width = label_w + cell_w * len(columns) + 10
    legend_h = 50
    height = head_h + cell_h * len(rows) + legend_h
    parts = []
    for c, name in enumerate(columns):
        x = label_w + c * cell_w + cell_w / 2
        parts.append(
            f'<text x="{x:.1f}" y="{head_h - 8}" font-size="11" fill="{INK}" '
            f'transform="rotate(-40 {x:.1f} {head_h - 8})">{escape(_short(name, 22))}</text>'
        )
    for r, (label, values) in enumerate(rows):
        y = head_h + r * cell_h
        parts.append(_text(label_w - 8, y + cell_h / 2 + 4, _short(label, 26), anchor="end"))
        if values is None:
            span = cell_w * len(columns)
            parts.append(
                f'<rect x="{label_w}" y="{y + 1}" width="{span}" height="{cell_h - 2}" '
                f'fill="{HIDDEN_FILL}" stroke="#ffffff"/>'
            )
            parts.append(_text(label_w + 10, y + cell_h / 2 + 4, hidden_label, size=11, fill=MUTED))
            continue
        for c, value in enumerate(values):
            x = label_w + c * cell_w
            fill = HIDDEN_FILL if value is None else heat_colour(value)
            parts.append(
                f'<rect x="{x}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{fill}" stroke="#ffffff"/>'
            )
            parts.append(_text(x + cell_w / 2 - 1, y + cell_h / 2 + 4, fmt(value), anchor="middle"))
    # colour scale
    y = head_h + cell_h * len(rows) + 16
    for i, step in enumerate((1, 2, 3, 4, 5)):
        x = label_w + i * 48
        parts.append(
            f'<rect x="{x}" y="{y}" width="46" height="20" fill="{heat_colour(step)}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(_text(x + 23, y + 14, fmt(step, 0), size=11, anchor="middle"))
    parts.append(_text(label_w - 8, y + 14, _("Mean score"), size=11, anchor="end"))
    return _svg(width, height, title, "".join(parts), "chart--heatmap")


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


# --- distribution bars -----------------------------------------------------------------------


def distribution(
    rows: Sequence[tuple[str, Sequence[float]]], scale_labels: Sequence[str], *, title: str
) -> SafeString:
    """One 100% stacked horizontal bar per row (shares of scores 1..points), with a legend."""
    label_w, bar_w, bar_h, gap = 210, 330, 22, 10
    width = label_w + bar_w + 20
    legend_rows = math.ceil(len(scale_labels) / 2)
    height = 10 + len(rows) * (bar_h + gap) + 16 + legend_rows * 20
    parts = []
    for r, (label, shares) in enumerate(rows):
        y = 10 + r * (bar_h + gap)
        parts.append(_text(label_w - 8, y + bar_h / 2 + 4, _short(label, 30), anchor="end"))
        x = label_w
        for s, share in enumerate(shares):
            w = bar_w * share
            if w > 0:
                colour = SCORE_COLOURS[_score_colour_index(s, len(shares))]
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                    f'fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
                )
            x += w
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}" fill="none" '
            f'stroke="{MUTED}" stroke-width="1"/>'
        )
    y0 = 10 + len(rows) * (bar_h + gap) + 6
    for s, name in enumerate(scale_labels):
        x = label_w + (s % 2) * 170
        y = y0 + (s // 2) * 20
        colour = SCORE_COLOURS[_score_colour_index(s, len(scale_labels))]
        parts.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>')
        parts.append(_text(x + 20, y + 12, _short(name, 24), size=11))
    return _svg(width, height, title, "".join(parts), "chart--bars")


def _score_colour_index(score_index: int, points: int) -> int:
    if points == 5:
        return score_index
    if points == 3:
        return (0, 2, 4)[score_index]
    return round(score_index * 4 / max(points - 1, 1))


# --- role-group gap --------------------------------------------------------------------------


def _marker(index: int, cx: float, cy: float, colour: str) -> str:
    """Circle, square or diamond: groups differ in shape as well as colour."""
    shape = index % 3
    if shape == 0:
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{colour}"/>'
    if shape == 1:
        return f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    points = (
        f"{cx:.1f},{cy - 7:.1f} {cx + 7:.1f},{cy:.1f} {cx:.1f},{cy + 7:.1f} {cx - 7:.1f},{cy:.1f}"
    )
    return f'<polygon points="{points}" fill="{colour}"/>'


def gap(
    rows: Sequence[tuple[str, Sequence[float | None]]],
    groups: Sequence[str],
    *,
    title: str,
    low: float = 1,
    high: float = 5,
) -> SafeString:
    """A marker per group on a low..high axis per dimension, joined by a line: the longer
    the line, the larger the difference in perception. The legend wraps, three per line."""
    label_w, axis_w, row_h, legend_w, per_line = 210, 300, 26, 170, 3
    width = label_w + axis_w + 30
    legend_lines = max(1, -(-len(groups) // per_line))
    height = 30 + len(rows) * row_h + 12 + legend_lines * 20

    def x_of(v):
        return label_w + axis_w * (v - low) / (high - low)

    parts = []
    for step in range(int(low), int(high) + 1):
        x = x_of(step)
        parts.append(
            f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{20 + len(rows) * row_h}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(_text(x, 14, fmt(step, 0), size=10, anchor="middle", fill=MUTED))
    for r, (label, values) in enumerate(rows):
        y = 20 + r * row_h + row_h / 2
        parts.append(_text(label_w - 8, y + 4, _short(label, 30), anchor="end"))
        shown = [v for v in values if v is not None]
        if len(shown) >= 2:
            parts.append(
                f'<line x1="{x_of(min(shown)):.1f}" y1="{y:.1f}" x2="{x_of(max(shown)):.1f}" '
                f'y2="{y:.1f}" stroke="{MUTED}" stroke-width="2"/>'
            )
        for g, v in enumerate(values):
            if v is not None:
                parts.append(_marker(g, x_of(v), y, SERIES[g % len(SERIES)]))
    top = 20 + len(rows) * row_h + 18
    for g, name in enumerate(groups):
        x = 20 + (g % per_line) * legend_w
        y = top + (g // per_line) * 20
        parts.append(_marker(g, x + 6, y - 4, SERIES[g % len(SERIES)]))
        parts.append(_text(x + 18, y, _short(name, 24), size=11))
    return _svg(width, height, title, "".join(parts), "chart--gap")


# --- trend -----------------------------------------------------------------------------------


def trend(
    rows: Sequence[tuple[str, Sequence[float | None]]],
    columns: Sequence[str],
    *,
    title: str,
    low: float = 1,
    high: float = 5,
) -> SafeString:
    """A small line per dimension across campaigns (left to right), the value at each point.
    A gap (None) is a campaign where the group was not shown."""
    label_w, plot_w, row_h = 210, 340, 40
    width = label_w + plot_w + 40
    height = 30 + len(rows) * row_h + 10
    step = plot_w / max(len(columns) - 1, 1)
    parts = []
    for c, name in enumerate(columns):
        parts.append(
            _text(label_w + c * step, 16, _short(name, 18), size=10, anchor="middle", fill=MUTED)
        )
    for r, (label, values) in enumerate(rows):
        top = 26 + r * row_h
        parts.append(_text(label_w - 12, top + row_h / 2 + 4, _short(label, 30), anchor="end"))
        parts.append(
            f'<line x1="{label_w}" y1="{top + row_h - 4}" x2="{label_w + plot_w}" '
            f'y2="{top + row_h - 4}" stroke="{GRID}"/>'
        )

        def y_of(v, top=top):
            return top + row_h - 8 - (row_h - 20) * (v - low) / (high - low)

        points = [(label_w + c * step, v) for c, v in enumerate(values)]
        run: list[str] = []
        for x, v in [*points, (None, None)]:
            if v is None:
                if len(run) > 1:
                    parts.append(
                        f'<polyline points="{" ".join(run)}" fill="none" stroke="{BRAND}" '
                        f'stroke-width="2"/>'
                    )
                run = []
                continue
            run.append(f"{x:.1f},{y_of(v):.1f}")
        for x, v in points:
            if v is not None:
                parts.append(f'<circle cx="{x:.1f}" cy="{y_of(v):.1f}" r="3" fill="{BRAND}"/>')
                parts.append(_text(x, y_of(v) - 6, fmt(v), size=10, anchor="middle"))
    return _svg(width, height, title, "".join(parts), "chart--trend")
