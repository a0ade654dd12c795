"""Reads of the improvement cycle. Everything is fetched through the organisation, so an id
of another organisation gives 404 — never another tenant's row."""

import datetime

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Location, Role, Scope, Team

from .models import (
    ACTIVE_GOAL_STATUSES,
    Action,
    ActionStatus,
    BoardItem,
    BoardSession,
    Goal,
    ItemKind,
    Level,
    TeamBoard,
    VisionVersion,
)

ANSWER_SHOWN = datetime.timedelta(days=28)


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


def action_or_404(organisation, action_id) -> Action:
    action = (
        Action.objects.select_related("team__location", "owner", "goal")
        .filter(organisation=organisation, pk=action_id)
        .first()
    )
    if action is None:
        raise Http404
    return action


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


def board(team) -> dict:
    """Everything a board shows, in a fixed number of queries whatever the amount."""
    actions = list(
        Action.objects.filter(team=team)
        # Answered and done for four weeks: it has had its moment on the board.
        .exclude(status=ActionStatus.DONE, outcome_at__lt=timezone.now() - ANSWER_SHOWN)
        .select_related("owner", "goal")
        .order_by("due_on", "id")
    )
    items = list(BoardItem.objects.filter(team=team, closed_at__isnull=True))
    goals = list(
        Goal.objects.filter(team=team, status__in=ACTIVE_GOAL_STATUSES)
        .select_related("owner", "supports")
        .annotate(open_actions=Count("actions", filter=~Q(actions__status=ActionStatus.DONE)))
        .order_by("ends_on", "title")
    )
    return {
        "goals": goals,
        "columns": [
            {
                "status": status,
                "label": status.label,
                "actions": [a for a in actions if a.status == status],
            }
            for status in ActionStatus
        ],
        "answered": [a for a in actions if a.outcome],
        "agreements": [i for i in items if i.kind == ItemKind.AGREEMENT],
        "successes": [i for i in items if i.kind == ItemKind.SUCCESS],
        "problems": [i for i in items if i.kind == ItemKind.PROBLEM],
        "last_session": BoardSession.objects.filter(team=team).first(),
    }


def sessions(team):
    return BoardSession.objects.filter(team=team).select_related("created_by")


def board_by_token(token: str) -> TeamBoard | None:
    if not token:
        return None
    return TeamBoard.objects.select_related("team").filter(feed_token=token).first()


def open_follow_ups(organisation, person):
    """Actions whose owner was asked "Did it work?" and has not answered yet."""
    return (
        Action.objects.filter(
            organisation=organisation, owner=person, follow_up_asked_on__isnull=False, outcome=""
        )
        .select_related("team")
        .order_by("due_on", "id")
    )


def board_teams(access):
    """Teams whose board this person works on directly (their own teams)."""
    return Team.objects.filter(organisation=access.organisation, pk__in=access.team_ids)


def actions_visible_to(access):
    """Actions on every board this person may view (``rules.can_view_board``) in one
    filter: their own teams, the teams of locations they lead or coach, or all of them for
    an organisation-wide leader or coach."""
    roles = {*LEADER_ROLES, Role.COACH}
    actions = Action.objects.filter(organisation=access.organisation)
    if access.covers_organisation(roles):
        return actions
    locations = {
        m.location_id for m in access.memberships if m.role in roles and m.scope == Scope.LOCATION
    }
    return actions.filter(Q(team_id__in=access.team_ids) | Q(team__location_id__in=locations))
