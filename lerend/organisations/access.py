"""What the current person is in the current organisation: memberships, roles, scopes.

Resolved once per request by the tenant middleware and attached as ``request.access``.
Rules modules ask questions of this object; they never query memberships themselves.
"""

from dataclasses import dataclass, field
from typing import Any

from .models import Membership, Organisation, Role, Scope

LEADER_ROLES = frozenset({Role.TEAMLEIDER, Role.LOCATIEMANAGER, Role.BESTUURDER, Role.BEHEERDER})


@dataclass
class Access:
    organisation: Organisation
    memberships: list[Membership] = field(default_factory=list)
    # Answers a rule looked up once and may be asked again on the same request.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def person_id(self) -> int | None:
        """The person these memberships belong to (None for an Access without any)."""
        return self.memberships[0].person_id if self.memberships else None

    @property
    def roles(self) -> set[str]:
        return {m.role for m in self.memberships}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_leader(self) -> bool:
        return self.has_role(*LEADER_ROLES)

    @property
    def team_ids(self) -> set[int]:
        """Teams the person belongs to directly (a team-scoped membership in any role)."""
        return {m.team_id for m in self.memberships if m.scope == Scope.TEAM}

    @property
    def location_ids(self) -> set[int]:
        """Locations the person works at: location-scoped memberships and their teams' locations."""
        ids = {m.location_id for m in self.memberships if m.scope == Scope.LOCATION}
        ids |= {m.team.location_id for m in self.memberships if m.scope == Scope.TEAM}
        return ids

    def _scoped(self, roles) -> list[Membership]:
        return [m for m in self.memberships if m.role in roles]

    def covers_organisation(self, roles=LEADER_ROLES) -> bool:
        return any(m.scope == Scope.ORGANISATION for m in self._scoped(roles))

    def covers_location(self, location_id: int, roles=LEADER_ROLES) -> bool:
        for m in self._scoped(roles):
            if m.scope == Scope.ORGANISATION:
                return True
            if m.scope == Scope.LOCATION and m.location_id == location_id:
                return True
        return False

    def covers_team(self, team, roles=LEADER_ROLES) -> bool:
        for m in self._scoped(roles):
            if m.scope == Scope.ORGANISATION:
                return True
            if m.scope == Scope.LOCATION and m.location_id == team.location_id:
                return True
            if m.scope == Scope.TEAM and m.team_id == team.id:
                return True
        return False


def resolve_access(user, organisation: Organisation) -> Access | None:
    """Active memberships of ``user`` in ``organisation``; None when there are none."""
    if not user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.active()
        .filter(person=user, organisation=organisation)
        .select_related("location", "team")
    )
    if not memberships:
        return None
    for m in memberships:
        m.organisation = organisation  # already loaded; saves a query per membership
    return Access(organisation=organisation, memberships=memberships)
