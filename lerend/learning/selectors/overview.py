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


def team_counts(access, year=None) -> list[dict]:
    """Per team in the leader's scope: members, journal entries written, POPs shared,
    review conversations held, PD activities attended and their hours, feedback requests
    made and visits held (the team member being the observed) this year. Counts only —
    never which person, never content.
    Teams below MIN_TEAM_SIZE_FOR_COUNTS get ``counts=None``."""
    year = year or timezone.localdate().year
    teams = teams_in_scope(access)
    team_ids = [t.id for t in teams]
    pairs = set(
        Membership.objects.active()
        .filter(organisation=access.organisation, scope=Scope.TEAM, team_id__in=team_ids)
        .values_list("team_id", "person_id")
    )
    people = {p for _, p in pairs}
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    org = access.organisation
    entries = dict(
        JournalEntry.objects.filter(
            organisation=org, owner_id__in=people, written_on__range=(start, end)
        )
        .values_list("owner_id")
        .annotate(n=Count("id"))
        .values_list("owner_id", "n")
    )
    shared_plans = dict(
        # A paused share (recipient no longer covers the owner) is no share to count.
        DevelopmentPlan.objects.filter(
            Exists(Share.objects.filter(_live_share(), plan=OuterRef("pk"))),
            organisation=org,
            owner_id__in=people,
            year=year,
        )
        .values_list("owner_id")
        .annotate(n=Count("id", distinct=True))
        .values_list("owner_id", "n")
    )
    reviews = dict(
        ReviewConversation.objects.filter(
            plan__organisation=org,
            plan__owner_id__in=people,
            held_on__range=(start, end),
            held_on__lte=timezone.localdate(),
        )
        .values_list("plan__owner_id")
        .annotate(n=Count("id"))
        .values_list("plan__owner_id", "n")
    )
    followed = {
        r["person_id"]: (r["n"], r["hours"] or 0)
        for r in Participation.objects.filter(
            activity__organisation=org,
            person_id__in=people,
            status=ParticipationStatus.ATTENDED,
            activity__starts_on__range=(start, end),
        )
        .values("person_id")
        .annotate(n=Count("id"), hours=Sum("hours"))
    }
    feedback = dict(
        FeedbackRequest.objects.filter(
            organisation=org, requester_id__in=people, created_at__year=year
        )
        .values_list("requester_id")
        .annotate(n=Count("id"))
        .values_list("requester_id", "n")
    )
    visits = collaboration_selectors.visits_held_per_team(org, team_ids, year)
    rows = []
    for team in teams:
        members = {p for t, p in pairs if t == team.id}
        row = {"team": team, "size": len(members), "counts": None}
        if len(members) >= MIN_TEAM_SIZE_FOR_COUNTS:
            row["counts"] = {
                "entries": sum(entries.get(p, 0) for p in members),
                "plans_shared": sum(shared_plans.get(p, 0) for p in members),
                "reviews": sum(reviews.get(p, 0) for p in members),
                "activities": sum(followed.get(p, (0, 0))[0] for p in members),
                "hours": sum((followed.get(p, (0, 0))[1] for p in members), 0),
                "feedback_requests": sum(feedback.get(p, 0) for p in members),
                "visits": visits.get(team.id, 0),
            }
        rows.append(row)
    return rows
