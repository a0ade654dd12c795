"""Teams, locations, the vision with its versions and core values, and goals with their
cascade. Everything is fetched through the organisation: another organisation's id gives 404."""

from django.db.models import Q
from django.http import Http404

from lerend.kit.contrib import goal_statuses
from lerend.organisations.models import Location, Team

from ..models import (
    ACTIVE_GOAL_STATUSES,
    Goal,
    Level,
    VisionVersion,
)


def team_or_404(organisation, team_id) -> Team:
    team = (
        Team.objects.select_related("location")
        .filter(organisation=organisation, pk=team_id)
        .first()
    )
    if team is None:
        raise Http404
    return team


def location_or_404(organisation, location_id) -> Location:
    location = Location.objects.filter(organisation=organisation, pk=location_id).first()
    if location is None:
        raise Http404
    return location


def goal_or_404(organisation, goal_id) -> Goal:
    goal = (
        Goal.objects.select_related("owner", "team__location", "location", "supports")
        .filter(organisation=organisation, pk=goal_id)
        .first()
    )
    if goal is None:
        raise Http404
    return goal


def current_vision(organisation, *, location=None, team=None) -> VisionVersion | None:
    level = Level.TEAM if team else Level.LOCATION if location else Level.ORGANISATION
    return (
        VisionVersion.objects.filter(
            organisation=organisation, level=level, location=location, team=team
        )
        .select_related("created_by")
        .order_by("-created_at", "-id")
        .first()
    )


def vision_history(organisation, *, location=None, team=None):
    level = Level.TEAM if team else Level.LOCATION if location else Level.ORGANISATION
    return (
        VisionVersion.objects.filter(
            organisation=organisation, level=level, location=location, team=team
        )
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )


def public_vision(organisation) -> VisionVersion | None:
    """The organisation's current vision, but only when its latest version is public."""
    current = current_vision(organisation)
    return current if current is not None and current.is_public else None


def core_values_for(organisation, *, location=None, team=None) -> list[str]:
    """Core values a goal at this level may refer to: the organisation's plus the accents."""
    values = []
    for kwargs in ({}, {"location": location}, {"team": team}):
        if kwargs and next(iter(kwargs.values())) is None:
            continue
        version = current_vision(organisation, **kwargs)
        if version:
            values += [v for v in version.core_value_list if v not in values]
    return values


def _goals(organisation):
    return Goal.objects.filter(organisation=organisation).select_related(
        "owner", "team", "location"
    )


def organisation_goals(organisation):
    return _goals(organisation).filter(level=Level.ORGANISATION)


def location_goals(organisation, location):
    return _goals(organisation).filter(level=Level.LOCATION, location=location)


def team_goals(organisation, team):
    return _goals(organisation).filter(level=Level.TEAM, team=team)


def goals_overview(organisation):
    """All goals, grouped by level, for the overview page (one query)."""
    goals = list(_goals(organisation).order_by("level", "ends_on", "title"))
    return {
        "organisation": [g for g in goals if g.level == Level.ORGANISATION],
        "location": [g for g in goals if g.level == Level.LOCATION],
        "team": [g for g in goals if g.level == Level.TEAM],
    }


def supportable_goals(organisation, *, location=None, team=None):
    """Goals a new goal at this level may support: a location goal supports an organisation
    goal; a team goal supports a goal of its location or of the organisation."""
    if team is not None:
        return _goals(organisation).filter(
            Q(level=Level.ORGANISATION) | Q(level=Level.LOCATION, location=team.location_id)
        )
    if location is not None:
        return _goals(organisation).filter(level=Level.ORGANISATION)
    return Goal.objects.none()


def active_goal_count(team) -> int:
    return Goal.objects.filter(team=team, status__in=ACTIVE_GOAL_STATUSES).count()


def goal_children(goal):
    return goal.supported_by.select_related("team", "location", "owner").order_by("title")


def goal_actions(goal):
    return goal.actions.select_related("owner", "team").order_by("due_on", "id")


def with_measured_status(organisation, *goal_lists):
    """Sets ``goal.measured`` on every goal of the lists: the status computed from its
    indicators (``kit.contrib.MeasuredStatus``, through the ``goal_status`` slot — this app
    does not know who measures), or False when it has none and the hand-set status is the
    one shown. A few queries for any number of goals."""
    goals = [goal for goal_list in goal_lists for goal in goal_list]
    found = goal_statuses(organisation, {goal.pk for goal in goals})
    for goal in goals:
        goal.measured = found.get(goal.pk, False)
