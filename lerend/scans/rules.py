"""Who may do what with scans. Each rule takes an Access and answers yes/no."""

from lerend.organisations.access import Access
from lerend.organisations.models import Role

CAMPAIGN_MANAGERS = (Role.BESTUURDER, Role.BEHEERDER, Role.LOCATIEMANAGER)


def can_view_campaigns(access: Access) -> bool:
    """The campaign list and counts/response rates (never names): leaders and coaches."""
    return access.is_leader or access.has_role(Role.COACH)


def can_manage_campaigns(access: Access) -> bool:
    """Create, launch, close and remind — for their own scope (see can_manage_campaign)."""
    return access.has_role(*CAMPAIGN_MANAGERS)


def can_manage_campaign(access: Access, campaign) -> bool:
    return can_manage_targets(access, campaign.locations.all(), campaign.teams.all())


def can_manage_targets(access: Access, locations, teams) -> bool:
    """Organisation-wide managers manage every campaign; a location manager only campaigns
    aimed entirely at locations (or teams of locations) they cover."""
    if access.covers_organisation(CAMPAIGN_MANAGERS):
        return True
    if not can_manage_campaigns(access):
        return False
    pks = {loc.pk for loc in locations} | {team.location_id for team in teams}
    return bool(pks) and all(access.covers_location(pk, CAMPAIGN_MANAGERS) for pk in pks)


def can_manage_instruments(access: Access) -> bool:
    """Copy, edit and publish the organisation's own instruments."""
    return access.covers_organisation((Role.BESTUURDER, Role.BEHEERDER))
