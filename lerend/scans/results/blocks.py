"""Building-block scores from closed staff scans, for other apps (improvement's advice page
and dashboard trend) — through the same read model as every scan number.

Per building block THE block score (``stats.block_score``: the mean of the respondents' own
means), read from :meth:`CampaignResults.group` — the very numbers the result pages, the PDF,
the exports and the API show, so a block has one value wherever it appears. Dimension keys of
the block-based instruments (lerende-organisatiescan, pulse) are the building block keys;
other dimensions are ignored.

A group the plan hides for this reader gives ``None``; a block whose dimension has fewer
than k answers behind it in the group is left out (route 3); a trend point is kept only where
the plan across the compared campaigns keeps it (route 4). So nothing built on these numbers
(advice, explanation, chart) can speak about fewer than k people.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from lerend.frameworks.registry import block_keys

from ..models import Audience, Campaign, DimensionAggregate
from . import plan
from .core import CampaignResults, GroupRef, location_ref, organisation_ref, team_ref

TREND_CAMPAIGNS = 6


def closed_campaigns(organisation):
    """Closed staff campaigns whose results are ready and that hold block scores, newest
    first."""
    # EXISTS per campaign (the aggregate's unique key starts with the campaign), not an IN
    # over every dimension row of every campaign: 13-16 ms at 15,000 staff before.
    with_blocks = Exists(
        DimensionAggregate.objects.filter(campaign=OuterRef("pk"), dimension_key__in=block_keys())
    )
    return (
        Campaign.objects.filter(with_blocks, organisation=organisation, audience=Audience.STAFF)
        .filter(plan.closed_filter())
        .select_related("organisation", "instrument_version")
        .order_by("-closes_on", "-id")
    )


def latest_closed_campaign(organisation):
    return closed_campaigns(organisation).first()


def _ref(organisation, team, location) -> GroupRef:
    if team is not None:
        return team_ref(team)
    if location is not None:
        return location_ref(location)
    return organisation_ref(organisation)


def group_block_scores(results: CampaignResults, ref: GroupRef) -> dict | None:
    """Block key -> block score of the group in ``results`` (the shown dimension means), or
    None when the plan hides the group. Blocks whose dimension has fewer than k answers
    behind it here are left out (route 3)."""
    if not results.is_visible(ref):
        return None
    keys = set(block_keys())
    group = results.group(ref, items=False)
    return {d.key: d.mean for d in group.dimensions if d.key in keys and d.mean is not None}


def block_scores(organisation, *, reader, team=None, location=None, campaign=None) -> dict | None:
    """Block key -> mean score of the group (the whole organisation, a location or a team)
    in ``campaign`` (default: the latest closed one), as ``reader`` may see it. ``None`` when
    there is no such campaign or the plan hides the group."""
    if campaign is None:
        campaign = latest_closed_campaign(organisation)
    if campaign is None or campaign.organisation_id != organisation.pk:
        return None
    ref = _ref(organisation, team, location)
    return group_block_scores(CampaignResults(campaign, reader=reader), ref)


def block_trend(organisation, *, reader, team=None, location=None, limit=TREND_CAMPAIGNS) -> list:
    """(campaign, scores or None) for the last ``limit`` closed campaigns, oldest first. Each
    campaign has its own plan, and the earlier ones are compared with the newest through the
    plan across campaigns: a point shows only where both keep it."""
    campaigns = list(closed_campaigns(organisation)[:limit])
    if not campaigns:
        return []
    ref = _ref(organisation, team, location)
    results = [CampaignResults(c, reader=reader) for c in campaigns]
    cells = plan.reader_cells([c.pk for c in campaigns], reader)
    for r in results:
        r.__dict__["strict"] = cells.get(r.campaign.pk, frozenset())
    newest, earlier = results[0], results[1:]
    kept = plan.comparable_keys(
        newest.campaign, newest.plan, [(r.campaign, r.plan) for r in earlier]
    )
    points = [(newest.campaign, group_block_scores(newest, ref))]
    for r in earlier:
        scores = None
        if ref.key in kept.get(r.campaign.pk, ()):
            scores = group_block_scores(r, ref)
        points.append((r.campaign, scores))
    points.reverse()
    return points
