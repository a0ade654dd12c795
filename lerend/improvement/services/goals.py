"""Writes of the vision, the goals and the improvement settings. Keyword-only arguments, one
transaction each; every change leaves an audit entry (who, what, when, before -> after)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lerend.organisations.services import diff, record, snapshot

from ..models import (
    Goal,
    ImprovementSettings,
    Level,
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


SETTINGS_FIELDS = ("max_active_goals_per_team", "follow_up_weeks")


def _level_of(location, team) -> str:
    if team is not None:
        return Level.TEAM
    if location is not None:
        return Level.LOCATION
    return Level.ORGANISATION


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


def _check_goal(goal: Goal) -> None:
    parent = goal.supports
    if parent is None:
        return
    parents: dict[str, tuple[str, ...]] = {
        Level.TEAM: (Level.LOCATION, Level.ORGANISATION),
        Level.LOCATION: (Level.ORGANISATION,),
    }
    allowed = parents.get(goal.level, ())
    if parent.organisation_id != goal.organisation_id or parent.level not in allowed:
        raise ValidationError({"supports": _("This goal cannot support that goal.")})
    # A location goal is supported only by a team goal (above), which has a team.
    if parent.level == Level.LOCATION and goal.team and goal.team.location_id != parent.location_id:
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
