"""The ONE rule for "low", "strong" and "begin hier" (start here) of a block or dimension score.

The scan report (page and PDF, its discussion guide), the advice in ``improvement``, the
dashboard and the steering view all call this module, at every level (team, location,
organisation), so a block that one page calls low is low on every page. See docs/scores.md.

The rule works on the score AS SHOWN, i.e. rounded by the one number rule
(``lerend.kit.numbers.rounded``, one decimal): a score shown as "3,0" is never called low, and
two scores shown alike are ordered alike (then by the instrument's or model's order).

On a scale of ``points`` answers (1..points, higher is more favourable):

* **low**: the shown score is below the middle of the scale (3,0 on five points — "neither
  agree nor disagree"): on average people do not agree that this happens;
* **strong**: the shown score is at least halfway between the middle and the top
  (4,0 on five points — "agree");
* **begin hier**: the ``START_WITH`` (two) lowest shown scores of the group that are not
  strong. Every low block is a candidate; when fewer than two blocks are low, the lowest of
  the middle ones complete the pair, because a team always has a next step. A group in which
  every block is strong has no "begin hier".

Only scores that passed the anonymity gate arrive here (hidden numbers are ``None`` and are
skipped), so nothing this module says can describe fewer than k people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from lerend.kit.numbers import rounded

LOW = "low"
MIDDLE = "middle"
STRONG = "strong"
START_WITH = 2
DIGITS = 1  # the rule reads the score as the pages write it


def low_below(points: int = 5) -> Decimal:
    """Shown scores below this are low: the middle of the scale (3,0 on five points)."""
    return Decimal(points + 1) / 2


def strong_from(points: int = 5) -> Decimal:
    """Shown scores from this are strong: halfway between the middle and the top (4,0)."""
    return low_below(points) + Decimal(points - 1) / 4


def shown(score) -> Decimal | None:
    """The score as every page writes it (one decimal, half away from zero)."""
    return rounded(score, DIGITS)


def level(score, points: int = 5) -> str | None:
    """``LOW``, ``MIDDLE`` or ``STRONG`` for a score; None for a hidden or missing one."""
    value = shown(score)
    if value is None:
        return None
    if value < low_below(points):
        return LOW
    if value >= strong_from(points):
        return STRONG
    return MIDDLE


def is_low(score, points: int = 5) -> bool:
    return level(score, points) == LOW


def is_strong(score, points: int = 5) -> bool:
    return level(score, points) == STRONG


def start_here(
    scores: Mapping[str, float | None], order: Sequence[str] = (), points: int = 5
) -> tuple[str, ...]:
    """The keys marked "begin hier": up to ``START_WITH`` keys with the lowest shown score
    that are not strong, lowest first; equal shown scores in ``order`` (keys not in it last,
    by key)."""
    position = {key: i for i, key in enumerate(order)}
    candidates = [
        (shown(score), position.get(key, len(position)), key)
        for key, score in scores.items()
        if score is not None and level(score, points) != STRONG
    ]
    candidates.sort()
    return tuple(key for _score, _pos, key in candidates[:START_WITH])


@dataclass(frozen=True)
class Verdict:
    """What the rule says about one key of a group."""

    level: str | None
    start_here: bool


def verdicts(
    scores: Mapping[str, float | None], order: Sequence[str] = (), points: int = 5
) -> dict[str, Verdict]:
    """Key -> :class:`Verdict` for every key of ``scores`` (hidden keys: level None)."""
    first = set(start_here(scores, order, points))
    return {key: Verdict(level(score, points), key in first) for key, score in scores.items()}


def label(verdict: Verdict | None) -> str:
    """The words every page uses for a verdict: "low", "strong", "start here" (joined by
    " · "), or "" for a middle score that is not where to start."""
    if verdict is None:
        return ""
    words = {LOW: _("low"), STRONG: _("strong")}
    parts = [words[verdict.level]] if verdict.level in words else []
    if verdict.start_here:
        parts.append(_("start here"))
    return " · ".join(parts)
