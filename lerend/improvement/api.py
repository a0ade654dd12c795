"""Goals and actions in the API: goals are readable by every member (as on the goals
page); actions only on the boards the person may view (``selectors.actions_visible_to``,
the same rule as ``rules.can_view_board``). Both lists are paginated (limit/offset)."""

import datetime

from django.db.models import Q
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from lerend.api.auth import tenant
from lerend.api.schemas import Id, Pages, responses

from . import selectors
from .models import ActionStatus, Goal, GoalStatus, Level

router = Router(tags=["improvement"])


class GoalOut(Schema):
    id: int
    level: str
    location_id: int | None
    team_id: int | None
    title: str
    why: str
    building_blocks: list[str]
    core_value: str
    status: str
    owner: str | None
    starts_on: datetime.date
    ends_on: datetime.date
    indicator: str
    supports_id: int | None

    @staticmethod
    def resolve_owner(goal) -> str | None:
        return goal.owner.name if goal.owner else None


class GoalFilter(Schema):
    level: Level | None = None
    status: GoalStatus | None = None
    location_id: Id | None = None
    team_id: Id | None = None


class ActionOut(Schema):
    id: int
    team_id: int
    location_id: int
    goal_id: int | None
    title: str
    status: str
    owner: str | None
    due_on: datetime.date
    overdue: bool
    building_blocks: list[str]
    pdca_phase: str
    origin: str
    outcome: str
    learned: str

    @staticmethod
    def resolve_owner(action) -> str | None:
        return action.owner.name if action.owner else None

    @staticmethod
    def resolve_location_id(action) -> int:
        return action.team.location_id

    @staticmethod
    def resolve_overdue(action) -> bool:
        return action.is_overdue


class ActionFilter(Schema):
    status: ActionStatus | None = None
    team_id: Id | None = None
    goal_id: Id | None = None


@router.get("/o/{org}/goals", response=responses(list[GoalOut]), summary="Goals at every level")
@paginate(Pages)
def goals(request, org: str, filters: Query[GoalFilter]):
    access = tenant(request, org)
    found = Goal.objects.filter(organisation=access.organisation).select_related("owner")
    if filters.level:
        found = found.filter(level=filters.level)
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.location_id is not None:
        found = found.filter(
            Q(location_id=filters.location_id) | Q(team__location_id=filters.location_id)
        )
    if filters.team_id is not None:
        found = found.filter(team_id=filters.team_id)
    return found.order_by("level", "ends_on", "id")


@router.get(
    "/o/{org}/actions", response=responses(list[ActionOut]), summary="Actions on your boards"
)
@paginate(Pages)
def actions(request, org: str, filters: Query[ActionFilter]):
    access = tenant(request, org)
    found = selectors.actions_visible_to(access).select_related("owner", "team")
    if filters.status:
        found = found.filter(status=filters.status)
    if filters.team_id is not None:
        found = found.filter(team_id=filters.team_id)
    if filters.goal_id is not None:
        found = found.filter(goal_id=filters.goal_id)
    return found.order_by("due_on", "id")
