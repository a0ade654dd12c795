"""Server-made SVG diagrams of the models, as safe markup strings.

Pure functions of their arguments (plus the active language for labels), so the same SVG
can go into a page and, later, a PDF. Every piece of text is escaped before it enters the
markup; only presentation attributes (fill=, stroke=, ...) and classes are used — no
``style`` attributes, which the Content-Security-Policy would block.

Colours: text is #1f2328 on light fills (contrast above 12:1) or white on #1d5c4d (7.7:1).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lerend.kit.charts import ACCENT, BRAND, BRAND_DARK, INK, MUTED, wrap

from .registry import BuildingBlock, Ontwikkelhuis, Relation

LINE_UNDIRECTED = MUTED
FILL_INSIDE = "#e4ece8"
FILL_ENVIRONMENT = "#fff0d6"


def _text_lines(x: float, y: float, lines: list[str], size: float, fill: str = INK, **attrs) -> str:
    """A <text> with one <tspan> per line, vertically centred on ``y``."""
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    first = y - (len(lines) - 1) * size * 0.6 + size * 0.35
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first + n * size * 1.2:.1f}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" text-anchor="middle" '
        f'fill="{fill}"{extra}>{spans}</text>'
    )


# --- the twelve building blocks on a circle --------------------------------------------------


@dataclass(frozen=True)
class _Edge:
    a: str
    b: str
    to_b: bool  # some relation says a acts on b
    to_a: bool  # some relation says b acts on a

    @property
    def directed(self) -> bool:
        return self.to_a or self.to_b


def _edges(relations: Iterable[Relation], order: dict[str, int]) -> list[_Edge]:
    """One drawn line per pair of blocks that seed 003 names specifically (general
    "all blocks" statements are drawn as a ring around the block instead)."""
    pairs: dict[tuple[str, str], list[bool]] = {}
    for rel in relations:
        if rel.general:
            continue
        a, b = sorted((rel.from_key, rel.to_key), key=order.__getitem__)
        flags = pairs.setdefault((a, b), [False, False])
        if rel.directed:
            flags[0 if rel.from_key == a else 1] = True
    return [_Edge(a, b, to_b, to_a) for (a, b), (to_b, to_a) in pairs.items()]


def blocks_diagram(
    blocks: Iterable[BuildingBlock],
    relations: Iterable[Relation],
    *,
    href: Callable[[str], str] | None = None,
    id_prefix: str = "blocks",
) -> SafeString:
    """The blocks on a circle with their relations: arrows where seed 003 gives a direction,
    dashed lines where it only says two blocks belong together, and a thick outline on blocks
    the text links with *all* blocks. With ``href`` every block is a link (an SVG <a>).

    The SVG is a ``group`` (not ``img``) when it holds links, because an image role would
    hide its links from assistive technology; title and description label it either way.
    """
    blocks = list(blocks)
    relations = list(relations)
    size, centre, radius = 1000, 500, 395
    rx, ry = 96, 64
    order = {b.key: n for n, b in enumerate(blocks)}
    general = {r.from_key for r in relations if r.general}
    position = {}
    for n, b in enumerate(blocks):
        angle = -math.pi / 2 + 2 * math.pi * n / len(blocks)
        position[b.key] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))

    def boundary(key: str, towards: str, gap: float) -> tuple[float, float]:
        (x, y), (tx, ty) = position[key], position[towards]
        dx, dy = tx - x, ty - y
        t = 1 / math.sqrt((dx / (rx + gap)) ** 2 + (dy / (ry + gap)) ** 2)
        return x + dx * t, y + dy * t

    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    arrow = f"{id_prefix}-arrow"
    title = _("The twelve building blocks and how they relate")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'class="fw-diagram fw-diagram--blocks" role="{"group" if href else "img"}" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">'
        + escape(
            _(
                "Twelve building blocks on a circle. Arrows show where one block acts on "
                "another, dashed lines where two blocks belong together, a thick outline "
                "marks blocks that relate to all blocks. The list below the diagram gives "
                "the same information as text."
            )
        )
        + "</desc>",
        "<defs>"
        f'<marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{BRAND}"/></marker></defs>',
        '<g class="fw-edges" aria-hidden="true">',
    ]
    for edge in _edges(relations, order):
        x1, y1 = boundary(edge.a, edge.b, 6 if edge.to_a else 2)
        x2, y2 = boundary(edge.b, edge.a, 6 if edge.to_b else 2)
        if edge.directed:
            markers = (f' marker-end="url(#{arrow})"' if edge.to_b else "") + (
                f' marker-start="url(#{arrow})"' if edge.to_a else ""
            )
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{BRAND}" stroke-width="2.5" stroke-opacity="0.85"{markers}/>'
            )
        else:
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{LINE_UNDIRECTED}" stroke-width="2" stroke-dasharray="7 5"/>'
            )
    parts.append("</g>")
    parts.append('<g class="fw-nodes">')
    for b in blocks:
        x, y = position[b.key]
        name = str(b.name)
        lines = wrap(name, 14)
        longest = max(len(line) for line in lines)
        font = min(19.0, 2 * rx * 0.86 / (longest * 0.56))
        fill = FILL_ENVIRONMENT if b.sphere == "environment" else FILL_INSIDE
        ring = (
            f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{rx + 5}" ry="{ry + 5}" fill="none" '
            f'stroke="{ACCENT}" stroke-width="4"/>'
            if b.key in general
            else ""
        )
        shape = (
            f'{ring}<ellipse class="fw-node__shape" cx="{x:.1f}" cy="{y:.1f}" rx="{rx}" '
            f'ry="{ry}" fill="{fill}" stroke="{BRAND_DARK}" stroke-width="2"/>'
            + _text_lines(x, y, lines, font, font_weight="600")
        )
        if href:
            parts.append(f'<a class="fw-node" href="{escape(href(b.key))}">{shape}</a>')
        else:
            parts.append(f'<g class="fw-node">{shape}</g>')
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above went through escape()


def _pill_edge(right: float, radius: float, dy: float) -> float:
    """x of the rounded right end of a pill shape at ``dy`` from its middle."""
    return right - radius + math.sqrt(max(radius**2 - dy**2, 0))


def blocks_stack_diagram(
    blocks: Iterable[BuildingBlock],
    relations: Iterable[Relation],
    *,
    href: Callable[[str], str] | None = None,
    id_prefix: str = "blocks-stack",
) -> SafeString:
    """The same blocks and relations for a phone: the blocks stacked in a column, every
    relation an arc on their right (an arc diagram), so the drawing is narrow and tall and
    its labels keep at least 12 px on a 320 px wide screen instead of shrinking with a
    circle. Same encodings as ``blocks_diagram``: arrows, dashed arcs, an outline for
    blocks about all blocks, the environment fill.

    Only this layout marks its links with ``data-block``: the page shows one layout at a
    time, and a selector by block then finds exactly one link."""
    blocks = list(blocks)
    relations = list(relations)
    width, margin, node_w, node_h, pitch = 360, 6, 172, 56, 68
    right = margin + node_w
    order = {b.key: n for n, b in enumerate(blocks)}
    general = {r.from_key for r in relations if r.general}
    height = 2 * margin + (len(blocks) - 1) * pitch + node_h
    centre_y = {b.key: margin + node_h / 2 + n * pitch for n, b in enumerate(blocks)}
    edges = _edges(relations, order)
    # Ports on each block's right edge, ordered by the other end: arcs upwards leave from
    # the top, the farthest outermost, so nested arcs do not cross at their ends.
    ends: dict[str, list[tuple[int, int]]] = {b.key: [] for b in blocks}
    for n, edge in enumerate(edges):
        ends[edge.a].append((order[edge.b], n))
        ends[edge.b].append((order[edge.a], n))
    port: dict[tuple[str, int], float] = {}
    for key, items in ends.items():
        items.sort()
        span = node_h - 12
        for i, (_other, n) in enumerate(items):
            offset = span * ((i + 0.5) / len(items) - 0.5)
            port[(key, n)] = centre_y[key] + offset

    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    arrow = f"{id_prefix}-arrow"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" '
        f'class="fw-diagram fw-diagram--stack" role="{"group" if href else "img"}" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">'
        + escape(_("The twelve building blocks and how they relate"))
        + "</title>",
        f'<desc id="{desc_id}">'
        + escape(
            _(
                "Twelve building blocks in a column. Arcs on the right connect blocks: an "
                "arrow shows where one block acts on another, a dashed arc that two blocks "
                "belong together, a thick outline marks blocks that relate to all blocks. "
                "The list below the diagram gives the same information as text."
            )
        )
        + "</desc>",
        "<defs>"
        f'<marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" '
        f'markerHeight="4" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{BRAND}"/></marker></defs>',
        '<g class="fw-edges" aria-hidden="true" fill="none">',
    ]
    for n, edge in enumerate(edges):
        y1, y2 = port[(edge.a, n)], port[(edge.b, n)]
        span = abs(order[edge.b] - order[edge.a])
        bulge = 14 + span * (width - right - 22) / (len(blocks) - 1)
        # Ends sit on the pill's rounded right side, a little off it under an arrowhead.
        x1 = _pill_edge(right, node_h / 2, y1 - centre_y[edge.a]) + (4 if edge.to_a else 1)
        x2 = _pill_edge(right, node_h / 2, y2 - centre_y[edge.b]) + (4 if edge.to_b else 1)
        d = (
            f"M{x1:.1f},{y1:.1f} C{right + bulge:.1f},{y1:.1f} "
            f"{right + bulge:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
        )
        if edge.directed:
            markers = (f' marker-end="url(#{arrow})"' if edge.to_b else "") + (
                f' marker-start="url(#{arrow})"' if edge.to_a else ""
            )
            parts.append(
                f'<path d="{d}" stroke="{BRAND}" stroke-width="1.8" stroke-opacity="0.8"{markers}/>'
            )
        else:
            parts.append(
                f'<path d="{d}" stroke="{LINE_UNDIRECTED}" stroke-width="1.6" '
                f'stroke-dasharray="5 4"/>'
            )
    parts.append("</g>")
    parts.append('<g class="fw-nodes">')
    for b in blocks:
        y = centre_y[b.key]
        x = margin + node_w / 2
        lines = wrap(str(b.name), 17)
        longest = max(len(line) for line in lines)
        font = min(15.5, (node_w - 16) / (longest * 0.56))
        fill = FILL_ENVIRONMENT if b.sphere == "environment" else FILL_INSIDE
        top = y - node_h / 2
        ring = (
            f'<rect x="{margin - 3}" y="{top - 3:.1f}" width="{node_w + 6}" '
            f'height="{node_h + 6}" rx="{node_h / 2 + 3:.0f}" fill="none" stroke="{ACCENT}" '
            f'stroke-width="3"/>'
            if b.key in general
            else ""
        )
        shape = (
            f'{ring}<rect class="fw-node__shape" x="{margin}" y="{top:.1f}" width="{node_w}" '
            f'height="{node_h}" rx="{node_h / 2:.0f}" fill="{fill}" stroke="{BRAND_DARK}" '
            f'stroke-width="1.5"/>' + _text_lines(x, y, lines, font, font_weight="600")
        )
        if href:
            parts.append(
                f'<a class="fw-node" href="{escape(href(b.key))}" data-block="{escape(b.key)}">'
                f"{shape}</a>"
            )
        else:
            parts.append(f'<g class="fw-node" data-block="{escape(b.key)}">{shape}</g>')
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above went through escape()


def legend_swatches() -> dict[str, SafeString]:
    """Small decorative SVGs for an HTML legend of ``blocks_diagram`` (aria-hidden)."""

    def swatch(body: str) -> SafeString:
        return mark_safe(  # noqa: S308 — constant markup
            '<svg viewBox="0 0 48 16" width="48" height="16" aria-hidden="true" '
            f'focusable="false" class="fw-swatch">{body}</svg>'
        )

    return {
        "directed": swatch(
            f'<line x1="2" y1="8" x2="38" y2="8" stroke="{BRAND}" stroke-width="2.5"/>'
            f'<path d="M36,3 L46,8 L36,13 z" fill="{BRAND}"/>'
        ),
        "undirected": swatch(
            f'<line x1="2" y1="8" x2="46" y2="8" stroke="{LINE_UNDIRECTED}" '
            f'stroke-width="2" stroke-dasharray="7 5"/>'
        ),
        "general": swatch(
            f'<ellipse cx="24" cy="8" rx="20" ry="6" fill="{FILL_INSIDE}" stroke="{ACCENT}" '
            f'stroke-width="3"/>'
        ),
        "environment": swatch(
            f'<ellipse cx="24" cy="8" rx="20" ry="6" fill="{FILL_ENVIRONMENT}" '
            f'stroke="{BRAND_DARK}" stroke-width="1.5"/>'
        ),
    }


# --- the Ontwikkelhuis -----------------------------------------------------------------------


def house_diagram(house: Ontwikkelhuis, *, id_prefix: str = "house") -> SafeString:
    """The Ontwikkelhuis as a house: vision as the foundation, the learning structure as the
    floor on it, the four elements of learning capacity as pillars, and the learning culture
    with its four elements as the roof."""
    width, left, right = 600, 20, 580
    foundation, structure = house.layer("foundation"), house.layer("structure")
    capacity, culture = house.layer("capacity"), house.layer("culture")
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    title = _("The Ontwikkelhuis")
    desc = _(
        "A house. Roof: %(culture)s, with %(culture_elements)s. Pillars: %(capacity)s, with "
        "%(capacity_elements)s. Floor: %(structure)s. Foundation: %(foundation)s."
    ) % {
        "culture": culture.name,
        "culture_elements": ", ".join(str(e.name) for e in culture.elements),
        "capacity": capacity.name,
        "capacity_elements": ", ".join(str(e.name) for e in capacity.elements),
        "structure": structure.name,
        "foundation": foundation.name,
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 700" '
        f'class="fw-diagram fw-diagram--house" role="img" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(desc)}</desc>',
    ]
    # Roof: learning culture.
    roof_top, roof_base = 16, 262
    parts.append(
        f'<polygon points="{width / 2},{roof_top} {left - 8},{roof_base} {right + 8},{roof_base}" '
        f'fill="#f3dccf" stroke="{ACCENT}" stroke-width="3" stroke-linejoin="round"/>'
    )
    parts.append(_text_lines(width / 2, 112, [str(culture.name)], 24, font_weight="700"))
    elements = [str(e.name) for e in culture.elements]
    for n, name in enumerate(elements):
        row, col = divmod(n, 2)
        y = 168 + row * 50
        x = width / 2 + (-1 if col == 0 else 1) * (70 + row * 50)
        parts.append(_text_lines(x, y, wrap(name, 14 + row * 8), 19))
    # Beam and pillars: learning capacity.
    beam_top, beam_bottom, pillar_bottom = 272, 318, 520
    parts.append(
        f'<rect x="{left}" y="{beam_top}" width="{right - left}" height="{beam_bottom - beam_top}"'
        f' rx="4" fill="{BRAND}"/>'
    )
    parts.append(
        _text_lines(
            width / 2,
            (beam_top + beam_bottom) / 2,
            [str(capacity.name)],
            22,
            font_weight="700",
            fill="#ffffff",
        )
    )
    gap = 12
    pillar_w = (right - left - 3 * gap) / 4
    for n, element in enumerate(capacity.elements):
        x = left + n * (pillar_w + gap)
        parts.append(
            f'<rect x="{x:.1f}" y="{beam_bottom + 6}" width="{pillar_w:.1f}" '
            f'height="{pillar_bottom - beam_bottom - 6}" fill="{FILL_INSIDE}" '
            f'stroke="{BRAND_DARK}" stroke-width="2"/>'
        )
        parts.append(
            _text_lines(
                x + pillar_w / 2, (beam_bottom + pillar_bottom) / 2, wrap(str(element.name), 12), 17
            )
        )
    # Floor: learning structure; foundation: vision.
    for layer, top, fill in ((structure, 528, "#d7dee3"), (foundation, 604, "#c9b99a")):
        parts.append(
            f'<rect x="{left - 8}" y="{top}" width="{right - left + 16}" height="68" rx="4" '
            f'fill="{fill}" stroke="{INK}" stroke-width="2"/>'
        )
        parts.append(_text_lines(width / 2, top + 34, [str(layer.name)], 22, font_weight="700"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above went through escape()
