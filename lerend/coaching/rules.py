"""Who may do what in coaching. Each rule takes an Access and answers yes/no; views declare
the rule they need with ``lerend.organisations.decorators.require``.

Content (plans, notes, agreements) is never granted by a role: ``selectors`` decides it
per record, from who took part and what the coachee shared."""

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Role

from .models import Assignment

HOURS_ROLES = frozenset({*LEADER_ROLES, Role.COACH})


def can_manage_coaching(access: Access) -> bool:
    """The houder's part: assignments, the norm's figures, the division over locations."""
    return access.has_role(Role.BEHEERDER, Role.BESTUURDER)


def can_manage_assignment(access: Access, assignment: Assignment) -> bool:
    """End an assignment (or change it): the houder's people, for any of theirs."""
    return can_manage_coaching(access)


def can_view_hours(access: Access) -> bool:
    """Hours, coverage, the norm and the GGD pack: numbers and names, never content."""
    return access.has_role(*HOURS_ROLES)


def is_coach(access: Access) -> bool:
    return access.has_role(Role.COACH)
