"""Which teams the scans forms may offer in their team choosers (``team_scopes``)."""

from lerend.organisations.models import Scope, Team

from . import rules


def campaign_teams(request):
    """The teams a campaign may target for this viewer: every team for an organisation-wide
    campaign manager, the teams of the locations they manage for a location manager, none
    for anyone else. ``rules.can_manage_targets`` checks the chosen again on save."""
    access = request.access
    teams = Team.objects.filter(organisation=request.organisation)
    if not rules.can_manage_campaigns(access):
        return teams.none()
    if access.covers_organisation(rules.CAMPAIGN_MANAGERS):
        return teams
    locations = [
        m.location_id
        for m in access.memberships
        if m.role in rules.CAMPAIGN_MANAGERS and m.scope == Scope.LOCATION
    ]
    return teams.filter(location_id__in=locations)


TEAM_SCOPES = {"scans.campaign_teams": campaign_teams}
