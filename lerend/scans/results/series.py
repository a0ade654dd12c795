"""Building-block scores over every closed round of an instrument series, for the steering
view: the organisation, locations and teams side by side, read through the same
``CampaignResults`` as the results pages — so each value here is the value those pages show
for that group and dimension (``DimensionResult.mean``).

A *series* is every closed staff campaign of one instrument (its key, across versions: the
dimensions of the block-based instruments are the building blocks themselves) whose results
are ready. Per campaign a group is shown only where that campaign's plan for the reader shows
it and its block has k answers behind it (route 3); an earlier round is shown only where the
plan across the rounds (route 4, ``plan.comparable_keys`` with the newest round) keeps it.

Queries: a fixed number per campaign (respondents per cell for all rounds at once, the
reader's cells at once, the location/role sums, one GROUP BY over the teams, the answered
counts, the invitations for the comparison) — never one per location or team.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from lerend.frameworks.registry import block_keys

from ..models import Audience, Campaign, DimensionAggregate, Response
from . import plan
from .core import (
    CampaignResults,
    GroupRef,
    _instrument,
    location_ref,
    organisation_ref,
    team_ref,
)

SERIES_ROUNDS = 8  # rounds per series: two scans a year for four years


@dataclass
class Series:
    """One instrument's rounds (oldest first) and, per group key, the block means per round
    (``None`` where the group or the block is not shown)."""

    key: str
    name: object  # instruments.model.Text: str() gives the active language
    campaigns: list[Campaign]
    blocks: list[str]
    labels: dict[tuple, str] = field(default_factory=dict)
    scores: dict[tuple, list[dict[str, float] | None]] = field(default_factory=dict)

    def latest(self, group_key) -> dict[str, float] | None:
        points = self.scores.get(group_key) or [None]
        return points[-1]

    def previous(self, group_key) -> dict[str, float] | None:
        """The group's scores in the round before the newest one, if shown."""
        points = self.scores.get(group_key) or []
        return points[-2] if len(points) >= 2 else None


def series_campaigns(organisation) -> dict[str, list[Campaign]]:
    """Instrument key -> its closed staff campaigns with block scores, oldest first, at most
    SERIES_ROUNDS each. One query."""
    # EXISTS per campaign walks the aggregate table's (campaign, item_key, ...) key for the
    # organisation's few campaigns, instead of every block row of every campaign.
    with_blocks = DimensionAggregate.objects.filter(
        campaign_id=OuterRef("pk"), dimension_key__in=block_keys()
    )
    found = (
        Campaign.objects.filter(organisation=organisation, audience=Audience.STAFF)
        .filter(Exists(with_blocks))
        .filter(plan.closed_filter())
        .select_related("organisation", "instrument_version")
        .order_by("-closes_on", "-id")
    )
    by_key: dict[str, list[Campaign]] = {}
    for campaign in found:
        if not plan.results_ready(campaign):
            continue
        rounds = by_key.setdefault(campaign.instrument_version.key, [])
        if len(rounds) < SERIES_ROUNDS:
            rounds.append(campaign)
    return {key: list(reversed(rounds)) for key, rounds in by_key.items()}


def _team_means(results: CampaignResults, refs: list[GroupRef]) -> dict:
    """Group key -> {block: mean} for many teams at once, for the hundreds of teams of a
    large organisation: the same numbers ``many(refs, "team_key")`` gives (``Counts.mean``,
    total / n, of a visible team; a dimension with answers the per-number plan does not
    show is left out, route 3) without building a result object per team and dimension.
    One GROUP BY, memoised like every sum of a closed campaign."""
    visible = {dict(r.filters)["team_key"]: r for r in refs if results.is_visible(r)}
    out: dict[tuple, dict[str, float] | None] = {r.key: None for r in refs}
    if not visible:
        return out
    blocks = {d.key: d.building_block for d in results.instrument.dimensions if d.building_block}
    rows = results._sums(
        DimensionAggregate,
        ("n", "total"),
        ["team_key", "dimension_key"],
        Q(team_key__in=sorted(visible), dimension_key__in=sorted(blocks)),
    )
    for ref in visible.values():
        out[ref.key] = {}
    numbers = results.numbers
    for team_key, dimension, n, total in rows:
        ref = visible.get(team_key)
        if ref is None or not n or not numbers.dimension_visible(ref.key, dimension):
            continue
        out[ref.key][blocks[dimension]] = total / n
    return out


def _block_means(results: CampaignResults, refs: list[GroupRef], by: str | None) -> dict:
    """Group key -> {block: mean} for the visible refs (None for hidden ones)."""
    if by == "team_key":
        return _team_means(results, refs)
    if by is None:
        groups = [results.group(ref, items=False) for ref in refs]
    else:
        groups = results.many(refs, by)
    out: dict[tuple, dict[str, float] | None] = {}
    for group in groups:
        if not group.visible:
            out[group.ref.key] = None
            continue
        out[group.ref.key] = {
            d.building_block: d.mean
            for d in group.dimensions
            if d.building_block and not d.suppressed and d.has_answers and d.mean is not None
        }
    return out


