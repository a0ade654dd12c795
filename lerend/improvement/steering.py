"""Improvement's part of the steering view (kit.contrib ``steering``): where do we act.

Signals: goals past their end date that are still open, finished actions whose "Did it
work?" is asked but unanswered, and teams without a board session in the last four weeks.
Panel: the improvement pipeline per location (per team on a location's or team's page):
goals → actions → done → "Did it work?" answered → worked.

Five grouped queries whatever the number of locations and teams: goals, actions, board
sessions, plus the open goals and waiting actions named in signals (a few rows each).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, F, Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lerend.kit.contrib import ACT, WATCH, SteeringPanel, SteeringSignal
from lerend.kit.numbers import count, percent
from lerend.organisations.models import Team

from .models import ACTIVE_GOAL_STATUSES, Action, ActionStatus, Goal, Level, Outcome

BOARD_WEEKS = 4
NAMED = 5  # goals or teams named one by one before "and N more"


def _goal_filter(scope) -> Q:
    if scope.level == "organisation":
        return Q()
    if scope.level == "location":
        return Q(location_id=scope.location.pk) | Q(team__location_id=scope.location.pk)
    return Q(team_id__in=scope.team_ids)


def _action_filter(scope) -> Q:
    if scope.level == "organisation":
        return Q()
    return Q(team_id__in=scope.team_ids)


def steering(scope) -> list:
    org, today = scope.organisation, scope.today
    slug = org.slug
    goals = Goal.objects.filter(organisation=org).filter(_goal_filter(scope))
    actions = Action.objects.filter(organisation=org).filter(_action_filter(scope))
    parts: list = []

    # Goals past their date, still open.
    overdue = list(
        goals.filter(status__in=ACTIVE_GOAL_STATUSES, ends_on__lt=today)
        .order_by("ends_on", "pk")
        .values("pk", "title", "ends_on")[: NAMED + 1]
    )
    overdue_total = (
        len(overdue)
        if len(overdue) <= NAMED
        else goals.filter(status__in=ACTIVE_GOAL_STATUSES, ends_on__lt=today).count()
    )
    for goal in overdue[:NAMED]:
        parts.append(
            SteeringSignal(
                ACT,
                _("Goal “%(title)s” passed its end date (%(date)s) and is still open.")
                % {"title": goal["title"], "date": goal["ends_on"].strftime("%d-%m-%Y")},
                reverse("improvement:goal_detail", args=[slug, goal["pk"]]),
            )
        )
    if overdue_total > NAMED:
        parts.append(
            SteeringSignal(
                ACT,
                ngettext(
                    "%(count)s more goal passed its end date.",
                    "%(count)s more goals passed their end date.",
                    overdue_total - NAMED,
                )
                % {"count": count(overdue_total - NAMED)},
                reverse("improvement:overview", args=[slug]),
            )
        )

    # Done, "Did it work?" asked, not answered: per team.
    waiting = list(
        actions.filter(status=ActionStatus.DONE, follow_up_asked_on__isnull=False, outcome="")
        .values("team_id", "team__name")
        .annotate(n=Count("id"))
        .order_by("-n", "team__name")
    )
    for row in waiting[:NAMED]:
        parts.append(
            SteeringSignal(
                WATCH,
                ngettext(
                    "%(team)s: %(count)s finished action waits for “Did it work?”.",
                    "%(team)s: %(count)s finished actions wait for “Did it work?”.",
                    row["n"],
                )
                % {"team": row["team__name"], "count": count(row["n"])},
                reverse("improvement:board", args=[slug, row["team_id"]]),
            )
        )
    if len(waiting) > NAMED:
        rest = sum(row["n"] for row in waiting[NAMED:])
        parts.append(
            SteeringSignal(
                WATCH,
                _("%(count)s more finished actions in %(teams)s other teams wait for follow-up.")
                % {"count": count(rest), "teams": count(len(waiting) - NAMED)},
                reverse("improvement:dashboard", args=[slug])
                if scope.level != "team"
                else reverse("improvement:board", args=[slug, scope.team.pk]),
            )
        )

    # Teams without a board session in the last four weeks.
    since = today - datetime.timedelta(weeks=BOARD_WEEKS)
    teams = Team.objects.filter(organisation=org)
    if scope.level != "organisation":
        teams = teams.filter(pk__in=scope.team_ids)
    quiet = list(
        teams.annotate(last=Max("board_sessions__held_on"))
        .filter(Q(last__lt=since) | Q(last__isnull=True))
        .order_by("location__name", "name")
        .values("pk", "name", "last")
    )
    for team in quiet[:NAMED]:
        text = (
            _("%(team)s has had no board session since %(date)s.")
            % {"team": team["name"], "date": team["last"].strftime("%d-%m-%Y")}
            if team["last"]
            else _("%(team)s has not held a board session yet.") % {"team": team["name"]}
        )
        parts.append(
            SteeringSignal(WATCH, text, reverse("improvement:board", args=[slug, team["pk"]]))
        )
    if len(quiet) > NAMED:
        parts.append(
            SteeringSignal(
                WATCH,
                _("%(count)s more teams without a board session in the last %(weeks)s weeks.")
                % {"count": count(len(quiet) - NAMED), "weeks": BOARD_WEEKS},
                reverse("improvement:dashboard", args=[slug]),
            )
        )

    if scope.full:
        parts.append(_pipeline(scope, goals, actions, len(quiet)))
    return parts


def _pipeline(scope, goals, actions, quiet_teams: int) -> SteeringPanel:
    """Goals → actions → done → answered → worked, per location (organisation page) or per
    team (location and team pages). Two grouped queries."""
    per_location = scope.level == "organisation"
    if per_location:
        goal_rows = (
            goals.filter(status__in=ACTIVE_GOAL_STATUSES)
            .exclude(level=Level.ORGANISATION)
            .annotate(at=Coalesce("location_id", "team__location_id"))
            .values("at")
            .annotate(n=Count("id"))
            .order_by()
        )
        action_rows = actions.values(at=F("team__location_id"))
        names = [(loc.pk, loc.name) for loc in scope.locations]
    else:
        goal_rows = (
            goals.filter(status__in=ACTIVE_GOAL_STATUSES, team__isnull=False)
            .values(at=F("team_id"))
            .annotate(n=Count("id"))
            .order_by()
        )
        action_rows = actions.values(at=F("team_id"))
        names = [(team.pk, team.name) for team in scope.teams]
    action_rows = action_rows.annotate(
        total=Count("id"),
        done=Count("id", filter=Q(status=ActionStatus.DONE)),
        answered=Count("id", filter=~Q(outcome="")),
        worked=Count("id", filter=Q(outcome=Outcome.YES)),
    ).order_by()
    goal_counts = {row["at"]: row["n"] for row in goal_rows}
    action_counts = {row["at"]: row for row in action_rows}
    organisation_goals = goals.filter(
        status__in=ACTIVE_GOAL_STATUSES, level=Level.ORGANISATION
    ).count()
    rows = []
    totals: dict[str, Any] = {"goals": 0, "actions": 0, "done": 0, "answered": 0, "worked": 0}
    for pk, name in names:
        a = action_counts.get(pk, {})
        row: dict[str, Any] = {
            "label": name,
            "goals": goal_counts.get(pk, 0),
            "actions": a.get("total", 0),
            "done": a.get("done", 0),
            "answered": a.get("answered", 0),
            "worked": a.get("worked", 0),
        }
        for key in totals:
            totals[key] += row[key]
        row["worked_share"] = percent(row["worked"] / row["answered"]) if row["answered"] else "–"
        rows.append(row)
    totals["worked_share"] = (
        percent(totals["worked"] / totals["answered"]) if totals["answered"] else "–"
    )
    header = [
        _("Location") if per_location else _("Team"),
        _("Open goals"),
        _("Actions"),
        _("Done"),
        _("“Did it work?” answered"),
        _("Worked"),
    ]
    sheet = [
        [r["label"], r["goals"], r["actions"], r["done"], r["answered"], r["worked"]] for r in rows
    ]
    return SteeringPanel(
        order=20,
        key="improvement",
        title=_("Where we act: the improvement pipeline"),
        template="improvement/steering/panel.html",
        report_template="improvement/steering/report.html",
        context={
            "rows": rows,
            "totals": totals,
            "per_location": per_location,
            "organisation_goals": organisation_goals,
            "quiet_teams": quiet_teams,
            "weeks": BOARD_WEEKS,
        },
        sheets=((_("Improvement pipeline"), header, sheet),),
    )
