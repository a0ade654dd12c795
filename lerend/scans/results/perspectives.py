"""The difference in perception: leiding, medewerkers and ouders side by side.

Staff and parents answer in separate campaigns with their own instruments, so a results page
of one campaign can set a *counterpart* campaign next to it: a closed campaign of the same
organisation for the other audience (staff <-> parents). The two meet on building blocks: a
dimension of one instrument is compared with the dimensions of the other that measure the
same building block, pooled (sum of scores / number of answers, like every dimension mean).
Both must use a scale with the same number of points.

Columns per level (the *scope* of the page):

* organisation: the role groups across the organisation, and the parents of the organisation;
* location: the role groups within the location, and the parents of that location;
* team: the team as a whole (no role split within a team, see docs/anonymity.md), and the
  parents of that team (the access code of the group or class).

Anonymity: every column is a group of ITS OWN campaign's disclosure plan and is shown only
when that plan shows it. Staff and parents are different people, so no number of one campaign
can be subtracted from a number of the other to isolate anyone; see docs/anonymity.md,
"Comparing campaigns".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from .. import charts
from ..models import Audience, Campaign, RoleGroup
from . import plan
from .core import (
    CampaignResults,
    GroupResult,
    location_ref,
    organisation_ref,
    results_for,
    role_group_ref,
    team_ref,
)
from .stats import add

COUNTERPART_AUDIENCE = {Audience.STAFF: Audience.PARENTS, Audience.PARENTS: Audience.STAFF}
CHOICES_MAX = 12
DEFAULT_WITHIN_DAYS = 366  # a counterpart further away than a year is not proposed by itself
NO_COMPARISON = "geen"


@dataclass(frozen=True)
class Scope:
    """Where a results page looks: the organisation, one location or one team."""

    level: str  # "organisation" | "location" | "team"
    organisation: object
    location: object = None
    team: object = None


@dataclass
class Column:
    label: str
    campaign: Campaign
    visible: bool
    means: dict[str, float | None]  # this page's dimension key -> mean


# --- which campaign to compare with ------------------------------------------------------------


def counterpart_choices(campaign: Campaign) -> list[Campaign]:
    """Closed campaigns of the other audience in the organisation, nearest in time first
    (one query). Empty for pupils' campaigns."""
    audience = COUNTERPART_AUDIENCE.get(campaign.audience)
    if audience is None:
        return []
    found = (
        Campaign.objects.filter(
            organisation_id=campaign.organisation_id,
            audience=audience,
            launched_at__isnull=False,
        )
        .filter(plan.closed_filter())
        .select_related("instrument_version", "organisation")
        .order_by("-opens_on", "-id")[: CHOICES_MAX * 2]
    )
    return sorted(found, key=lambda c: (abs((c.opens_on - campaign.opens_on).days), -c.pk))[
        :CHOICES_MAX
    ]


def chosen_counterpart(campaign: Campaign, choices: list[Campaign], requested: str | None):
    """The campaign the reader asked for (``?vergelijk=<id>``; "geen" for none), or by default
    the nearest one within a year."""
    if requested == NO_COMPARISON:
        return None
    if requested and requested.isdigit():
        return next((c for c in choices if c.pk == int(requested)), None)
    nearest = choices[0] if choices else None
    if nearest and abs((nearest.opens_on - campaign.opens_on).days) <= DEFAULT_WITHIN_DAYS:
        return nearest
    return None


# --- columns -----------------------------------------------------------------------------------


def _role_label(key: str) -> str:
    try:
        return str(RoleGroup(key).label)
    except ValueError:
        return key


def _scope_ref(scope: Scope):
    if scope.level == "team":
        return team_ref(scope.team)
    if scope.level == "location":
        return location_ref(scope.location)
    return organisation_ref(scope.organisation)


