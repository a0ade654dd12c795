"""Writes and decisions about accounts. Every write is atomic."""

from lerend.organisations.models import Membership


def two_factor_required(user) -> bool:
    """True when any active membership has a role its organisation requires 2FA for."""
    for role, roles in (
        Membership.objects.active()
        .filter(person=user)
        .values_list("role", "organisation__two_factor_roles")
    ):
        if role in (roles or []):
            return True
    return False
