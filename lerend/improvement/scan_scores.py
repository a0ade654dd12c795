"""Building-block scores from closed scans, for the advice page and the dashboard's trend.

A small adapter over the scans app's write-time aggregates, so this app does not depend on
the shape of the scan result pages. Every number passes the campaign's anonymity plan
(``lerend.scans.anonymity``): a group that the plan hides gives ``None``, never a score — so
nothing built on it (advice, explanation, chart) can speak about a group below k.

Scores are per building block the mean of the respondents' own means (``score_total /
respondents``): one number per person, reverse-scored items already turned, on the
instrument's 1..5 scale. Dimension keys of the block-based instruments (lerende-
organisatiescan, pulse) are the building block keys; other dimensions are ignored.
"""

from django.db.models import Count, Q, Sum
from django.utils import timezone

from lerend.frameworks.registry import block_keys
from lerend.scans import anonymity
from lerend.scans.models import Audience, Campaign, DimensionAggregate, Response

TREND_CAMPAIGNS = 6


def closed_campaigns(organisation):
    """Closed staff campaigns with block scores, newest first."""
    today = timezone.localdate()
    with_blocks = DimensionAggregate.objects.filter(dimension_key__in=block_keys()).values(
        "campaign"
    )
    return (
        Campaign.objects.filter(
            organisation=organisation,
            audience=Audience.STAFF,
            launched_at__isnull=False,
            pk__in=with_blocks,
        )
        .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today))
        .select_related("organisation")
        .order_by("-closes_on", "-id")
    )


def latest_closed_campaign(organisation):
    return closed_campaigns(organisation).first()


def _plan(campaign) -> anonymity.Disclosure:
    # The same plan every results surface uses: all standard groups, planned once on the
    # campaign's respondent counts per frozen cell.
    counts = {}
    rows = (
        Response.objects.filter(campaign=campaign)
        .values("location_key", "team_key", "role_group")
        .annotate(n=Count("id"))
    )
    for row in rows:
        cell = anonymity.Stratum(
            row["location_key"] or None, row["team_key"] or None, row["role_group"]
        )
        counts[cell] = row["n"]
    k = campaign.k or campaign.organisation.anonymity_threshold
    return anonymity.plan_disclosure(anonymity.standard_groups(counts), counts, k)


def _group(team, location):
    if team is not None:
        return anonymity.team_key(team.pk), {"team_key": team.pk}
    if location is not None:
        return anonymity.location_key(location.pk), {"location_key": location.pk}
    return anonymity.organisation_key(), {}


def block_scores(organisation, *, team=None, location=None, campaign=None) -> dict | None:
    """Block key -> mean score (None for a block nobody scored) of the group (the whole
    organisation, a location or a team) in ``campaign`` (default: the latest closed one).
    ``None`` when there is no such campaign or the anonymity plan hides the group."""
    if campaign is None:
        campaign = latest_closed_campaign(organisation)
    if campaign is None or campaign.organisation_id != organisation.pk:
        return None
    group, cell_filter = _group(team, location)
    if not _plan(campaign).is_visible(group):
        return None
    rows = (
        DimensionAggregate.objects.filter(
            campaign=campaign, dimension_key__in=block_keys(), **cell_filter
        )
        .values("dimension_key")
        .annotate(people=Sum("respondents"), total=Sum("score_total"))
    )
    return {
        row["dimension_key"]: (row["total"] / row["people"] if row["people"] else None)
        for row in rows
    }


def trend(organisation, *, team=None, location=None, limit=TREND_CAMPAIGNS) -> list:
    """(campaign, scores or None) for the last ``limit`` closed campaigns, oldest first.
    Each campaign has its own plan: a point shows only where the group was visible then."""
    campaigns = list(closed_campaigns(organisation)[:limit])
    campaigns.reverse()
    return [
        (c, block_scores(organisation, team=team, location=location, campaign=c)) for c in campaigns
    ]
