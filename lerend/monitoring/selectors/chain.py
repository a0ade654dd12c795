"""The chain from learning to children for one goal, framed by Guskey's five levels of PD
evaluation: reaction, learning, organisational support, use, outcomes for children.

Everything is a count or share over the goal's scope (its team, its location or the whole
organisation) in the current year, taken from ``sources`` (which keeps the owning apps'
minimums) and from the well-being profiles (which keep this app's threshold). It shows
association over small numbers — the page says so — never proof, and never a person.
"""

from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from lerend.frameworks.registry import block
from lerend.kit.contrib import offer

from .. import disclosure, sources
from ..models import WellbeingRound
from . import indicators as indicator_selectors

SUPPORT_BLOCKS = ("pedagogisch-leiderschap", "structuur", "cultuur")


def area_of(goal) -> sources.Area:
    return sources.Area(goal.organisation, location=goal.location, team=goal.team)


def wellbeing_in_scope(area, k: int) -> dict:
    """Over the latest round of each group in scope that reaches the threshold: how many
    groups, and the share of observations at 4–5 per scale, pooled. Groups below the
    threshold are left out entirely. One query (only the latest rounds are aggregated)."""
    latest = (
        WellbeingRound.objects.filter(team=OuterRef("team"))
        .order_by("-first_on", "-id")
        .values("pk")[:1]
    )
    rounds = WellbeingRound.objects.filter(organisation=area.organisation, pk=Subquery(latest))
    if area.team is not None:
        rounds = rounds.filter(team=area.team)
    elif area.location is not None:
        rounds = rounds.filter(team__location=area.location)
    rounds = rounds.annotate(
        n_children=Count("scores__child", distinct=True),
        n_obs=Count("scores"),
        wb_high=Count("scores", filter=Q(scores__wellbeing__gte=4)),
        inv_high=Count("scores", filter=Q(scores__involvement__gte=4)),
    ).order_by()
    observed = [r for r in rounds if r.n_obs]
    visible = disclosure.visible_groups({r.pk: r.n_children for r in observed}, k)
    shown = [r for r in observed if r.pk in visible]
    obs = sum(r.n_obs for r in shown)
    if not shown:
        return {"groups": 0, "wellbeing_high": None, "involvement_high": None}
    return {
        "groups": len(shown),
        "wellbeing_high": Decimal(100 * sum(r.wb_high for r in shown) / obs).quantize(
            Decimal("0.1")
        ),
        "involvement_high": Decimal(100 * sum(r.inv_high for r in shown) / obs).quantize(
            Decimal("0.1")
        ),
    }


def rubric_trend(area) -> list[dict]:
    """What visits and observations saw over time: collaboration's gated aggregate of its
    rubric scores per half-year and domain (offered as ``rubric_trend``; never per person,
    a half-year only with at least the organisation's k observed people). Empty without a
    collaboration app."""
    trend = offer("rubric_trend")
    if trend is None:
        return []
    k = area.organisation.anonymity_threshold
    return trend(area.organisation, sources.team_ids(area), k=k)


def chain_for(goal) -> dict:
    area = area_of(goal)
    year = timezone.localdate().year
    k = indicator_selectors.threshold(goal.organisation)
    applied = sources.applied_counts(area, year)
    scan = sources.scan_blocks(area, SUPPORT_BLOCKS)
    indicators = indicator_selectors.indicators_for_goal(goal.organisation, goal.pk)
    return {
        "year": year,
        "threshold": k,
        "attended": sources.attended_count(area, year),
        "pop_share": sources.pop_share(area, year),
        "board_sessions": int(sources.board_sessions(area, year)),
        "scan": [(block(key).name, value) for key, value in scan.items()],
        "applied": applied if applied["total"] >= sources.MIN_APPLIED_ANSWERS else None,
        "applied_share": sources.applied_share(area, year),
        "visits": int(sources.visits_held(area, year)),
        "rubric_trend": rubric_trend(area),
        "wellbeing": wellbeing_in_scope(area, k),
        "process_indicators": [i for i in indicators if i.kind == "proces"],
        "outcome_indicators": [i for i in indicators if i.kind == "uitkomst"],
    }
