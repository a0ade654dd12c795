"""Reads for indicators: what a person may see, the series behind each, and the status."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Max, OuterRef, Q, Subquery
from django.http import Http404

from lerend.organisations.models import Scope

from .. import disclosure, rules, status
from ..models import (
    WELLBEING_THRESHOLD_DEFAULT,
    CheckIn,
    Direction,
    Indicator,
    IndicatorLink,
    Level,
    LinkKind,
    MonitoringSettings,
)


def threshold(organisation) -> int:
    """The organisation's minimum of observed children per group (default 10). One query."""
    found = (
        MonitoringSettings.objects.filter(organisation=organisation)
        .values_list("wellbeing_threshold", flat=True)
        .first()
    )
    return found or WELLBEING_THRESHOLD_DEFAULT


def settings_for(organisation) -> MonitoringSettings:
    found = MonitoringSettings.objects.filter(organisation=organisation).first()
    return found or MonitoringSettings(organisation=organisation)


def _covered(access):
    """(whole organisation?, location ids, team ids) a person may read at location and team
    level: where they work, and what their leader or coach memberships cover."""
    if access.covers_organisation(roles=rules.COVER_ROLES):
        return True, set(), set()
    locations = set(access.location_ids)
    covered_locations = {
        m.location_id
        for m in access.memberships
        if m.scope == Scope.LOCATION and m.role in rules.COVER_ROLES
    }
    teams = set(access.team_ids)
    return False, locations | covered_locations, (teams, covered_locations)


def visible_q(access, prefix: str = "") -> Q:
    """Filter on Indicator (or a model reaching it through ``prefix``) for what ``access`` may
    read: the same answer as ``rules.can_view_indicator``, in the database."""
    everything, locations, teams = _covered(access)
    if everything:
        return Q()
    own_teams, covered_locations = teams
    p = prefix
    return (
        Q(**{f"{p}level": Level.ORGANISATION})
        | Q(**{f"{p}level": Level.LOCATION, f"{p}location_id__in": locations})
        | Q(**{f"{p}level": Level.TEAM, f"{p}team_id__in": own_teams})
        | Q(**{f"{p}level": Level.TEAM, f"{p}team__location_id__in": covered_locations})
    )


@dataclass
class Point:
    measured_on: datetime.date
    value: Decimal


def _points(indicator_ids) -> dict[int, list[Point]]:
    """Indicator id -> its headline series (oldest first): per day the value, or the mean over
    the groups for imported group results. One query."""
    rows = (
        CheckIn.objects.filter(indicator_id__in=list(indicator_ids))
        .values("indicator_id", "measured_on")
        .annotate(value=Avg("value"))
        .order_by("indicator_id", "measured_on")
    )
    found: dict[int, list[Point]] = {}
    for row in rows:
        value = Decimal(str(row["value"])).quantize(Decimal("0.01"))
        found.setdefault(row["indicator_id"], []).append(Point(row["measured_on"], value))
    return found


def status_of(indicator, points: list[Point]) -> str:
    latest = points[-1] if points else None
    return status.compute(
        baseline=indicator.baseline,
        target=indicator.target,
        higher=indicator.direction == Direction.HIGHER,
        value=latest.value if latest else None,
        measured_on=latest.measured_on if latest else None,
        baseline_on=indicator.baseline_on,
        target_on=indicator.target_on,
    )


def _with_status(indicators: list) -> list:
    points = _points(i.pk for i in indicators)
    for indicator in indicators:
        indicator.points = points.get(indicator.pk, [])
        indicator.latest = indicator.points[-1] if indicator.points else None
        indicator.status = status_of(indicator, indicator.points)
        indicator.status_label = status.Status(indicator.status).label
    return indicators


def _latest_day(ref="pk"):
    return (
        CheckIn.objects.filter(indicator=OuterRef(ref))
        .order_by("-measured_on")
        .values("measured_on")[:1]
    )


def with_latest(queryset):
    """Each indicator with ``latest_on`` and ``latest_value`` (the mean over the groups on
    that day) as correlated subqueries: one query for a page of any length, without reading
    the series."""
    value = (
        CheckIn.objects.filter(
            indicator=OuterRef("pk"), measured_on=Subquery(_latest_day("indicator"))
        )
        .values("indicator")
        .annotate(mean=Avg("value"))
        .values("mean")
    )
    return queryset.annotate(latest_on=Subquery(_latest_day()), latest_value=Subquery(value))


