"""Team reflections: the team's members and the leaders covering the team read them."""

from django.db.models import Q, QuerySet
from django.http import Http404

from lerend.accounts.models import User
from lerend.organisations import team_picker
from lerend.organisations.models import Membership, Scope

from ..models import (
    TeamReflection,
)


def reflection_teams(access):
    """Teams the person may hold a reflection for: their own teams and the teams they
    cover as a leader."""
    return list(reflection_team_ids(access).select_related("location"))


def reflection_team_ids(access):
    """The same teams as one query (``rules.can_work_on_reflection`` as a ``WHERE``)."""
    return team_picker.covered_teams(access, own=True)


def reflections_visible_to(access):
    return (
        TeamReflection.objects.filter(
            organisation=access.organisation, team__in=reflection_team_ids(access).values("pk")
        )
        .select_related("team")
        .order_by("-held_on", "-id")
    )


def reflection_for_viewer(access, reflection_id) -> TeamReflection:
    """Another tenant's reflection: 404. Whether this member may open it is
    ``rules.can_work_on_team_reflection`` (403 otherwise) — it is a team record, not a
    private one, so its existence is no secret inside the organisation."""
    reflection = (
        TeamReflection.objects.filter(organisation=access.organisation, pk=reflection_id)
        .select_related("team")
        .first()
    )
    if reflection is None:
        raise Http404
    return reflection


def members_of_teams(access, team_ids, also=None):
    """Active people with a membership in one of ``team_ids`` (plus ``also``, e.g. the
    leader holding the reflection): whom one picks as participant or action owner."""
    ids = Membership.objects.active().filter(
        organisation=access.organisation,
        scope=Scope.TEAM,
        team_id__in=team_ids if isinstance(team_ids, QuerySet) else list(team_ids),
    )
    q = Q(pk__in=ids.values("person_id"))
    if also is not None:
        q |= Q(pk=also.pk)
    return User.objects.filter(q, is_active=True).order_by("name", "id")
