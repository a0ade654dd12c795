"""Whom the improvement forms may offer in their people pickers (``people_scopes``)."""

from lerend.organisations import picker

from . import rules
from .forms.team_board import action_teams
from .models import SteeringGroupMember


def organisation_people(request):
    """Owners of goals and theme projects, steering-group members: anyone working here."""
    return picker.organisation_people(request.organisation)


def action_owners(request, team=None):
    """An action's owner comes from its team (members, and the leaders and coaches of its
    location); before the team is chosen, from the teams this person may add actions to."""
    teams = action_teams(request.access, rules)
    if team is not None:
        teams = teams.filter(pk=team)
    return picker.team_people(request.organisation, teams)


def steering_candidates(request):
    """Anyone working here who is not in the steering group yet."""
    members = SteeringGroupMember.objects.filter(organisation=request.organisation)
    return organisation_people(request).exclude(pk__in=members.values("person"))


SCOPES = {
    "improvement.steering": steering_candidates,
    "improvement.people": organisation_people,
    "improvement.action_owner": action_owners,
}
