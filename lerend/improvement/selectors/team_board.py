"""The team board (bordsessie): its actions and items, sessions, the calendar feed and the
follow-up question "did it work?"."""

import datetime

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from lerend.kit.tokens import hash_token
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Role, Scope

from ..models import (
    ACTIVE_GOAL_STATUSES,
    Action,
    ActionStatus,
    BoardItem,
    BoardSession,
    Goal,
    ItemKind,
    TeamBoard,
)

ANSWER_SHOWN = datetime.timedelta(days=28)


def action_or_404(organisation, action_id) -> Action:
    action = (
        Action.objects.select_related("team__location", "owner", "goal")
        .filter(organisation=organisation, pk=action_id)
        .first()
    )
    if action is None:
        raise Http404
    return action


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
    return (
        TeamBoard.objects.select_related("team").filter(feed_token_hash=hash_token(token)).first()
    )


def open_follow_ups(organisation, person):
    """Done actions whose owner was asked "Did it work?" and has not answered yet (an
    action still to do, or back in progress, is not asked)."""
    return (
        Action.objects.filter(
            organisation=organisation,
            owner=person,
            status=ActionStatus.DONE,
            follow_up_asked_on__isnull=False,
            outcome="",
        )
        .select_related("team")
        .order_by("due_on", "id")
    )


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
