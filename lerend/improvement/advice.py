"""Advice that follows the model: which building blocks to work on first, and why.

A PURE module: no database, no request. Input is a mapping of block key -> block score (the
one definition, ``lerend.scans.results.block_score``; None when hidden by the anonymity plan
or unknown), optionally the organisation's scores for the gap, and the seed-003 relation graph
(``registry.relation_graph()``). Because hidden scores arrive as None, nothing computed here can
describe a group below k.

"Low", "strong" and "begin hier" are the ONE rule of the scans read model
(``lerend.scans.results.levels``), applied to the scores as the pages write them (one
decimal, half away from zero), so the advice names the blocks the scan report marks "begin
hier", at team, location and organisation level alike. Every number below is computed from
those shown scores, so the explanation adds up exactly as printed.

The WEAK blocks are the low ones plus the "begin hier" ones. Leverage of a block with a known
score (all parts are >= 0):

    lowness   = max(0, 3,0 - score)                       how far below "low" it is
    gap       = max(0, organisation score - score)        how far behind the organisation
    influence = sum over OTHER weak blocks v of the edge block -> v:
                    directed relation ("X influences Y")  1
                    undirected relation ("X is linked")   0.5
                and edges that only come from a general statement ("leadership
                influences all blocks") count GENERAL_FACTOR of that, with their total
                capped at GENERAL_CAP per block
    leverage  = lowness + gap + weight * influence

Why the cap: seed 003 says leadership and partnership with parents influence *every* block.
Counted in full, they would top every ranking whatever the scores, which is advice nobody can
act on; their specific relations still count in full.

Proposed: the "begin hier" blocks (always, first, in the report's order) and every other
block with leverage > 0 (the levers), highest leverage first; ties by the lower score, then by
the model's order, so the result is deterministic. Each advice keeps the relations and numbers
it was computed from (:class:`Relation`), which the page shows as "why".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from lerend.kit.numbers import number
from lerend.scans import results as scan_results

levels = scan_results.levels
LOW_DEFAULT = float(levels.low_below())
WEIGHT_DEFAULT = 0.5
DIRECTED = 1.0
UNDIRECTED = 0.5
GENERAL_FACTOR = 0.25
GENERAL_CAP = 1.0
TOP = 3


@dataclass(frozen=True)
class Relation:
    """One seed-003 edge that counted for a block's influence: from the advised block to
    ``target`` (a weak block, with its shown ``target_score``)."""

    target: str
    target_score: float
    directed: bool
    general: bool
    weight: float  # what it added to influence (after GENERAL_FACTOR; before the cap)


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
    start_here: bool = False
    level: str | None = None
    influence: float = 0.0
    weight: float = WEIGHT_DEFAULT
    relations: tuple[Relation, ...] = ()

    @property
    def is_low(self) -> bool:
        return self.level == levels.LOW

    @property
    def is_lever(self) -> bool:
        """Proposed because it acts on other weak blocks, not (only) for its own score."""
        return self.influence > 0


def _edge_weight(edge: Mapping) -> float:
    return DIRECTED if edge.get("directed") else UNDIRECTED


def rank(
    scores: Mapping[str, float | None],
    graph,
    *,
    organisation_scores: Mapping[str, float | None] | None = None,
    weight: float = WEIGHT_DEFAULT,
    order: Sequence[str] | None = None,
    practices_for: Callable[[str], tuple] | None = None,
    top: int = TOP,
) -> list[BlockAdvice]:
    """The "begin hier" blocks first, then the other blocks with leverage > 0, highest
    first; the first ``top`` get practices from ``practices_for(block)`` (e.g.
    ``registry.practices_for_block``)."""
    order = list(order or graph.nodes)
    known = {k: float(levels.shown(v)) for k, v in scores.items() if v is not None}
    shown_org = {
        k: float(levels.shown(v)) for k, v in (organisation_scores or {}).items() if v is not None
    }
    position = {key: i for i, key in enumerate(order)}
    first = levels.start_here(known, order)
    low = float(levels.low_below())
    weak = {k for k, v in known.items() if levels.is_low(v)} | set(first)
    found = []
    for key, score in known.items():
        lowness = round(max(0.0, low - score), 6)
        org = shown_org.get(key)
        gap = round(max(0.0, org - score), 6) if org is not None else 0.0
        specific, general = 0.0, 0.0
        influences, linked, relations = [], [], []
        if key in graph:
            for other in sorted(graph.successors(key), key=lambda k: position.get(k, len(order))):
                if other == key or other not in weak:
                    continue
                edge = graph.edges[key, other]
                added = _edge_weight(edge)
                if edge.get("general"):
                    added *= GENERAL_FACTOR
                    general += added
                else:
                    specific += added
                    (influences if edge.get("directed") else linked).append(other)
                relations.append(
                    Relation(
                        other, known[other], bool(edge.get("directed")), bool(edge.get("general")),
                        added,
                    )
                )  # fmt: skip
        influence = round(specific + min(general, GENERAL_CAP), 6)
        leverage = round(lowness + gap + weight * influence, 6)
        if leverage <= 0 and key not in first:
            continue
        found.append(
            BlockAdvice(
                block=key,
                score=score,
                leverage=leverage,
                lowness=lowness,
                gap=gap,
                organisation_score=org,
                influences=tuple(influences),
                linked=tuple(linked),
                start_here=key in first,
                level=levels.level(score),
                influence=influence,
                weight=weight,
                relations=tuple(relations),
            )
        )
    found.sort(
        key=lambda a: (
            first.index(a.block) if a.block in first else len(first),
            -a.leverage,
            a.score,
            position.get(a.block, len(position)),
        )
    )
    if practices_for is not None:
        found = [
            _with_practices(a, practices_for(a.block)) if i < top else a
            for i, a in enumerate(found)
        ]
    return found


def _with_practices(advice: BlockAdvice, practices) -> BlockAdvice:
    return BlockAdvice(**{**advice.__dict__, "practices": tuple(practices)})


def _score(value: float | None) -> str:
    return number(value, 1)


def why(advice: BlockAdvice, name: Callable[[str], str]) -> dict:
    """The numbers behind an advice, as the page shows them ("why this block"): each seed-003
    relation that counted (to which weak block, its score, what it added) and the sum that
    gives the leverage — every number through the one number rule."""
    kinds = {
        (True, False): _("influences"),
        (False, False): _("is linked with"),
        (True, True): _("influences all blocks (general statement)"),
        (False, True): _("influences all blocks (general statement)"),
    }
    return {
        "relations": [
            {
                "kind": kinds[(r.directed, r.general)],
                "target": name(r.target),
                "target_score": _score(r.target_score),
                "adds": number(r.weight, 2),
            }
            for r in advice.relations
        ],
        "lowness": _score(advice.lowness),
        "gap": _score(advice.gap),
        "influence": number(advice.influence, 2),
        "weight": number(advice.weight, 1),
        "leverage": number(advice.leverage, 2),
        "low_below": _score(LOW_DEFAULT),
        "capped": sum(r.weight for r in advice.relations if r.general) > GENERAL_CAP,
    }


def explain(advice: BlockAdvice, name: Callable[[str], str]) -> list[str]:
    """The advice in plain sentences of the active language; ``name(key)`` gives a block's
    display name (``lambda k: str(registry.block(k).name)``). Scores as the pages write them."""
    shown = {r.target: r.target_score for r in advice.relations}

    def with_score(key):
        return _("%(block)s (%(score)s)") % {"block": name(key), "score": _score(shown[key])}

    values = {
        "block": name(advice.block),
        "score": _score(advice.score),
        "others": get_text_list([with_score(k) for k in advice.influences], _("and")),
        "linked": get_text_list([with_score(k) for k in advice.linked], _("and")),
    }
    sentences = []
    if advice.is_low:
        sentences.append(_("%(block)s scores low (%(score)s).") % values)
    elif advice.start_here:
        sentences.append(
            _(
                "%(block)s scores %(score)s: not low, but one of the lowest here, so the scan "
                "report also says “start here”."
            )
            % values
        )
    else:
        sentences.append(_("%(block)s scores %(score)s.") % values)
    if advice.influences:
        sentences.append(
            _("In the model it influences %(others)s, which also need attention.") % values
        )
    if advice.linked:
        sentences.append(_("It is linked with %(linked)s, which also need attention.") % values)
    if advice.gap > 0:
        sentences.append(
            _("That is %(gap)s below the organisation as a whole (%(organisation)s).")
            % {"gap": _score(advice.gap), "organisation": _score(advice.organisation_score)}
        )
    if advice.influences or advice.linked:
        sentences.append(_("Improving it can lift those blocks too."))
    return sentences
