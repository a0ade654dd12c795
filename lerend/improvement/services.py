"""Every write of the improvement cycle. Keyword-only arguments, one transaction each;
vision, goal and settings changes leave an audit entry (who, what, when, before -> after)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.tokens import new_token
from lerend.organisations.services import diff, record, snapshot

from .models import (
    Action,
    ActionStatus,
    BoardItem,
    BoardSession,
    Goal,
    ImprovementSettings,
    Level,
    TeamBoard,
    VisionVersion,
)

GOAL_FIELDS = (
    "title",
    "why",
    "building_blocks",
    "core_value",
    "owner",
    "starts_on",
    "ends_on",
    "indicator",
    "status",
    "supports",
)
ACTION_FIELDS = ("title", "owner", "due_on", "goal", "building_blocks", "pdca_phase", "origin")
SETTINGS_FIELDS = ("max_active_goals_per_team", "follow_up_weeks")


class StaleAction(Exception):
    """Someone else moved or changed the action since this person loaded the board."""


def _level_of(location, team) -> str:
    if team is not None:
        return Level.TEAM
    if location is not None:
        return Level.LOCATION
    return Level.ORGANISATION


# --- settings ------------------------------------------------------------------------------


def settings_for(organisation) -> ImprovementSettings:
    """The organisation's settings, created with defaults on first use.

    Side effects: may create an ImprovementSettings row."""
    found, _created = ImprovementSettings.objects.get_or_create(organisation=organisation)
    return found


@transaction.atomic
def update_settings(*, organisation, actor, **values) -> ImprovementSettings:
    """Side effects: updates ImprovementSettings; audit entry ``improvement.settings``."""
    current = settings_for(organisation)
    before = snapshot(current, SETTINGS_FIELDS)
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    old, new = diff(before, snapshot(current, SETTINGS_FIELDS))
    if new:
        record(
            organisation=organisation,
            actor=actor,
            action="improvement.settings",
            target=current,
            before=old,
            after=new,
        )
    return current


# --- vision --------------------------------------------------------------------------------


@transaction.atomic
def save_vision(
    *, organisation, actor, location=None, team=None, vision, mission, core_values, is_public=False
) -> VisionVersion:
    """Save a new version of the vision at one level (organisation, a location's accent or
    a team's accent). Earlier versions stay as history. Only the organisation's vision can
    be public.

    Side effects: creates a VisionVersion; audit entry ``vision.update``."""
    level = _level_of(location, team)
    previous = (
        VisionVersion.objects.filter(
            organisation=organisation, level=level, location=location, team=team
        )
        .order_by("-created_at", "-id")
        .first()
    )
    version = VisionVersion(
        organisation=organisation,
        level=level,
        location=location,
        team=team,
        vision=vision.strip(),
        mission=mission.strip(),
        core_values="\n".join(v.strip() for v in core_values.splitlines() if v.strip()),
        is_public=bool(is_public) and level == Level.ORGANISATION,
        created_by=actor,
    )
    version.full_clean()
    version.save()
    fields = ("vision", "mission", "core_values", "is_public")
    before = snapshot(previous, fields) if previous else {}
    old, new = diff(before, snapshot(version, fields))
    record(
        organisation=organisation,
        actor=actor,
        action="vision.update",
        target=team or location or organisation,
        before=old,
        after=new,
    )
    return version


# --- goals ---------------------------------------------------------------------------------


def _check_goal(goal: Goal) -> None:
    parent = goal.supports
    if parent is None:
        return
    allowed = {
        Level.TEAM: (Level.LOCATION, Level.ORGANISATION),
        Level.LOCATION: (Level.ORGANISATION,),
    }.get(goal.level, ())
    if parent.organisation_id != goal.organisation_id or parent.level not in allowed:
        raise ValidationError({"supports": _("This goal cannot support that goal.")})
    if parent.level == Level.LOCATION and goal.team.location_id != parent.location_id:
        raise ValidationError({"supports": _("A team supports goals of its own location.")})


@transaction.atomic
def create_goal(*, organisation, actor, location=None, team=None, **values) -> Goal:
    """Side effects: creates a Goal; audit entry ``goal.create``."""
    goal = Goal(
        organisation=organisation, level=_level_of(location, team), location=location, team=team
    )
    for name, value in values.items():
        setattr(goal, name, value)
    if goal.owner is None:
        raise ValidationError({"owner": _("Choose who owns this goal.")})
    goal.full_clean()
    _check_goal(goal)
    goal.save()
    record(
        organisation=organisation,
        actor=actor,
        action="goal.create",
        target=goal,
        after=snapshot(goal, GOAL_FIELDS),
    )
    return goal


@transaction.atomic
def update_goal(*, goal, actor, **values) -> Goal:
    """Side effects: updates the Goal; audit entry ``goal.update`` with what changed."""
    before = snapshot(goal, GOAL_FIELDS)
    for name, value in values.items():
        setattr(goal, name, value)
    goal.full_clean()
    _check_goal(goal)
    goal.save()
    old, new = diff(before, snapshot(goal, GOAL_FIELDS))
    if new:
        record(
            organisation=goal.organisation,
            actor=actor,
            action="goal.update",
            target=goal,
            before=old,
            after=new,
        )
    return goal


# --- actions -------------------------------------------------------------------------------


@transaction.atomic
def create_action(*, organisation, actor, team, **values) -> Action:
    """Side effects: creates an Action in the "to do" column."""
    if team.organisation_id != organisation.id:
        raise ValidationError({"team": _("Unknown team.")})
    action = Action(organisation=organisation, team=team, created_by=actor)
    for name, value in values.items():
        setattr(action, name, value)
    if action.owner is None:
        raise ValidationError({"owner": _("Every action needs an owner: choose who does it.")})
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def update_action(*, action, actor, version, **values) -> Action:
    """Side effects: updates the Action and raises its version; ``StaleAction`` when someone
    changed it since ``version`` was read."""
    if action.owner is None and values.get("owner") is None:
        raise ValidationError({"owner": _("Every action needs an owner: choose who does it.")})
    for name, value in values.items():
        setattr(action, name, value)
    action.full_clean()
    changed = Action.objects.filter(pk=action.pk, version=version).update(
        **{name: getattr(action, name) for name in values}, version=F("version") + 1
    )
    if not changed:
        raise StaleAction
    action.refresh_from_db()
    return action


@transaction.atomic
def move_action(*, action, actor, status, version) -> Action:
    """Put the action in another column. The conditional update is the whole concurrency
    story: of two people moving the same card from the same version, one wins and the other
    gets ``StaleAction`` — the card is never half-moved.

    Side effects: updates status and version of the Action."""
    if status not in ActionStatus.values:
        raise ValidationError(_("Unknown column."))
    changed = Action.objects.filter(pk=action.pk, version=version).update(
        status=status, version=F("version") + 1
    )
    if not changed:
        raise StaleAction
    action.refresh_from_db()
    return action


@transaction.atomic
def answer_follow_up(*, action, actor, outcome, learned) -> Action:
    """Side effects: stores the answer to "Did it work?" on the Action."""
    action.outcome = outcome
    action.learned = learned.strip()
    action.outcome_at = timezone.now()
    action.full_clean()
    Action.objects.filter(pk=action.pk).update(
        outcome=action.outcome, learned=action.learned, outcome_at=action.outcome_at
    )
    return action


# --- board -----------------------------------------------------------------------------


def board_for(team) -> TeamBoard:
    """The team's board settings, created on first use. Side effects: may create a row."""
    found, _created = TeamBoard.objects.get_or_create(team=team)
    return found


@transaction.atomic
def add_board_item(*, team, actor, kind, text) -> BoardItem:
    """Side effects: creates a BoardItem."""
    item = BoardItem(team=team, kind=kind, text=text.strip(), created_by=actor)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def close_board_item(*, item, actor) -> BoardItem:
    """Take an item off the board (a problem taken up, a success celebrated).

    Side effects: sets ``closed_at``."""
    if item.closed_at is None:
        item.closed_at = timezone.now()
        item.save(update_fields=["closed_at"])
    return item


@transaction.atomic
def save_session_notes(*, team, actor, notes, held_on=None) -> BoardSession:
    """Side effects: creates a BoardSession (the history of the team's sessions)."""
    session = BoardSession(
        team=team, notes=notes.strip(), created_by=actor, held_on=held_on or timezone.localdate()
    )
    session.full_clean()
    session.save()
    return session


def _snap_board(board, fields) -> dict:
    # A time of day is not JSON; the audit log shows it as text.
    return {
        k: v.isoformat() if hasattr(v, "isoformat") else v
        for k, v in snapshot(board, fields).items()
    }


@transaction.atomic
def update_schedule(*, team, actor, **values) -> TeamBoard:
    """Side effects: updates the TeamBoard; audit entry ``board.schedule``."""
    board = board_for(team)
    fields = ("weekday", "starts_at", "duration_minutes", "place")
    before = _snap_board(board, fields)
    for name, value in values.items():
        setattr(board, name, value)
    board.full_clean()
    board.save()
    old, new = diff(before, _snap_board(board, fields))
    if new:
        record(
            organisation=team.organisation,
            actor=actor,
            action="board.schedule",
            target=team,
            before=old,
            after=new,
        )
    return board


@transaction.atomic
def regenerate_feed_token(*, team, actor) -> TeamBoard:
    """A new secret for the calendar link; the old link stops working at once.

    Side effects: updates the TeamBoard; audit entry ``board.feed_token``."""
    board = board_for(team)
    board.feed_token = new_token(24)
    board.save(update_fields=["feed_token"])
    record(organisation=team.organisation, actor=actor, action="board.feed_token", target=team)
    return board
