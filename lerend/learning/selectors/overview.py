"""The leaders' overview: counts per team in their scope, never which person, never content."""

import datetime

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import timezone

from lerend.collaboration import selectors as collaboration_selectors
from lerend.organisations.models import Membership, Scope, Team

from ..models import (
    DevelopmentPlan,
    FeedbackRequest,
    JournalEntry,
    Participation,
    ParticipationStatus,
    ReviewConversation,
    Share,
)
from .sharing import _live_share

# Below this many people a team's counts would show one person's habits (who writes, who
# shares): with two people, a "1" points at someone. So small teams get no counts at all.
MIN_TEAM_SIZE_FOR_COUNTS = 3


def teams_in_scope(access):
    """Teams a leader's memberships cover."""
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    return [team for team in teams if access.covers_team(team)]


def team_counts(access, year=None, teams=None) -> list[dict]:
    """Per team in the leader's scope: members, journal entries written, POPs shared,
    review conversations held, PD activities attended and their hours, feedback requests
    made and visits held (the team member being the observed) this year. Counts only —
    never which person, never content.
    Teams below MIN_TEAM_SIZE_FOR_COUNTS get ``counts=None``. ``teams``: a part of
    ``teams_in_scope(access)`` (one location's), default all of them."""
    year = year or timezone.localdate().year
    teams = teams_in_scope(access) if teams is None else teams
    team_ids = [t.id for t in teams]
    org = access.organisation
    # The teams' active members, as a subquery: each count below joins its rows to these
    # memberships and groups by team in the database — never thousands of person ids as
    # parameters (an organisation-wide leader of 15,000 people).
    members = Membership.objects.active().filter(
        organisation=org, scope=Scope.TEAM, team_id__in=team_ids
    )
    sizes = dict(
        members.values("team_id")
        .annotate(n=Count("person_id", distinct=True))
        .values_list("team_id", "n")
    )
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)

    def per_team(queryset, person_path, **aggregates):
        """``{team id: {name: value}}`` for rows whose person is one of the members."""
        link = f"{person_path}__memberships"
        rows = (
            queryset.filter(**{f"{link}__in": members.values("pk")})
            .values(f"{link}__team_id")
            .annotate(**aggregates)
        )
        return {r.pop(f"{link}__team_id"): r for r in rows}

    entries = per_team(
        JournalEntry.objects.filter(organisation=org, written_on__range=(start, end)),
        "owner",
        n=Count("id", distinct=True),
    )
    shared_plans = per_team(
        # A paused share (recipient no longer covers the owner) is no share to count.
        DevelopmentPlan.objects.filter(
            Exists(Share.objects.filter(_live_share(), plan=OuterRef("pk"))),
            organisation=org,
            year=year,
        ),
        "owner",
        n=Count("id", distinct=True),
    )
    reviews = per_team(
        ReviewConversation.objects.filter(
            plan__organisation=org,
            held_on__range=(start, end),
            held_on__lte=timezone.localdate(),
        ),
        "plan__owner",
        n=Count("id", distinct=True),
    )
    followed = per_team(
        Participation.objects.filter(
            activity__organisation=org,
            status=ParticipationStatus.ATTENDED,
            activity__starts_on__range=(start, end),
        ),
        "person",
        n=Count("id", distinct=True),
        hours=Sum("hours"),
    )
    feedback = per_team(
        FeedbackRequest.objects.filter(organisation=org, created_at__year=year),
        "requester",
        n=Count("id", distinct=True),
    )
    visits = collaboration_selectors.visits_held_per_team(org, team_ids, year)
    rows = []
    none = {"n": 0, "hours": 0}
    for team in teams:
        size = sizes.get(team.id, 0)
        row = {"team": team, "size": size, "counts": None}
        if size >= MIN_TEAM_SIZE_FOR_COUNTS:
            row["counts"] = {
                "entries": entries.get(team.id, none)["n"],
                "plans_shared": shared_plans.get(team.id, none)["n"],
                "reviews": reviews.get(team.id, none)["n"],
                "activities": followed.get(team.id, none)["n"],
                "hours": followed.get(team.id, none)["hours"] or 0,
                "feedback_requests": feedback.get(team.id, none)["n"],
                "visits": visits.get(team.id, 0),
            }
        rows.append(row)
    return rows
