"""Who may do what with knowledge. Reading is decided per record in ``selectors`` (a draft is
its owner's; a published entry is read by its audience); these rules cover the rest."""

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Role

# Who reads team- and location-wide things beyond their own team: leaders and coaches
# covering that team or location (as on the team board).
COVERING_ROLES = frozenset({*LEADER_ROLES, Role.COACH})


def can_write(access: Access) -> bool:
    """Any member writes down what they learned."""
    return access is not None


def can_edit(access: Access, entry, user) -> bool:
    return entry.owner_id == user.id


def can_search(access: Access) -> bool:
    return access is not None
