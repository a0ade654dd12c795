"""Reads for the organisation dashboard and the exports. Each is a fixed number of grouped
queries, whatever the number of teams, goals or actions; ``location_ids`` (None = the whole
organisation) limits a locatiemanager to the own locations."""

from django.db.models import Count, Q
from django.utils import timezone

from lerend.organisations.models import Location, Team

from ..models import Action, ActionStatus, BoardItem, Goal, GoalStatus, ItemKind, Outcome


def _goals(organisation, location_ids):
    goals = Goal.objects.filter(organisation=organisation)
    if location_ids is not None:
        goals = goals.filter(Q(location__in=location_ids) | Q(team__location__in=location_ids))
    return goals


def _actions(organisation, location_ids):
    actions = Action.objects.filter(organisation=organisation)
    if location_ids is not None:
        actions = actions.filter(team__location__in=location_ids)
    return actions


def goals_by_status(organisation, location_ids=None) -> list[dict]:
    counts = dict(
        _goals(organisation, location_ids).order_by().values_list("status").annotate(n=Count("id"))
    )
    return [
        {"status": s.value, "label": str(s.label), "count": counts.get(s.value, 0)}
        for s in GoalStatus
    ]


def actions_per_team(organisation, location_ids=None) -> list:
    today = timezone.localdate()
    teams = Team.objects.filter(organisation=organisation).select_related("location")
    if location_ids is not None:
        teams = teams.filter(location__in=location_ids)
    not_done = ~Q(actions__status=ActionStatus.DONE)
    return list(
        teams.annotate(
            total=Count("actions", distinct=True),
            done=Count("actions", filter=Q(actions__status=ActionStatus.DONE), distinct=True),
            overdue=Count("actions", filter=not_done & Q(actions__due_on__lt=today), distinct=True),
        ).order_by("location__name", "name")
    )


def follow_up_outcomes(organisation, location_ids=None) -> dict:
    """How the answered "Did it work?" questions came out: the count per answer (a "partly"
    is its own answer, never folded into "did not work"); ``share_worked`` counts yes only."""
    counts = dict(
        _actions(organisation, location_ids)
        .exclude(outcome="")
        .order_by()
        .values_list("outcome")
        .annotate(n=Count("id"))
    )
    total = sum(counts.values())
    rows = [
        {"outcome": o.value, "label": str(o.label), "count": counts.get(o.value, 0)}
        for o in Outcome
    ]
    worked = counts.get(Outcome.YES, 0)
    return {
        "rows": rows,
        "total": total,
        "worked": worked,
        "partly": counts.get(Outcome.PARTLY, 0),
        "not_worked": counts.get(Outcome.NO, 0),
        "share_worked": worked / total if total else None,
    }


def locations(organisation, location_ids=None):
    found = Location.objects.filter(organisation=organisation).order_by("name")
    return found if location_ids is None else found.filter(pk__in=location_ids)


def export_goals(organisation, location_ids=None):
    return (
        _goals(organisation, location_ids)
        .select_related("owner", "team", "location", "supports")
        .order_by("level", "ends_on", "title")
    )


def export_actions(organisation, location_ids=None):
    return (
        _actions(organisation, location_ids)
        .select_related("owner", "team__location", "goal")
        .order_by("team__name", "due_on", "id")
    )


def team_plan(team) -> dict:
    """A team's plan for the PDF: goals, open and recent actions, current agreements."""
    return {
        "goals": list(
            Goal.objects.filter(team=team)
            .select_related("owner", "supports")
            .order_by("ends_on", "title")
        ),
        "actions": list(
            Action.objects.filter(team=team)
            .select_related("owner", "goal")
            .order_by("status", "due_on", "id")
        ),
        "agreements": list(
            BoardItem.objects.filter(
                team=team, kind=ItemKind.AGREEMENT, closed_at__isnull=True
            ).order_by("created_at")
        ),
    }
