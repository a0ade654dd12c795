"""Building-block scores from closed staff scans, for other apps (improvement's advice page
and dashboard trend) — through the same read model as every scan number.

Per building block the mean of the respondents' own means (``score_total / respondents`` of
the dimension rows): one number per person, reverse-scored items already turned, on the
instrument's 1..5 scale. Dimension keys of the block-based instruments (lerende-
organisatiescan, pulse) are the building block keys; other dimensions are ignored.

A group the plan hides for this reader gives ``None``; a block whose dimension has fewer
than k answers behind it in the group is left out (route 3); a trend point is kept only where
the plan across the compared campaigns keeps it (route 4). So nothing built on these numbers
(advice, explanation, chart) can speak about fewer than k people.
"""

from __future__ import annotations

from django.db.models import Sum

from lerend.frameworks.registry import block_keys

from .. import disclosure
from ..models import Audience, Campaign, DimensionAggregate
from . import plan
from .core import CampaignResults

TREND_CAMPAIGNS = 6


def closed_campaigns(organisation):
    """Closed staff campaigns whose results are ready and that hold block scores, newest
    first."""
    with_blocks = DimensionAggregate.objects.filter(dimension_key__in=block_keys()).values(
        "campaign"
    )
    return (
        Campaign.objects.filter(
            organisation=organisation, audience=Audience.STAFF, pk__in=with_blocks
        )
        .filter(plan.closed_filter())
        .select_related("organisation", "instrument_version")
        .order_by("-closes_on", "-id")
    )


def latest_closed_campaign(organisation):
    return closed_campaigns(organisation).first()


def _group(team, location):
    if team is not None:
        return disclosure.team_key(team.pk), {"team_key": team.pk}
    if location is not None:
        return disclosure.location_key(location.pk), {"location_key": location.pk}
    return disclosure.organisation_key(), {}


def _scores(results: CampaignResults, group_key, cell_filter) -> dict | None:
    if not results.is_ready or not results.plan.is_visible(group_key):
        return None
    keys = [k for k in block_keys() if results.numbers.dimension_visible(group_key, k)]
    rows = (
        DimensionAggregate.objects.filter(
            campaign=results.campaign, dimension_key__in=keys, **cell_filter
        )
        .values("dimension_key")
        .annotate(people=Sum("respondents"), total=Sum("score_total"))
    )
    return {
        row["dimension_key"]: (row["total"] / row["people"] if row["people"] else None)
        for row in rows
    }


def block_scores(organisation, *, reader, team=None, location=None, campaign=None) -> dict | None:
    """Block key -> mean score of the group (the whole organisation, a location or a team)
    in ``campaign`` (default: the latest closed one), as ``reader`` may see it. ``None`` when
    there is no such campaign or the plan hides the group."""
    if campaign is None:
        campaign = latest_closed_campaign(organisation)
    if campaign is None or campaign.organisation_id != organisation.pk:
        return None
    group_key, cell_filter = _group(team, location)
    return _scores(CampaignResults(campaign, reader=reader), group_key, cell_filter)


def block_trend(organisation, *, reader, team=None, location=None, limit=TREND_CAMPAIGNS) -> list:
    """(campaign, scores or None) for the last ``limit`` closed campaigns, oldest first. Each
    campaign has its own plan, and the earlier ones are compared with the newest through the
    plan across campaigns: a point shows only where both keep it."""
    campaigns = list(closed_campaigns(organisation)[:limit])
    if not campaigns:
        return []
    group_key, cell_filter = _group(team, location)
    results = [CampaignResults(c, reader=reader) for c in campaigns]
    cells = plan.reader_cells([c.pk for c in campaigns], reader)
    for r in results:
        r.__dict__["strict"] = cells.get(r.campaign.pk, frozenset())
    newest, earlier = results[0], results[1:]
    kept = plan.comparable_keys(
        newest.campaign, newest.plan, [(r.campaign, r.plan) for r in earlier]
    )
    points = [(newest.campaign, _scores(newest, group_key, cell_filter))]
    for r in earlier:
        scores = None
        if group_key in kept.get(r.campaign.pk, ()):
            scores = _scores(r, group_key, cell_filter)
        points.append((r.campaign, scores))
    points.reverse()
    return points
