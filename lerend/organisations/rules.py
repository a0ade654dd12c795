"""Who may do what in the organisations area. Each rule takes an Access and answers yes/no.

Views declare the rule they need with ``lerend.organisations.decorators.require``.
"""

from .access import Access
from .models import Role


def can_manage_organisation(access: Access, obj: object = None) -> bool:
    """Locations, teams, people, memberships, invitations, import, settings (``obj``: the
    location, team, person, membership or invitation in question)."""
    return access.has_role(Role.BEHEERDER)


def can_view_audit_log(access: Access) -> bool:
    return access.has_role(Role.BEHEERDER)


def can_view_people(access: Access) -> bool:
    """The people list (names, roles, teams) — read-only for leaders; managing stays with
    the beheerder."""
    return access.has_role(Role.BEHEERDER, Role.BESTUURDER, Role.LOCATIEMANAGER, Role.TEAMLEIDER)


def can_view_organisation_overview(access: Access) -> bool:
    return access.is_leader or access.has_role(Role.COACH)


def can_request_erasure(access: Access) -> bool:
    """Everyone with a role here may ask the organisation to erase their data."""
    return bool(access.memberships)