def set_latest_status(indicators: list) -> list:
    """Status from ``with_latest``'s annotations; no query."""
    for indicator in indicators:
        indicator.latest = None
        if indicator.latest_on is not None:
            value = Decimal(str(indicator.latest_value)).quantize(Decimal("0.01"))
            indicator.latest = Point(indicator.latest_on, value)
        indicator.status = status_of(indicator, [indicator.latest] if indicator.latest else [])
        indicator.status_label = status.Status(indicator.status).label
    return indicators


def visible_indicators(access, *, archived: bool = False):
    """The queryset of indicators this person may read, with the latest value annotated."""
    return with_latest(
        Indicator.objects.filter(visible_q(access), organisation=access.organisation)
        .filter(archived=archived)
        .select_related("location", "team", "owner")
        .order_by("kind", "level", "title", "id")
    )


def indicators_visible_to(access, *, archived: bool = False) -> list:
    """Indicators this person may read, each with ``points``, ``latest`` and ``status``. Two
    queries, whatever the number of indicators."""
    found = (
        Indicator.objects.filter(visible_q(access), organisation=access.organisation)
        .filter(archived=archived)
        .select_related("location", "team", "owner")
        .order_by("level", "title", "id")
    )
    return _with_status(list(found))


def indicator_in_organisation(access, indicator_id) -> Indicator:
    """The page's loader: another organisation's indicator is 404; whether this person may
    read it is the declared rule's question (``rules.can_view_indicator``)."""
    indicator = (
        Indicator.objects.filter(organisation=access.organisation, pk=indicator_id)
        .select_related("location", "team", "owner", "organisation")
        .first()
    )
    if indicator is None:
        raise Http404
    return _with_status([indicator])[0]


def indicator_for_viewer(access, indicator_id) -> Indicator:
    """Another organisation's indicator is 404; one this person may not read, 403."""
    indicator = indicator_in_organisation(access, indicator_id)
    if not rules.can_view_indicator(access, indicator):
        raise PermissionDenied
    return indicator


def check_ins(indicator):
    """The check-ins without a group (by hand or computed), newest first."""
    return (
        indicator.check_ins.filter(team__isnull=True)
        .select_related("created_by")
        .order_by("-measured_on", "-id")
    )


def group_results(access, indicator, k: int) -> dict:
    """Imported group results of the latest import date, only for the groups this person may
    see, each hidden below ``k`` children. Never sorted by value: by group name."""
    latest = indicator.check_ins.filter(team__isnull=False).aggregate(day=Max("measured_on"))["day"]
    if latest is None:
        return {"day": None, "rows": []}
    rows = []
    for check_in in (
        indicator.check_ins.filter(team__isnull=False, measured_on=latest)
        .select_related("team__location")
        .order_by("team__location__name", "team__name")
    ):
        if not rules.can_view_group(access, check_in.team):
            continue
        visible = disclosure.group_visible(check_in.children, k)
        rows.append(
            {
                "team": check_in.team,
                "visible": visible,
                "value": check_in.value if visible else None,
                "children": check_in.children if visible else None,
            }
        )
    return {"day": latest, "rows": rows}


def links_of(indicator) -> dict[str, list[int]]:
    links: dict[str, list[int]] = {LinkKind.GOAL: [], LinkKind.THEME: []}
    for kind, target_id in indicator.links.values_list("kind", "target_id"):
        links[kind].append(target_id)
    return links


def statuses_for_goals(organisation, goal_ids) -> dict[int, list[dict]]:
    """For improvement's goal pages: goal id -> the indicators linked to it with their computed
    status (``{"indicator", "status", "label"}``). Three queries whatever the number of goals.

    A goal shows the status of its indicators instead of a hand-set one: on its page as a
    badge per indicator, and as the goal's own status the worst of them (behind before on
    track before reached; a goal without measured indicators keeps its own)."""
    links = list(
        IndicatorLink.objects.filter(
            kind=LinkKind.GOAL,
            target_id__in=list(goal_ids),
            indicator__organisation=organisation,
            indicator__archived=False,
        ).values_list("target_id", "indicator_id")
    )
    indicators = {
        i.pk: i
        for i in _with_status(
            list(Indicator.objects.filter(pk__in={pk for _goal, pk in links}).order_by("title"))
        )
    }
    found: dict[int, list[dict]] = {}
    for goal_id, pk in links:
        indicator = indicators[pk]
        found.setdefault(goal_id, []).append(
            {"indicator": indicator, "status": indicator.status, "label": indicator.status_label}
        )
    return found


def indicators_for_goal(organisation, goal_id) -> list:
    ids = IndicatorLink.objects.filter(kind=LinkKind.GOAL, target_id=goal_id).values("indicator_id")
    found = Indicator.objects.filter(organisation=organisation, pk__in=ids, archived=False)
    return _with_status(list(found.select_related("team", "location").order_by("title")))
