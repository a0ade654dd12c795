"""Who may do what with advice-network rounds. Numbers are decided by ``selectors``."""

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Role

from .models import Invitation, NetworkRound, Status

MANAGING_ROLES = frozenset({Role.BESTUURDER, Role.BEHEERDER})


def can_view(access: Access, network_round: NetworkRound | None = None) -> bool:
    """Every member sees the rounds and their aggregates (the gate decides which)."""
    return access is not None


def can_manage(access: Access, network_round: NetworkRound | None = None) -> bool:
    """Rounds are organisation-wide: set up, opened and closed by the board or the
    beheerder (or a leader covering the whole organisation)."""
    return access.has_role(*MANAGING_ROLES) or access.covers_organisation(LEADER_ROLES)


def can_respond(access: Access, network_round: NetworkRound) -> bool:
    """Only people on the round's roster, while it is open."""
    if network_round.status != Status.OPEN or access.person_id is None:
        return False
    key = f"networks.invited.{network_round.pk}"
    if key not in access.memo:
        access.memo[key] = Invitation.objects.filter(
            round=network_round, person_id=access.person_id
        ).exists()
    return bool(access.memo[key])
