"""Whom the monitoring forms may offer in their people pickers (``people_scopes``)."""

from django.contrib.auth import get_user_model
from django.http import Http404

from lerend.organisations import picker

from . import rules
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
