"""Building-block scores from closed scans, for the advice page and the dashboard's trend.

A thin adapter over the scans read model (``lerend.scans.results``): every number passes the
campaign's plan there — for the reader, per dimension and across the compared campaigns — so
a group the plan hides gives ``None``, never a score. This app never reads scan tables.
"""

from lerend.scans import results as scan_results

TREND_CAMPAIGNS = scan_results.blocks.TREND_CAMPAIGNS


def closed_campaigns(organisation):
    """Closed staff campaigns with block scores, newest first."""
    return scan_results.closed_campaigns(organisation)


def latest_closed_campaign(organisation):
    return scan_results.latest_closed_campaign(organisation)


def block_scores(organisation, *, reader=None, team=None, location=None, campaign=None):
    """Block key -> mean score of the group as ``reader`` may see it, or None."""
    return scan_results.block_scores(
        organisation, reader=reader, team=team, location=location, campaign=campaign
    )


def trend(organisation, *, reader=None, team=None, location=None, limit=TREND_CAMPAIGNS):
    """(campaign, scores or None) for the last ``limit`` closed campaigns, oldest first."""
    return scan_results.block_trend(
        organisation, reader=reader, team=team, location=location, limit=limit
    )