def block_series(
    organisation,
    *,
    reader,
    organisation_too: bool = True,
    locations=(),
    teams=(),
    team_history: bool = True,
) -> list[Series]:
    """Every series of the organisation with the block means of the organisation (when
    ``organisation_too``), the given locations and teams, per round, as ``reader`` may see
    them. Newest series (by its latest round) first. Without ``team_history`` the teams
    get the newest round only (earlier rounds None): enough to compare hundreds of teams
    with the organisation, at a fraction of the cost."""
    by_key = series_campaigns(organisation)
    if not by_key:
        return []
    all_campaigns = [c for rounds in by_key.values() for c in rounds]
    ids = [c.pk for c in all_campaigns]
    cells = plan.reader_cells(ids, reader)
    refs_org = [organisation_ref(organisation)] if organisation_too else []
    refs_loc = [location_ref(loc) for loc in locations]
    refs_team = [team_ref(team) for team in teams]
    # Every input of the scores: each round's version (campaign, launch time, respondents —
    # the key the gate's own plans and sums are kept under; k is frozen at launch), the
    # reader's cells in each round, and the groups asked for. A new response or another
    # reader position is another key, so nothing is ever served stale.
    totals = dict(
        Response.objects.filter(campaign_id__in=ids)
        .values("campaign_id")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("campaign_id", "n")
    )
    memo_key = (
        tuple(
            (
                key,
                tuple(
                    (c.pk, c.launched_at, totals.get(c.pk, 0), plan.campaign_k(c)) for c in rounds
                ),
            )
            for key, rounds in by_key.items()
        ),
        tuple((pk, cells.get(pk, frozenset())) for pk in ids),
        tuple(ref.key for ref in refs_org + refs_loc + refs_team),
        team_history,
    )
    scores = plan.memo_shared(
        plan.SERIES_MEMO,
        SERIES_MEMO_MAX,
        "series",
        memo_key,
        lambda: _scores(by_key, ids, cells, reader, refs_org, refs_loc, refs_team, team_history),
    )
    out = []
    for key, rounds in by_key.items():
        instrument = _instrument(rounds[-1].instrument_version)
        series = Series(
            key=key,
            name=instrument.name,
            campaigns=list(rounds),
            blocks=[d.building_block for d in instrument.dimensions if d.building_block],
            labels={ref.key: ref.label for ref in refs_org + refs_loc + refs_team},
            scores={group: list(points) for group, points in scores[key].items()},
        )
        out.append(series)
    out.sort(key=lambda s: (s.campaigns[-1].closes_on, s.campaigns[-1].pk), reverse=True)
    return out


# The scores of a series for one reader position and set of groups, kept per process and in
# the shared cache (plan.memo_shared) under every input: a steering page then reads them
# instead of summing 789 teams x 12 blocks again.
SERIES_MEMO_MAX = 64


def _scores(by_key, ids, cells, reader, refs_org, refs_loc, refs_team, team_history) -> dict:
    """Series key -> group key -> per round {block: mean} or None, through the gate: each
    round's ``CampaignResults`` for the reader (routes 2 and 3), earlier rounds only where
    ``plan.comparable_keys`` keeps the group (route 4)."""
    counts = plan.cell_counts(ids)
    out: dict[str, dict] = {}
    for key, rounds in by_key.items():
        results = []
        for campaign in rounds:
            r = CampaignResults(campaign, reader=reader)
            r.__dict__["counts"] = counts.get(campaign.pk, {})
            r.__dict__["strict"] = cells.get(campaign.pk, frozenset())
            results.append(r)
        newest = results[-1]
        kept = plan.comparable_keys(
            newest.campaign, newest.plan, [(r.campaign, r.plan) for r in reversed(results[:-1])]
        )
        scores: dict[tuple, list] = {ref.key: [] for ref in refs_org + refs_loc + refs_team}
        for number, r in enumerate(results):
            means: dict = {}
            if refs_org:
                means.update(_block_means(r, refs_org, None))
            if refs_loc:
                means.update(_block_means(r, refs_loc, "location_key"))
            is_newest = number == len(results) - 1
            if refs_team and (team_history or is_newest):
                means.update(_block_means(r, refs_team, "team_key"))
            elif refs_team:
                means.update({ref.key: None for ref in refs_team})
            allowed = None if is_newest else kept.get(r.campaign.pk, frozenset())
            for group_key, value in means.items():
                if allowed is not None and group_key not in allowed:
                    value = None
                scores[group_key].append(value)
        out[key] = scores
    return out