def _groups(results: CampaignResults, scope: Scope) -> tuple[list[GroupResult], bool]:
    """The groups one campaign contributes at this scope (each through its own plan), and
    whether leadership and staff were taken together because apart they are not shown."""
    if results.campaign.audience != Audience.STAFF:
        ref = replace(_scope_ref(scope), label=_role_label(RoleGroup.OUDERS))
        return [results.group(ref, items=False)], False
    if scope.level == "team":
        return [results.group(team_ref(scope.team), items=False)], False
    location = scope.location if scope.level == "location" else None
    refs = [role_group_ref(rg, _role_label(rg), location) for rg in results.role_groups]
    groups = results.many(refs, "role_group")
    if len(groups) < 2 or sum(g.visible for g in groups) >= 2:
        return groups, False
    whole = replace(_scope_ref(scope), label=_("Leadership and staff"))
    return [results.group(whole, items=False)], True


def _by_block(group: GroupResult) -> dict[str, float | None]:
    """Block score per building block over the group's dimensions that measure it (the
    mean of the person means of those dimensions: stats.block_score)."""
    pooled: dict[str, list] = {}
    for dimension in group.dimensions:
        if dimension.building_block:
            pooled.setdefault(dimension.building_block, []).append(dimension.counts)
    return {block: add(counts).score for block, counts in pooled.items()}


def _columns(results, counterpart, scope) -> tuple[list[Column], bool]:
    dimensions = results.instrument.dimensions
    groups, merged = _groups(results, scope)
    columns = [
        Column(
            g.ref.label,
            results.campaign,
            g.visible,
            {d.key: d.mean for d in g.dimensions} if g.visible else {},
        )
        for g in groups
    ]
    if counterpart is not None:
        groups, other_merged = _groups(counterpart, scope)
        merged = merged or other_merged
        for g in groups:
            blocks = _by_block(g) if g.visible else {}
            means = {d.key: blocks.get(d.building_block) for d in dimensions if d.building_block}
            columns.append(Column(g.ref.label, counterpart.campaign, g.visible, means))
    return columns, merged


def comparable(results: CampaignResults, other: CampaignResults) -> bool:
    """Same number of scale points, and at least one building block measured by both."""
    if results.scale.points != other.scale.points:
        return False
    mine = {d.building_block for d in results.instrument.dimensions if d.building_block}
    theirs = {d.building_block for d in other.instrument.dimensions if d.building_block}
    return bool(mine & theirs)


def perception(results: CampaignResults, scope: Scope, counterpart: CampaignResults | None):
    """Context for the "difference in perception" section: rows are this campaign's
    dimensions with at least two shown values, columns the shown groups of both campaigns."""
    incomparable = counterpart is not None and not comparable(results, counterpart)
    if counterpart is not None and (incomparable or not counterpart.is_ready):
        counterpart = None
    columns, merged = _columns(results, counterpart, scope)
    shown = [c for c in columns if c.visible]
    rows = []
    for dimension in results.instrument.dimensions:
        values = [c.means.get(dimension.key) for c in shown]
        present = [v for v in values if v is not None]
        if len(present) >= 2:
            rows.append((str(dimension.name), values, max(present) - min(present)))
    labels = [c.label for c in shown]
    context = {
        "columns": columns,
        "shown_labels": labels,
        "hidden": [c.label for c in columns if not c.visible],
        "counterpart": counterpart.campaign if counterpart else None,
        "incomparable": incomparable,
        "merged": merged,
        "rows": [
            {
                "label": label,
                "cells": [charts.fmt(v) for v in values],
                "gap": charts.fmt(gap),
            }
            for label, values, gap in rows
        ],
        "svg": None,
    }
    if rows:
        context["svg"] = charts.gap(
            [(label, values) for label, values, _gap in rows],
            labels,
            title=_("Difference in perception"),
        )
    return context


def perception_context(request, results: CampaignResults, scope: Scope) -> dict:
    """The section plus the choice of counterpart campaign (``?vergelijk=``)."""
    choices = counterpart_choices(results.campaign)
    chosen = chosen_counterpart(results.campaign, choices, request.GET.get("vergelijk"))
    counterpart = results_for(request, chosen) if chosen else None
    context = perception(results, scope, counterpart)
    context["choices"] = choices
    context["chosen"] = chosen
    context["none_value"] = NO_COMPARISON
    context["counterpart_audience"] = COUNTERPART_AUDIENCE.get(results.campaign.audience)
    context["counterpart_is_parents"] = context["counterpart_audience"] == Audience.PARENTS
    return {"perception": context}
