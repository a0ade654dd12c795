"""Statistics of scan results from summed aggregate columns — pure Python, no ORM.

Every number here is a function of the columns of ``ItemAggregate`` / ``DimensionAggregate``
summed over the cells of one group, so it is a function of the group's aggregates and safe
to show whenever the group is visible in the campaign's disclosure plan.

Decisions (see also lerend/scans/results.py):

* A dimension's (building block's) **score** is the mean of the respondents' own means
  (:func:`block_score`, docs/scores.md, decision 0019-one-score): each person who gave
  at least one scale answer in the dimension has one score, the mean of their scale answers
  there ("don't know" left out); the group's score is the mean of those person scores. It
  weights people equally, is what a validated scale reports, and its base is exactly the
  respondents the anonymity gate counts per dimension (``respondents``). The distribution
  and % favourable describe the ANSWERS (pooled), and say so on the page.
* **% favourable** is the share of scale answers at or above the instrument's
  ``favourable_from`` (4 and 5 on the agree scale). "Don't know" is never part of n, a mean
  or a share; its own share is dont_know / (n + dont_know).
* **Cronbach's alpha** is computed exactly from write-time sums over complete cases
  (respondents who answered every item of the dimension on the scale; listwise, as
  ``pingouin.cronbach_alpha`` with ``nan_policy="listwise"``):
  alpha = k/(k-1) * (1 - sum(var_i) / var_total), all variances with n-1. It is given only
  with at least ``ALPHA_MIN_N`` complete cases and at least two items; otherwise None and the
  page says why (fewer cases make the estimate too unstable to act on).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ALPHA_MIN_N = 30

COUNT_FIELDS = (
    "n",
    "total",
    "total_sq",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "dont_know",
    "complete_n",
    "complete_total",
    "complete_total_sq",
    "respondents",
    "score_total",
)
# Summed as floats (a person's mean); every other column is an integer count.
FLOAT_FIELDS = frozenset({"score_total"})
# A mean of person means is a sum of floats; summed in another order (SQL per team, Python
# per location) it may differ in the 15th digit. Rounded to this many decimals first, the
# same group gives the same number whichever way it was added up, also at a half (3,45).
SCORE_DIGITS = 9


def block_score(respondents: int, score_total: float) -> float | None:
    """THE score of a building block (a dimension) in a group: the mean of the respondents'
    own means, on the instrument's 1..5 scale, reverse-worded items already turned. None
    without respondents. Every page, chart, PDF, export, advice and API read this."""
    if not respondents:
        return None
    return round(score_total / respondents, SCORE_DIGITS)


@dataclass(frozen=True, slots=True)
class Counts:
    """Summed aggregate columns of one item or dimension over a group's cells. Only the
    columns its results use are summed (results.item_fields, results.DIMENSION_FIELDS); the
    others stay 0 — for an item e.g. ``complete_n`` (it equals the dimension's)."""

    n: int = 0
    total: int = 0
    total_sq: int = 0
    h1: int = 0
    h2: int = 0
    h3: int = 0
    h4: int = 0
    h5: int = 0
    dont_know: int = 0
    complete_n: int = 0
    complete_total: int = 0
    complete_total_sq: int = 0
    respondents: int = 0
    score_total: float = 0.0

    @property
    def score(self) -> float | None:
        """The block score (:func:`block_score`): the mean of the respondents' own means.
        Only on dimension counts; an item's score is its ``mean``."""
        return block_score(self.respondents, self.score_total)

    @property
    def histogram(self) -> tuple[int, int, int, int, int]:
        return (self.h1, self.h2, self.h3, self.h4, self.h5)

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    def favourable_share(self, favourable_from: int) -> float | None:
        """Share (0..1) of scale answers at or above ``favourable_from``."""
        if not self.n:
            return None
        return sum(self.histogram[favourable_from - 1 :]) / self.n

    @property
    def dont_know_share(self) -> float | None:
        given = self.n + self.dont_know
        return self.dont_know / given if given else None

    def distribution(self, points: int) -> list[tuple[int, int, float]]:
        """(score, count, share 0..1) for the scale's points."""
        return [
            (score, count, count / self.n if self.n else 0.0)
            for score, count in enumerate(self.histogram[:points], start=1)
        ]


def _variance(n: int, total: float, total_sq: float) -> float:
    return (total_sq - total * total / n) / (n - 1)


def cronbach_alpha(dimension: Counts, items: Iterable[Counts]) -> float | None:
    """Alpha from complete-case sums: ``dimension.complete_*`` hold n, the sum and the sum of
    squares of each complete respondent's dimension total; each item's ``complete_total`` /
    ``complete_total_sq`` its scores among the same respondents. None below ALPHA_MIN_N
    complete cases, with fewer than two items, or when the total does not vary."""
    items = list(items)
    n, k = dimension.complete_n, len(items)
    if n < ALPHA_MIN_N or k < 2:
        return None
    var_total = _variance(n, dimension.complete_total, dimension.complete_total_sq)
    if var_total <= 0:
        return None
    var_items = sum(_variance(n, i.complete_total, i.complete_total_sq) for i in items)
    return k / (k - 1) * (1 - var_items / var_total)


def add(counts: Iterable[Counts]) -> Counts:
    """Column-wise sum (to roll cells up into a group in Python)."""
    sums: list = [0] * len(COUNT_FIELDS)
    for c in counts:
        for i, name in enumerate(COUNT_FIELDS):
            sums[i] += getattr(c, name)
    return Counts(*sums)
