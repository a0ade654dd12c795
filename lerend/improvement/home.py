"""The home card "Your team's board" (see contrib.py): for each of the person's own teams the
next board session, the open actions, and — for whoever leads the team — the finished
actions whose "Did it work?" is still unanswered. Two queries whatever the number of teams."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from lerend.kit.contrib import Widget
from lerend.organisations.models import Role, Team

from .models import ActionStatus, TeamBoard

# A team whose board was never planned meets on the default (TeamBoard's defaults).
DEFAULT_BOARD = TeamBoard()
MAX_TEAMS = 6


def next_session(board: TeamBoard, today: datetime.date) -> datetime.date:
    """The next day the board meets: today when it is the board's weekday."""
    return today + datetime.timedelta(days=(board.weekday - today.weekday()) % 7)


def widgets_for(request) -> list[Widget]:
    access = request.access
    if not access.team_ids:
        return []
    today = timezone.localdate()
    led = {m.team_id for m in access.memberships if m.role == Role.TEAMLEIDER and m.team_id}
    teams = list(
        Team.objects.filter(pk__in=access.team_ids)
        .annotate(
            open_actions=Count("actions", filter=~Q(actions__status=ActionStatus.DONE)),
            awaiting=Count(
                "actions",
                filter=Q(actions__follow_up_asked_on__isnull=False, actions__outcome=""),
            ),
        )
        .order_by("name")[:MAX_TEAMS]
    )
    boards = {b.team_id: b for b in TeamBoard.objects.filter(team__in=teams)}
    rows = []
    for team in teams:
        board = boards.get(team.pk, DEFAULT_BOARD)
        rows.append(
            {
                "team": team,
                "next": next_session(board, today),
                "starts_at": board.starts_at,
                "open_actions": team.open_actions,
                "awaiting": team.awaiting if team.pk in led else None,
            }
        )
    return [Widget(20, "improvement/_home_board.html", {"rows": rows})]
