"""Server-made SVG charts: the house colours, the frame every chart shares, and the bar
chart of the dashboards.

House style (also of ``frameworks.diagrams`` and ``scans.charts``): every text is escaped,
only presentation attributes and classes, never ``style=`` (strict CSP); each chart is
``role="img"`` with a <title>, and the page puts a table with the same numbers next to it.
The same SVG goes into the page and into a PDF.
"""

from collections.abc import Callable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK = "#1f2328"
BRAND = "#1d5c4d"
BRAND_DARK = "#123d33"
ACCENT = "#b4461a"
MUTED = "#5f6b73"
GRID = "#c9d1d6"


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to lines of at most ``width`` characters (long words stay whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def svg(width: float, height: float, title: str, body: str, css: str) -> SafeString:
    """The <svg> around ``body``, whose texts the caller escaped; ``css`` adds classes."""
    return mark_safe(  # noqa: S308 -- every text in ``body`` was escaped on the way in
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" class="chart {css}" role="img" '
        f'font-family="Lerend Sans, Helvetica, Arial, sans-serif">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def bars(rows: Sequence[tuple[str, int]], *, title: str, colours: Sequence[str] = ()) -> SafeString:
    """Horizontal bars, one per (label, value), the value printed after the bar."""
    label_w, plot_w, row_h = 170, 300, 30
    width, height = label_w + plot_w + 50, 10 + len(rows) * row_h
    top = max([value for _label, value in rows] + [1])
    parts = []
    for i, (label, value) in enumerate(rows):
        y = 6 + i * row_h
        length = plot_w * value / top
        colour = colours[i % len(colours)] if colours else BRAND
        parts.append(
            f'<text x="{label_w - 10}" y="{y + 17}" font-size="13" text-anchor="end" '
            f'fill="{INK}">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row_h - 10}" '
            f'fill="{colour}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 17}" font-size="13" '
            f'fill="{INK}">{value}</text>'
        )
    parts.append(f'<line x1="{label_w}" y1="2" x2="{label_w}" y2="{height - 2}" stroke="{GRID}"/>')
    return svg(width, height, title, "".join(parts), "chart--bars")


# Line colours for several groups on one chart (the reference line is INK, dashed).
SERIES_COLOURS = (BRAND, ACCENT, "#3b6ea8", "#7a4e9a", "#8a6d00", "#2f7d86", "#a23b5d", MUTED)


def lines(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], bool]],
    *,
    title: str,
    low: float = 1,
    high: float = 5,
    value_text: Callable[[float], str] = str,
    legend: bool = True,
) -> SafeString:
    """A line chart over rounds: one line per (label, values, is_reference); a reference
    line is dashed and dark, the others take the house colours in turn. A missing value
    (None) breaks the line; a lone point is drawn as a dot. A legend below names the lines;
    the page shows a table with the same numbers."""
    left, right, top, plot_h, plot_w = 34, 30, 12, 120, 230
    width = left + plot_w + right
    legend_top = top + plot_h + 34
    legend_rows = (len(series) + 1) // 2 if legend else 0
    height = legend_top + legend_rows * 18 - (10 if not legend else -4)

    def x(i: int) -> float:
        if len(x_labels) < 2:
            return left + plot_w / 2
        return left + plot_w * i / (len(x_labels) - 1)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / (high - low))

    parts = []
    for tick in range(int(low), int(high) + 1):
        parts.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{left + plot_w}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="{MUTED}">{tick}</text>'
        )
    for i, label in enumerate(x_labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{top + plot_h + 16}" font-size="10" text-anchor="middle" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    colour_index = 0
    for number, (label, values, reference) in enumerate(series):
        if reference:
            colour, dash, stroke = INK, ' stroke-dasharray="5 3"', 2.0
        else:
            colour = SERIES_COLOURS[colour_index % len(SERIES_COLOURS)]
            colour_index += 1
            dash, stroke = "", 2.2
        run: list[str] = []
        runs = [run]
        for i, value in enumerate(values):
            if value is None:
                run = []
                runs.append(run)
                continue
            run.append(f"{x(i):.1f},{y(value):.1f}")
        for points in runs:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                    f'stroke-width="{stroke}"{dash}/>'
                )
        for i, value in enumerate(values):
            if value is not None:
                parts.append(
                    f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3" fill="{colour}">'
                    f"<title>{escape(label)}: {escape(value_text(value))}</title></circle>"
                )
        if legend:
            parts.append(
                _legend_entry(
                    6 + (number % 2) * (width / 2),
                    legend_top + (number // 2) * 18,
                    label,
                    colour,
                    dash,
                )
            )
    return svg(width, height, title, "".join(parts), "chart--lines")


def _legend_entry(lx: float, ly: float, label: str, colour: str, dash: str) -> str:
    return (
        f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{lx + 18:.1f}" y2="{ly:.1f}" '
        f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        f'<text x="{lx + 23:.1f}" y="{ly + 4:.1f}" font-size="11" fill="{INK}">'
        f"{escape(wrap(label, 30)[0])}</text>"
    )


def legend(entries: Sequence[tuple[str, bool]], *, title: str, columns: int = 3) -> SafeString:
    """The legend of several ``lines`` charts drawn with the same (label, is_reference)
    list, once above them: the colours follow the same order."""
    column_w, row_h = 200, 18
    parts = []
    colour_index = 0
    for number, (label, reference) in enumerate(entries):
        if reference:
            colour, dash = INK, ' stroke-dasharray="5 3"'
        else:
            colour = SERIES_COLOURS[colour_index % len(SERIES_COLOURS)]
            colour_index += 1
            dash = ""
        parts.append(
            _legend_entry(
                6 + (number % columns) * column_w,
                12 + (number // columns) * row_h,
                label,
                colour,
                dash,
            )
        )
    rows = (len(entries) + columns - 1) // columns
    return svg(columns * column_w, rows * row_h + 6, title, "".join(parts), "chart--legend")
