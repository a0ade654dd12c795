"""Who may do what with scans. Each rule takes an Access (and the object a page is about,
as its loader in the views fetched it through the tenant) and answers yes/no."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Location, Role, Team

from .exports import can_export

if TYPE_CHECKING:
    from .models import Campaign, InstrumentVersion, OrganisationInstrument
    from .selectors import CampaignTeam, Heatmap, ResultsGroup

CAMPAIGN_MANAGERS = (Role.BESTUURDER, Role.BEHEERDER, Role.LOCATIEMANAGER)


def can_view_campaigns(access: Access) -> bool:
    """The campaign list and counts/response rates (never names): leaders and coaches."""
    return access.is_leader or access.has_role(Role.COACH)


def can_manage_campaigns(access: Access) -> bool:
    """Create, launch, close and remind — for their own scope (see can_manage_campaign)."""
    return access.has_role(*CAMPAIGN_MANAGERS)


def can_view_campaign(access: Access, campaign: Campaign) -> bool:
    return can_view_campaigns(access)


def can_manage_campaign(access: Access, campaign: Campaign) -> bool:
    return can_manage_targets(access, campaign.locations.all(), campaign.teams.all())


def can_hand_out_letters(access: Access, target: CampaignTeam) -> bool:
    """A team's single-use letters: a manager of the campaign (who hands them out)."""
    return can_manage_campaign(access, target.campaign)


def can_export_campaign(access: Access, campaign: Campaign) -> bool:
    return can_export(access)


def can_manage_targets(
    access: Access, locations: Iterable[Location], teams: Iterable[Team]
) -> bool:
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


def can_analyse_items(access: Access, campaign: Campaign | None = None) -> bool:
    """The item analysis of a closed campaign is for whoever edits or copies instruments:
    organisation-wide numbers about the statements, never about a group."""
    return can_manage_instruments(access)


def can_copy_instrument(access: Access, version: InstrumentVersion) -> bool:
    return can_manage_instruments(access)


def can_edit_instrument(access: Access, own: OrganisationInstrument) -> bool:
    return can_manage_instruments(access)


# --- results (see lerend/scans/results.py for the decisions) ---------------------------------

RESULT_ROLES = (*LEADER_ROLES, Role.COACH)


def can_open_results(access: Access) -> bool:
    """The results overview: every member (it lists only groups they may see)."""
    return access is not None


def can_view_organisation_results(access: Access) -> bool:
    """Leaders and coaches whose scope is the whole organisation."""
    return access.covers_organisation(RESULT_ROLES)


def can_view_location_results(access: Access, location_id: int) -> bool:
    """Leaders and coaches covering the location (location managers, org-level leaders)."""
    return access.covers_location(location_id, RESULT_ROLES)


def can_view_team_results(access: Access, team: Team) -> bool:
    """Leaders and coaches covering the team, and every member of the team: staff see the
    results of their own team (the anonymity plan still decides whether there is anything)."""
    return access.covers_team(team, RESULT_ROLES) or team.pk in access.team_ids


def can_read_comments(
    access: Access, *, team: Team | None = None, location_id: int | None = None
) -> bool:
    """Open comments: only leaders covering the group — not staff, not coaches. Comments
    are people's own words; the team meets them through the discussion guide's questions."""
    if team is not None:
        return access.covers_team(team, LEADER_ROLES)
    if location_id is not None:
        return access.covers_location(location_id, LEADER_ROLES)
    return access.covers_organisation(LEADER_ROLES)


def can_view_group_results(access: Access, group: ResultsGroup) -> bool:
    """The results page of one group: the team's, the location's or the organisation's."""
    if group.team is not None:
        return can_view_team_results(access, group.team)
    if group.location is not None:
        return can_view_location_results(access, group.location.pk)
    return can_view_organisation_results(access)


def can_search_comments(access: Access, group: ResultsGroup) -> bool:
    """A group's open comments: who may read its comments and see its results."""
    if group.team is not None:
        allowed = can_read_comments(access, team=group.team)
    elif group.location is not None:
        allowed = can_read_comments(access, location_id=group.location.pk)
    else:
        allowed = can_read_comments(access)
    return allowed and can_view_group_results(access, group)


def can_view_heatmap(access: Access, heatmap: Heatmap) -> bool:
    """Leaders and coaches: organisation-wide, or covering at least one of its teams."""
    if not can_view_campaigns(access):
        return False
    if can_view_organisation_results(access):
        return True
    return any(can_view_team_results(access, t) for t in heatmap.teams)
