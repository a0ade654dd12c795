"""Who may open which steering view: leaders, each for their own scope.

Bestuurder and beheerder (organisation-wide) see everything; a locatiemanager their own
locations and the teams there; a teamleider their own teams. Staff members and coaches get
403 (coaches see hours and coverage on the coaching pages, results on the results pages).
"""

from __future__ import annotations

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Location, Role, Team

LOCATION_ROLES = frozenset({Role.LOCATIEMANAGER, Role.BESTUURDER, Role.BEHEERDER})


def can_steer(access: Access) -> bool:
    """Anyone who has at least one steering view (the menu entry)."""
    return access.is_leader


def can_steer_organisation(access: Access) -> bool:
    return access.covers_organisation(roles=LEADER_ROLES)


def can_steer_location(access: Access, location: Location) -> bool:
    return access.covers_location(location.pk, roles=LOCATION_ROLES)


def can_steer_team(access: Access, team: Team) -> bool:
    return access.covers_team(team, roles=LEADER_ROLES)


def can_download_report(access: Access, obj: object = None) -> bool:
    """The board report (PDF, XLSX) of a view: whoever may open that view."""
    if isinstance(obj, Team):
        return can_steer_team(access, obj)
    if isinstance(obj, Location):
        return can_steer_location(access, obj)
    return can_steer_organisation(access)
