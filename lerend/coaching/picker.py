"""Whom the coaching forms may offer in their people pickers (``people_scopes``)."""

from django.contrib.auth import get_user_model
from django.http import Http404

from lerend.organisations import picker
from lerend.organisations.models import Team

from . import selectors

User = get_user_model()


def members(request):
    """The person a coach supports: anyone working here."""
    return picker.organisation_people(request.organisation)


def plan_share(request, plan_id):
    """Whom a coachee may show their coachplan: the coaches and leaders who cover them."""
    try:
        plan = selectors.plan_for_coachee(request.access, request.user, plan_id)
    except Http404:
        return User.objects.none()
    return selectors.share_targets(request.access, plan)


SCOPES = {"coaching.members": members, "coaching.plan_share": plan_share}


def assignment_teams(request):
    """The team a coach supports: any team of the organisation (the coaching manager's)."""
    return Team.objects.filter(organisation=request.organisation)


TEAM_SCOPES = {"coaching.assignment_teams": assignment_teams}
