"""Scan results: the read model behind every anonymous scan number (see plan.py).

Other apps use only what is exported here (never ``scans.models`` or the disclosure core
for scan numbers):

* ``block_scores``, ``block_trend``, ``latest_closed_campaign``, ``closed_campaigns``
  (blocks.py) — building-block scores for advice and dashboards;
* ``block_series``, ``Series`` (series.py) — block means of the organisation, locations and
  teams over every round of each instrument series, for the steering view;
* ``campaign_k``, ``results_ready`` (plan.py) — the campaign's threshold and whether its
  results may be shown.

Inside scans: core.py (CampaignResults: one campaign's groups, numbers, trend, comments),
pages.py (context for pages and the PDF), perspectives.py (staff next to parents),
stats.py (statistics from summed columns), guide.py (the team discussion guide),
comments.py (masking names in open comments).
"""

from .blocks import block_scores, block_trend, closed_campaigns, latest_closed_campaign
from .core import (
    CampaignResults,
    GroupRef,
    GroupResult,
    campaign_for_results,
    clear_memos,
    location_ref,
    organisation_ref,
    results_for,
    role_group_ref,
    team_ref,
)
from .plan import campaign_k, results_ready
from .series import Series, block_series

__all__ = [
    "CampaignResults",
    "GroupRef",
    "GroupResult",
    "Series",
    "block_scores",
    "block_series",
    "block_trend",
    "campaign_for_results",
    "campaign_k",
    "clear_memos",
    "closed_campaigns",
    "latest_closed_campaign",
    "location_ref",
    "organisation_ref",
    "results_for",
    "results_ready",
    "role_group_ref",
    "team_ref",
]
