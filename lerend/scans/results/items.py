"""Item analysis of a closed campaign, for whoever edits or copies an instrument: does each
statement measure what the rest of its building block measures?

Per dimension (over the respondents who answered every item of it on the scale — complete
cases, listwise, as Cronbach's alpha on the result pages):

* **alpha** of the dimension; **alpha if the item were removed**;
* **item-rest correlation**: Pearson's r between the item and the sum of the OTHER items of
  the dimension (corrected item-total correlation);
* per item the **share of "don't know"** among everyone who saw the item.

Privacy (docs/anonymity.md): ORGANISATION-WIDE only, never per location, team or role group;
only once the campaign has closed; only when the organisation is visible in the campaign's
plan for the reader; and no number of a dimension below ``MIN_N`` (30) complete cases. Only
correlations and alphas over at least 30 people leave this module — no answer, no cell.

The answers of the campaign are read in ONE query (they are needed for the cross-products
an item-rest correlation is made of, which the aggregates do not keep) and the analysis is
memoised per process on (campaign, respondents): a closed campaign never changes.
"""

from __future__ import annotations

import math
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lerend.kit.numbers import number, percent

from ..models import Answer
from .core import CampaignResults, organisation_ref
from .stats import ALPHA_MIN_N

MIN_N = ALPHA_MIN_N  # 30 complete cases, as for alpha on the result pages
WEAK_ITEM_REST = 0.30  # below this an item measures something else than its block
ALPHA_GAIN = 0.02  # removing the item raises alpha by at least this much
DONT_KNOW_HIGH = 0.20  # from this share of "don't know" people cannot judge the statement


@dataclass(frozen=True)
class ItemRow:
    key: str
    text: object
    reverse: bool
    item_rest: float | None
    alpha_without: float | None
    dont_know_share: float | None
    readings: tuple[str, ...]

    @property
    def item_rest_text(self) -> str:
        return number(self.item_rest, 2)

    @property
    def alpha_without_text(self) -> str:
        return number(self.alpha_without, 2)

    @property
    def dont_know_text(self) -> str:
        return percent(self.dont_know_share)


@dataclass(frozen=True)
class DimensionRow:
    key: str
    name: object
    complete_n: int
    alpha: float | None
    items: tuple[ItemRow, ...]
    reading: str

    @property
    def shown(self) -> bool:
        """Numbers only from MIN_N complete cases."""
        return self.complete_n >= MIN_N

    @property
    def alpha_text(self) -> str:
        return number(self.alpha, 2)


@dataclass(frozen=True)
class ItemAnalysis:
    respondents: int
    dimensions: tuple[DimensionRow, ...]


def available(results: CampaignResults) -> bool:
    """Closed, the organisation visible for this reader, and at least MIN_N respondents."""
    ref = organisation_ref(results.campaign.organisation)
    return results.is_visible(ref) and (results.plan.n(ref.key) or 0) >= MIN_N


def _variance(n, total, total_sq) -> float:
    return (total_sq - total * total / n) / (n - 1)


def _alpha(k: int, item_variances: float, total_variance: float) -> float | None:
    if k < 2 or total_variance <= 0:
        return None
    return k / (k - 1) * (1 - item_variances / total_variance)


def _dimension_numbers(rows: list[list[int]]) -> tuple[float | None, list, list]:
    """(alpha, item-rest r per item, alpha without each item) over complete-case rows."""
    n, k = len(rows), len(rows[0]) if rows else 0
    sums = [0.0] * k
    squares = [0.0] * k
    cross = [0.0] * k  # sum of item * total
    total = total_sq = 0.0
    for row in rows:
        t = sum(row)
        total += t
        total_sq += t * t
        for i, x in enumerate(row):
            sums[i] += x
            squares[i] += x * x
            cross[i] += x * t
    var_items = [_variance(n, sums[i], squares[i]) for i in range(k)]
    var_total = _variance(n, total, total_sq)
    cov_total = [(cross[i] - sums[i] * total / n) / (n - 1) for i in range(k)]
    alpha = _alpha(k, sum(var_items), var_total)
    item_rest, without = [], []
    for i in range(k):
        var_rest = var_total + var_items[i] - 2 * cov_total[i]
        cov_rest = cov_total[i] - var_items[i]
        denominator = math.sqrt(var_items[i] * var_rest) if var_items[i] > 0 < var_rest else 0
        item_rest.append(cov_rest / denominator if denominator else None)
        without.append(_alpha(k - 1, sum(var_items) - var_items[i], var_rest))
    return alpha, item_rest, without


