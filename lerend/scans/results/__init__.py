"""Scan results: the read model behind every anonymous scan number (see plan.py).

Other apps use only what is exported here (never ``scans.models`` or the disclosure core
for scan numbers):

* ``block_scores``, ``block_trend``, ``latest_closed_campaign``, ``closed_campaigns``
  (blocks.py) — building-block scores for advice and dashboards;
* ``levels`` (levels.py) — THE rule for "low", "strong" and "begin hier" of a score, for
  the report, the advice, the dashboard and the steering view alike;
* ``block_score`` (stats.py) — THE definition of a block score (the mean of person means);
* ``block_series``, ``Series`` (series.py) — block means of the organisation, locations and
  teams over every round of each instrument series, for the steering view;
* ``campaign_k``, ``results_ready`` (plan.py) — the campaign's threshold and whether its
  results may be shown;
* ``Group``, ``Disclosure``, ``plan_small_groups`` — the one gate's core for another app's
  own small-group numbers (children's well-being per group), with that app's range of k.
* ``SmallGroup``, ``plan_groups`` (gate.py) — the same disclosure rule for other
  apps' own small-group numbers (advice networks, partner pulses).

Inside scans: core.py (CampaignResults: one campaign's groups, numbers, trend, comments),
pages.py (context for pages and the PDF), perspectives.py (staff next to parents),
stats.py (statistics from summed columns), guide.py (the team discussion guide),
comments.py (masking names in open comments).
"""

from ..disclosure import Disclosure, Group, plan_small_groups
from . import levels
from .blocks import (
    block_scores,
    block_trend,
    closed_campaigns,
    group_block_scores,
    latest_closed_campaign,
)
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
from .gate import SmallGroup, plan_groups
from .plan import campaign_k, results_ready
from .series import Series, block_series
from .stats import block_score

__all__ = [
    "CampaignResults",
    "Disclosure",
    "Group",
    "GroupRef",
    "GroupResult",
    "SmallGroup",
    "plan_groups",
    "block_score",
    "Series",
    "block_scores",
    "block_series",
    "block_trend",
    "campaign_for_results",
    "campaign_k",
    "clear_memos",
    "closed_campaigns",
    "group_block_scores",
    "latest_closed_campaign",
    "levels",
    "location_ref",
    "organisation_ref",
    "plan_small_groups",
    "results_for",
    "results_ready",
    "role_group_ref",
    "team_ref",
]
