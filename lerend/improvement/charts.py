"""Server-made SVG bar charts for the dashboard (house style of lerend/scans/charts.py: text
escaped, presentation attributes only, no ``style=``; ``role="img"`` with a <title>; the page
shows a table with the same numbers)."""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lerend.frameworks.diagrams import BRAND, INK

GRID = "#c9d1d6"


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
    return mark_safe(  # noqa: S308 -- every label was escaped above
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="chart chart--bars" role="img" '
        f'font-family="Helvetica, Arial, sans-serif"><title>{escape(title)}</title>'
        f"{''.join(parts)}</svg>"
    )
