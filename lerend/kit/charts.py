"""Server-made SVG charts: the house colours, the frame every chart shares, and the bar
chart of the dashboards.

House style (also of ``frameworks.diagrams`` and ``scans.charts``): every text is escaped,
only presentation attributes and classes, never ``style=`` (strict CSP); each chart is
``role="img"`` with a <title>, and the page puts a table with the same numbers next to it.
The same SVG goes into the page and into a PDF.
"""

from collections.abc import Sequence

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
