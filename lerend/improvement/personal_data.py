"""What the improvement cycle holds about a person (see contrib.py): for their own-data
download, and for erasure when they leave an organisation.

Goals, actions, board items and themes are the team's and the organisation's work, not the
person's record: erasure keeps them and removes only the name (the link to the person), so
the team's plan stays whole. Supporting a theme and a seat in the steering group are the
person's own and go."""

from django.db import transaction
from django.db.models import Q

from lerend.kit.contrib import deleted

from .models import (
    Action,
    BoardItem,
    BoardSession,
    DevelopmentTheme,
    Goal,
    SteeringGroupMember,
    ThemeProject,
    ThemeSupport,
    VisionVersion,
)


def _iso(value):
    return value.isoformat() if value else None


def own_data(person) -> dict:
    """Across organisations: goals and actions they own or created, board items they put
    up, themes they proposed or supported, and their seats in steering groups (six
    queries)."""
    goals = Goal.objects.filter(owner=person).select_related("organisation").order_by("id")
    actions = (
        Action.objects.filter(Q(owner=person) | Q(created_by=person))
        .select_related("organisation", "team")
        .order_by("id")
    )
    items = BoardItem.objects.filter(created_by=person).select_related("team").order_by("id")
    themes = (
        DevelopmentTheme.objects.filter(
            Q(proposed_by=person)
            | Q(pk__in=ThemeSupport.objects.filter(person=person).values("theme"))
        )
        .select_related("organisation")
        .order_by("id")
    )
    supported = set(ThemeSupport.objects.filter(person=person).values_list("theme_id", flat=True))
    seats = SteeringGroupMember.objects.filter(person=person).select_related("organisation")
    return {
        "goals_owned": [
            {
                "organisation": g.organisation.name,
                "level": g.level,
                "title": g.title,
                "status": g.status,
                "starts_on": _iso(g.starts_on),
                "ends_on": _iso(g.ends_on),
            }
            for g in goals
        ],
        "actions": [
            {
                "organisation": a.organisation.name,
                "team": a.team.name if a.team_id else None,
                "title": a.title,
                "status": a.status,
                "due_on": _iso(a.due_on),
                "owner": a.owner_id == person.pk,
                "created": a.created_by_id == person.pk,
            }
            for a in actions
        ],
        "board_items": [{"team": i.team.name, "kind": i.kind, "text": i.text} for i in items],
        "themes": [
            {
                "organisation": t.organisation.name,
                "title": t.title,
                "status": t.status,
                "proposed": t.proposed_by_id == person.pk,
                "supported": t.pk in supported,
            }
            for t in themes
        ],
        "steering_groups": [s.organisation.name for s in seats],
    }


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: removes the person's theme support and steering-group seat in
    ``organisation``; unlinks them from goals, actions, board items and sessions, themes,
    theme projects and vision versions there, which stay."""
    org = {"organisation": organisation}
    team_org = {"team__organisation": organisation}
    unnamed = sum(
        (
            Goal.objects.filter(owner=person, **org).update(owner=None),
            Action.objects.filter(owner=person, **org).update(owner=None),
            Action.objects.filter(created_by=person, **org).update(created_by=None),
            BoardItem.objects.filter(created_by=person, **team_org).update(created_by=None),
            BoardSession.objects.filter(created_by=person, **team_org).update(created_by=None),
            DevelopmentTheme.objects.filter(proposed_by=person, **org).update(proposed_by=None),
            DevelopmentTheme.objects.filter(decided_by=person, **org).update(decided_by=None),
            ThemeProject.objects.filter(owner=person, theme__organisation=organisation).update(
                owner=None
            ),
            VisionVersion.objects.filter(created_by=person, **org).update(created_by=None),
            SteeringGroupMember.objects.filter(appointed_by=person, **org).update(
                appointed_by=None
            ),
        )
    )
    return {
        "team_work_unnamed": unnamed,
        "theme_support": deleted(
            ThemeSupport.objects.filter(person=person, theme__organisation=organisation)
        ),
        "steering_group": deleted(SteeringGroupMember.objects.filter(person=person, **org)),
    }


@transaction.atomic
def hand_over(person, organisation, new_owner) -> dict[str, int]:
    """Before erasure, when the beheerder chooses so: ``new_owner`` becomes the owner of
    the goals, actions, board items and theme projects ``person`` owned or made in
    ``organisation``. Side effects: owner and created_by fields."""
    org = {"organisation": organisation}
    return {
        "goals": Goal.objects.filter(owner=person, **org).update(owner=new_owner),
        "actions": Action.objects.filter(owner=person, **org).update(owner=new_owner)
        + Action.objects.filter(created_by=person, **org).update(created_by=new_owner),
        "board_items": BoardItem.objects.filter(
            created_by=person, team__organisation=organisation
        ).update(created_by=new_owner),
        "theme_projects": ThemeProject.objects.filter(
            owner=person, theme__organisation=organisation
        ).update(owner=new_owner),
    }
