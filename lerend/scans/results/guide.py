"""The team discussion guide: questions per dimension for a team meeting, from a group's
results. Only numbers of a visible group go in (the caller passes a visible GroupResult)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..charts import fmt, pct
from . import levels

DONT_KNOW_NOTICE = 0.2  # from this share of "don't know" the guide asks what is missing


@dataclass
class GuideDimension:
    key: str
    name: str
    building_block: str | None
    questions: list[str]
    start_here: bool = False
    level: str | None = None


def discussion_guide(group, points: int = 5) -> list[GuideDimension]:
    """Dimensions with answers, lowest shown score first (that is where a conversation pays
    off most), each with four to five open questions. "Begin hier", low and strong come from
    the one rule (levels.py), as on the advice page and the dashboard."""
    order = [d.key for d in group.dimensions]
    answered = [d for d in group.dimensions if d.has_answers and d.mean is not None]
    verdicts = levels.verdicts({d.key: d.mean for d in answered}, order, points)
    answered.sort(key=lambda d: (levels.shown(d.mean), order.index(d.key)))
    guide = []
    for dim in answered:
        questions = [
            _(
                "%(favourable)s of the answers on “%(name)s” are favourable (mean %(mean)s). "
                "What do you recognise in this, and what surprises you?"
            )
            % {"favourable": pct(dim.favourable), "name": dim.name, "mean": fmt(dim.mean)}
        ]
        scored = [i for i in dim.items if i.counts.n]
        if scored:
            low = min(scored, key=lambda i: (i.mean, i.key))
            questions.append(
                _(
                    "The statement that scores lowest here is “%(text)s”. "
                    "What would have to happen for more of us to agree with it?"
                )
                % {"text": low.text}
            )
        if (dim.dont_know_share or 0) >= DONT_KNOW_NOTICE:
            questions.append(
                _(
                    "%(share)s answered “don't know”. What information is missing, "
                    "and who can share it?"
                )
                % {"share": pct(dim.dont_know_share)}
            )
        questions.append(_("What already goes well here that we want to keep?"))
        questions.append(
            _("Which one small step do we take in the coming six weeks, and who does what?")
        )
        guide.append(
            GuideDimension(
                key=dim.key,
                name=str(dim.name),
                building_block=dim.building_block,
                questions=questions,
                start_here=verdicts[dim.key].start_here,
                level=verdicts[dim.key].level,
            )
        )
    return guide
