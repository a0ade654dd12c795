"""Whom the learning forms may offer in their people pickers (``people_scopes``)."""

from django.db.models import OuterRef, Subquery

from lerend.organisations import team_picker

from . import selectors


def colleagues(request):
    """Whom one may ask for feedback: anyone working here, oneself excepted."""
    return selectors.colleagues(request.access, request.user)


def reflection_people(request, team=None):
    """Participants and action owners of a team reflection: the members of the teams the
    person may hold one for (of ``team`` when given), and the person holding it."""
    teams = team_picker.covered_teams(request.access, own=True)
    if team is not None:
        teams = teams.filter(pk=team)
    return selectors.members_of_teams(request.access, teams.values("pk"), also=request.user)


def share_targets(request):
    """Whom the owner may share a journal entry or POP with, or hold a review with: the
    coaches and leaders who cover them, each with the role by which they do."""
    return selectors.share_target_people(request.access, request.user).annotate(
        picker_role=Subquery(
            selectors.share_target_memberships(request.access, request.user)
            .filter(person=OuterRef("pk"))
            .order_by("role")
            .values("role")[:1]
        )
    )


def leader_scope(request):
    """People a leader covers: PD registrations and budgets."""
    return selectors.people_in_scope(request.access)


SCOPES = {
    "learning.colleagues": colleagues,
    "learning.reflection_people": reflection_people,
    "learning.leader_scope": leader_scope,
    "learning.share_targets": share_targets,
}


# --- team choosers (``team_scopes``) ---------------------------------------------------------


def budget_teams(request):
    """Teams a PD organiser may set a budget for: the teams their leader roles cover."""
    return team_picker.covered_teams(request.access)


def reflection_teams(request):
    """Teams the person may hold a reflection for: their own and those they cover as a
    leader (``rules.can_work_on_reflection``)."""
    return team_picker.covered_teams(request.access, own=True)


def own_teams(request):
    """The owner's own teams, to share a journal entry with."""
    return selectors.share_target_teams(request.access)


TEAM_SCOPES = {
    "learning.budget_teams": budget_teams,
    "learning.reflection_teams": reflection_teams,
    "learning.own_teams": own_teams,
}
