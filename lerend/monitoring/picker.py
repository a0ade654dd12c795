"""Whom the monitoring forms may offer in their people pickers (``people_scopes``)."""

from django.contrib.auth import get_user_model
from django.http import Http404

from lerend.organisations import picker, team_picker
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Team

from . import rules
from .selectors import experiments as experiment_selectors
from .selectors import wellbeing as selectors

User = get_user_model()


def people(request):
    """Owners of indicators, leads of experiments: anyone working here."""
    return picker.organisation_people(request.organisation)


def round_team(request, round_id):
    """Who does an action from a well-being round: a member of the round's group."""
    try:
        found = selectors.round_in_organisation(request.access, round_id)
    except Http404:
        return User.objects.none()
    if not rules.can_enter_round(request.access, found):
        return User.objects.none()
    return User.objects.filter(pk__in=selectors.team_recipients(found.team).values("person_id"))


SCOPES = {"monitoring.people": people, "monitoring.round_team": round_team}


# --- team choosers (``team_scopes``) ---------------------------------------------------------


def level_teams(request):
    """Teams an indicator may be set for: those the viewer leads (``rules.can_edit_level``)."""
    return team_picker.covered_teams(request.access, LEADER_ROLES)


def round_teams(request):
    """Groups a well-being round may be started for: one's own and those one leads
    (``rules.can_enter_wellbeing``)."""
    return team_picker.covered_teams(request.access, LEADER_ROLES, own=True)


def experiment_teams(request, experiment=None):
    """Where an experiment runs: the teams the viewer leads and, when editing one they may
    edit, the teams it already has."""
    teams = team_picker.covered_teams(request.access, LEADER_ROLES)
    if experiment is None:
        return teams
    try:
        found = experiment_selectors.experiment_or_404(request.organisation, experiment)
    except Http404:
        return teams
    if not rules.can_edit_experiment(request.access, found):
        return teams
    return teams | Team.objects.filter(
        organisation=request.organisation, pk__in=found.teams.values("pk")
    )


TEAM_SCOPES = {
    "monitoring.level_teams": level_teams,
    "monitoring.round_teams": round_teams,
    "monitoring.experiment_teams": experiment_teams,
}
