"""Whom the collaboration forms may offer in their people pickers (``people_scopes``)."""

from django.contrib.auth import get_user_model
from django.http import Http404

from lerend.organisations.models import Membership, Scope, Team

from . import rules, selectors

User = get_user_model()


def colleagues(request):
    """Group members, observers, lesson-design partners: anyone working here."""
    return selectors.colleagues(request.access)


def visit_share(request, visit):
    """Whom the observed person may show their visit: colleagues not yet party to it."""
    try:
        found = selectors.visit_for_viewer(request.access, visit)
    except Http404:
        return User.objects.none()
    if not rules.can_share_visit(request.access, found):
        return User.objects.none()
    return selectors.share_target_people(request.access, request.user, found)


def group_members(request, group):
    """A meeting's facilitator, case-bringer and action owners: the group's members."""
    try:
        found = selectors.group_for_viewer(request.access, group)
    except Http404:
        return User.objects.none()
    if not rules.can_see_group_notes(request.access, found):
        return User.objects.none()
    return User.objects.filter(group_memberships__group=found)


SCOPES = {
    "collaboration.colleagues": colleagues,
    "collaboration.visit_share": visit_share,
    "collaboration.group_members": group_members,
}


# --- team choosers (``team_scopes``) ---------------------------------------------------------


def all_teams(request):
    """The team or group of a visit: any team of the organisation."""
    return Team.objects.filter(organisation=request.organisation)


def meeting_teams(request, meeting):
    """The team boards an action of a group meeting may go on: the teams of the group's
    members (only for whoever may work on the meeting)."""
    try:
        found = selectors.meeting_for_member(request.access, request.user, meeting)
    except Http404:
        return Team.objects.none()
    if not rules.can_work_on_meeting(request.access, found):
        return Team.objects.none()
    members = found.group.memberships.values("person_id")
    team_ids = (
        Membership.objects.active()
        .filter(organisation=request.organisation, scope=Scope.TEAM, person_id__in=members)
        .values("team_id")
    )
    return Team.objects.filter(organisation=request.organisation, pk__in=team_ids)


TEAM_SCOPES = {
    "collaboration.all_teams": all_teams,
    "collaboration.meeting_teams": meeting_teams,
}
