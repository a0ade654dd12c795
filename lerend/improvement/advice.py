"""Advice that follows the model: which building blocks to work on first.

A PURE module: no database, no request. Input is a mapping of block key -> mean score (1..5,
None when hidden by the anonymity plan or unknown), optionally the organisation's scores for
the gap, and the seed-003 relation graph (``registry.relation_graph()``). Because hidden
scores arrive as None, nothing computed here can describe a group below k.

Leverage of a block with a known score (all parts are >= 0):

    lowness   = max(0, low - score)                       how far below "low" it is
    gap       = max(0, organisation score - score)        how far behind the organisation
    influence = sum over OTHER low blocks v of the edge block -> v:
                    directed relation ("X influences Y")  1
                    undirected relation ("X is linked")   0.5
                and edges that only come from a general statement ("leadership
                influences all blocks") count GENERAL_FACTOR of that, with their total
                capped at GENERAL_CAP per block
    leverage  = lowness + gap + weight * influence

Why the cap: seed 003 says leadership and partnership with parents influence *every* block.
Counted in full, they would top every ranking whatever the scores, which is advice nobody can
act on; their specific relations still count in full.

Only blocks with leverage > 0 are proposed; ties are broken by the lower score, then by the
model's order, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

LOW_DEFAULT = 3.0
WEIGHT_DEFAULT = 0.5
DIRECTED = 1.0
UNDIRECTED = 0.5
GENERAL_FACTOR = 0.25
GENERAL_CAP = 1.0
TOP = 3


@dataclass(frozen=True)
class BlockAdvice:
    block: str
    score: float
    leverage: float
    lowness: float
    gap: float
    organisation_score: float | None
    # Other low blocks this block acts on (directed) or is linked with (undirected), in the
    # model's order; general-only relations are left out of the explanation (see module doc).
    influences: tuple[str, ...] = ()
    linked: tuple[str, ...] = ()
    practices: tuple = field(default=(), compare=False)

    @property
    def is_low(self) -> bool:
        return self.lowness > 0


def _edge_weight(edge: Mapping) -> float:
    return DIRECTED if edge.get("directed") else UNDIRECTED


def rank(
    scores: Mapping[str, float | None],
    graph,
    *,
    organisation_scores: Mapping[str, float | None] | None = None,
    low: float = LOW_DEFAULT,
    weight: float = WEIGHT_DEFAULT,
    order: Sequence[str] | None = None,
    practices_for: Callable[[str], tuple] | None = None,
    top: int = TOP,
) -> list[BlockAdvice]:
    """The blocks with leverage > 0, highest first; the first ``top`` get practices from
    ``practices_for(block)`` (e.g. ``registry.practices_for_block``)."""
    known = {k: float(v) for k, v in scores.items() if v is not None}
    organisation_scores = organisation_scores or {}
    position = {key: i for i, key in enumerate(order or graph.nodes)}
    low_blocks = {k for k, v in known.items() if v < low}
    found = []
    for key, score in known.items():
        lowness = max(0.0, low - score)
        org = organisation_scores.get(key)
        gap = max(0.0, float(org) - score) if org is not None else 0.0
        specific, general = 0.0, 0.0
        influences, linked = [], []
        if key in graph:
            for other in graph.successors(key):
                if other == key or other not in low_blocks:
                    continue
                edge = graph.edges[key, other]
                if edge.get("general"):
                    general += GENERAL_FACTOR * _edge_weight(edge)
                    continue
                specific += _edge_weight(edge)
                (influences if edge.get("directed") else linked).append(other)
        influence = specific + min(general, GENERAL_CAP)
        leverage = round(lowness + gap + weight * influence, 6)
        if leverage <= 0:
            continue
        by_order = lambda k: position.get(k, len(position))  # noqa: E731
        found.append(
            BlockAdvice(
                block=key,
                score=score,
                leverage=leverage,
                lowness=lowness,
                gap=gap,
                organisation_score=float(org) if org is not None else None,
                influences=tuple(sorted(influences, key=by_order)),
                linked=tuple(sorted(linked, key=by_order)),
            )
        )
    found.sort(key=lambda a: (-a.leverage, a.score, position.get(a.block, len(position))))
    if practices_for is not None:
        found = [
            _with_practices(a, practices_for(a.block)) if i < top else a
            for i, a in enumerate(found)
        ]
    return found


def _with_practices(advice: BlockAdvice, practices) -> BlockAdvice:
    return BlockAdvice(**{**advice.__dict__, "practices": tuple(practices)})


def _score(value: float) -> str:
    return number_format(value, 1)


def explain(advice: BlockAdvice, name: Callable[[str], str]) -> list[str]:
    """The advice in plain sentences of the active language; ``name(key)`` gives a block's
    display name (``lambda k: str(registry.block(k).name)``)."""
    block = name(advice.block)
    influences = [name(k) for k in advice.influences]
    linked = [name(k) for k in advice.linked]
    score = _score(advice.score)
    sentences = []
    values = {
        "block": block,
        "score": score,
        "others": get_text_list(influences, _("and")),
        "linked": get_text_list(linked, _("and")),
    }
    if advice.is_low and influences:
        sentences.append(
            ngettext(
                "%(block)s scores low (%(score)s) and influences %(others)s, which also scores "
                "low.",
                "%(block)s scores low (%(score)s) and influences %(others)s, which also score low.",
                len(influences),
            )
            % values
        )
    elif advice.is_low:
        sentences.append(_("%(block)s scores low (%(score)s).") % values)
    else:
        sentences.append(_("%(block)s scores %(score)s.") % values)
        if influences:
            sentences.append(
                ngettext(
                    "It influences %(others)s, which scores low.",
                    "It influences %(others)s, which score low.",
                    len(influences),
                )
                % values
            )
    if linked:
        sentences.append(
            ngettext(
                "It is linked with %(linked)s, which also scores low.",
                "It is linked with %(linked)s, which also score low.",
                len(linked),
            )
            % values
        )
    if advice.gap > 0:
        sentences.append(
            _("That is %(gap)s below the organisation as a whole (%(organisation)s).")
            % {"gap": _score(advice.gap), "organisation": _score(advice.organisation_score)}
        )
    if influences or linked:
        sentences.append(_("Improving it can lift those blocks too."))
    return sentences
