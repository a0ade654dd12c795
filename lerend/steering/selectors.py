"""Reads of the steering view: the scope of a page and every app's part of it.

The page reads only the kit's registry (``kit.contrib.steering_parts``) and the ground
floor (locations and teams); each domain app answers for its own numbers and rules in its
``steering.py``."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from lerend.kit.contrib import SteeringPanel, SteeringScope, SteeringSignal, steering_parts
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Location, Scope, Team

from . import rules

HOME_SIGNALS = 5


def location_or_404(request, location_id: int) -> Location:
    found = Location.objects.filter(organisation=request.organisation, pk=location_id).first()
    if found is None:
        raise Http404
    return found


def team_or_404(request, team_id: int) -> Team:
    found = (
        Team.objects.filter(organisation=request.organisation, pk=team_id)
        .select_related("location")
        .first()
    )
    if found is None:
        raise Http404
    return found


def scope_for(request, *, location=None, team=None, full: bool = True) -> SteeringScope:
    """The scope of the organisation's page (neither given), a location's or a team's. Two
    queries on the organisation's page (locations, teams), one on a location's."""
    organisation = request.organisation
    common = {
        "organisation": organisation,
        "access": request.access,
        "viewer": request.user,
        "today": timezone.localdate(),
        "full": full,
    }
    if team is not None:
        return SteeringScope(
            level="team", team=team, locations=(team.location,), teams=(team,), **common
        )
    if location is not None:
        teams = tuple(Team.objects.filter(location=location).order_by("name", "pk"))
        for t in teams:
            t.location = location
        return SteeringScope(
            level="location", location=location, locations=(location,), teams=teams, **common
        )
    locations = {
        loc.pk: loc for loc in Location.objects.filter(organisation=organisation).order_by("name")
    }
    teams = tuple(
        Team.objects.filter(organisation=organisation)
        .only("pk", "name", "location_id", "organisation_id")
        .order_by("name", "pk")
    )
    for t in teams:
        t.location = locations[t.location_id]
    return SteeringScope(
        level="organisation", locations=tuple(locations.values()), teams=teams, **common
    )


@dataclass
class View:
    scope: SteeringScope
    signals: list[SteeringSignal]
    panels: list[SteeringPanel]

    @property
    def act(self) -> list[SteeringSignal]:
        return [s for s in self.signals if s.severity >= 3]


def view_for(scope: SteeringScope) -> View:
    signals, panels = steering_parts(scope)
    return View(scope, signals, panels)


def home_scope(request) -> SteeringScope | None:
    """The scope whose signals a leader's home shows: the organisation for those who steer
    it, else the first location a locatiemanager covers; None for everybody else."""
    access = request.access
    if rules.can_steer_organisation(access) and access.has_role(*rules.LOCATION_ROLES):
        return scope_for(request, full=False)
    for m in access.memberships:
        if m.scope == Scope.LOCATION and m.role in rules.LOCATION_ROLES:
            return scope_for(request, location=m.location, full=False)
    return None


def links(request, scope: SteeringScope) -> dict:
    """Where to go from this page: up to the broader views this person may open, down to
    the narrower ones. No query beyond what the scope holds (and one for a
    locatiemanager's own locations)."""
    access = request.access
    up = []
    if scope.level != "organisation" and rules.can_steer_organisation(access):
        up.append(("organisation", None))
    if scope.level == "team" and rules.can_steer_location(access, scope.team.location):
        up.append(("location", scope.team.location))
    if scope.level == "organisation":
        down = [("location", loc) for loc in scope.locations]
    elif scope.level == "location":
        down = [("team", t) for t in scope.teams]
    else:
        down = []
    own = []
    if scope.level != "organisation" and not rules.can_steer_organisation(access):
        here_location = scope.location.pk if scope.level == "location" else None
        here_team = scope.team.pk if scope.team is not None else None
        for m in access.memberships:
            if m.scope == Scope.LOCATION and m.role in rules.LOCATION_ROLES:
                if m.location_id != here_location:
                    own.append(("location", m.location))
            elif m.scope == Scope.TEAM and m.role in LEADER_ROLES and m.team_id != here_team:
                own.append(("team", m.team))
    return {"up": up, "down": down, "own": own}
