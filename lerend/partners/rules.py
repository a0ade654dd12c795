"""Who may do what with partners. Everyone reads the registry and the activities (they are
what the organisation does with others); contact persons are personal data, read only by
those who work with them."""

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Role

from .models import Partner

EDITING_ROLES = frozenset({*LEADER_ROLES, Role.COACH})


def can_view(access: Access, obj: object = None) -> bool:
    return access is not None


def can_edit(access: Access, obj: object = None) -> bool:
    """Leaders and coaches keep the registry."""
    return access.has_role(*EDITING_ROLES)


def can_see_contacts(access: Access, partner: Partner) -> bool:
    if can_edit(access):
        return True
    if access.person_id is None:
        return False
    return partner.colleagues.filter(pk=access.person_id).exists()