def _alpha_reading(alpha: float | None) -> str:
    if alpha is None:
        return _("The statements do not vary enough to say how well they hang together.")
    if alpha < 0.6:
        return _("The statements hang together weakly: they do not measure one thing yet.")
    if alpha < 0.7:
        return _("The statements hang together moderately: look at the items marked below.")
    if alpha <= 0.9:
        return _("The statements hang together well, as for a validated scale.")
    return _("The statements hang together very strongly: some may ask the same thing twice.")


def _item_readings(item_rest, alpha_without, alpha, dont_know) -> tuple[str, ...]:
    readings = []
    if item_rest is not None and item_rest < WEAK_ITEM_REST:
        readings.append(_("This item measures something else than the rest of the building block."))
    if alpha is not None and alpha_without is not None and alpha_without >= alpha + ALPHA_GAIN:
        readings.append(
            _("Without this item the block is measured more consistently: rewrite or drop it.")
        )
    if dont_know is not None and dont_know >= DONT_KNOW_HIGH:
        readings.append(
            _("Many people chose “don't know”: not everyone can see what this item asks about.")
        )
    return tuple(readings) or (_("This item fits the building block."),)


_MEMO: OrderedDict = OrderedDict()


def _answers(campaign_id: int, version: tuple):
    """response -> item key -> value (None: "don't know"), memoised on ``version``."""
    found = _MEMO.get(version)
    if found is None:
        found = defaultdict(dict)
        for response_id, item_key, value in (
            Answer.objects.filter(response__campaign_id=campaign_id)
            .order_by()
            .values_list("response_id", "item_key", "value")
            .iterator(chunk_size=5000)
        ):
            found[response_id][item_key] = value
        _MEMO[version] = found
        if len(_MEMO) > 4:
            _MEMO.popitem(last=False)
    return found


def item_analysis(results: CampaignResults) -> ItemAnalysis | None:
    """The analysis of the campaign's instrument over the whole organisation, or None when
    it may not be shown (see :func:`available`)."""
    if not available(results):
        return None
    campaign, instrument = results.campaign, results.instrument
    version = (campaign.pk, campaign.launched_at, sum(results.counts.values()))
    answers = _answers(campaign.pk, version)
    scale = instrument.scale
    dimensions = []
    for dimension in instrument.dimensions:
        items = instrument.items_for(dimension.key)
        keys = [i.key for i in items]
        complete, dont_know, seen = [], defaultdict(int), defaultdict(int)
        for given in answers.values():
            row = []
            for item in items:
                if item.key not in given:
                    continue
                seen[item.key] += 1
                value = given[item.key]
                if value is None:
                    dont_know[item.key] += 1
                else:
                    row.append(item.score(value, scale))
            if len(row) == len(keys):
                complete.append(row)
        shown = len(complete) >= MIN_N and len(keys) >= 2
        alpha, item_rest, without = (
            _dimension_numbers(complete)
            if shown
            else (None, [None] * len(keys), [None] * len(keys))
        )
        rows = []
        for index, item in enumerate(items):
            share = dont_know[item.key] / seen[item.key] if seen[item.key] else None
            rows.append(
                ItemRow(
                    key=item.key,
                    text=item.text,
                    reverse=bool(item.reverse),
                    item_rest=item_rest[index],
                    alpha_without=without[index],
                    dont_know_share=share if shown else None,
                    readings=_item_readings(item_rest[index], without[index], alpha, share)
                    if shown
                    else (),
                )
            )
        dimensions.append(
            DimensionRow(
                key=dimension.key,
                name=dimension.name,
                complete_n=len(complete),
                alpha=alpha,
                items=tuple(rows),
                reading=_alpha_reading(alpha) if shown else "",
            )
        )
    ref = organisation_ref(campaign.organisation)
    return ItemAnalysis(respondents=results.plan.n(ref.key), dimensions=tuple(dimensions))
