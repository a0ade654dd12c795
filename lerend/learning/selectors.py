"""Who may read which personal learning record. One function per question; every view,
export and overview goes through these, so there is one rule.

The rule: a record is its owner's. Someone else reads it only through a Share the owner
made — to that person, or to a team the reader is a member of. A role (leader, coach,
beheerder) never grants access by itself. A record someone may not read does not exist
for them: 404, never 403.
"""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Membership, Role, Scope, Team

from .models import (
    DevelopmentPlan,
    Evidence,
    JournalEntry,
    PlanGoal,
    PlannedActivity,
    ReviewConversation,
    Share,
)

# Below this many people a team's counts would show one person's habits (who writes, who
# shares): with two people, a "1" points at someone. So small teams get no counts at all.
MIN_TEAM_SIZE_FOR_COUNTS = 3

SHARE_TARGET_ROLES = (Role.COACH, *LEADER_ROLES)


def _shared_with(access, user) -> Q:
    """Shares addressed to ``user`` directly or to one of their teams."""
    return Q(person=user) | Q(team_id__in=access.team_ids)


def _visible(model_filter: str, access, user) -> Q:
    shares = Share.objects.filter(_shared_with(access, user), **{model_filter: OuterRef("pk")})
    return Q(owner=user) | Q(Exists(shares))


# --- journal ---------------------------------------------------------------------------------


def entries_visible_to(access, user):
    """Every journal entry ``user`` may read in ``access.organisation``: their own and those
    shared with them."""
    return JournalEntry.objects.filter(
        _visible("entry", access, user), organisation=access.organisation
    ).select_related("owner")


def own_entries(access, user):
    return JournalEntry.objects.filter(organisation=access.organisation, owner=user)


def entries_shared_with(access, user):
    """Entries of others shared with ``user`` (personally or with their team)."""
    return entries_visible_to(access, user).exclude(owner=user)


def entry_for_viewer(access, user, entry_id) -> JournalEntry:
    entry = entries_visible_to(access, user).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


def entry_for_owner(access, user, entry_id) -> JournalEntry:
    """Only the owner changes an entry; for everyone else it does not exist."""
    entry = own_entries(access, user).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


# --- development plan ------------------------------------------------------------------------


def plans_visible_to(access, user):
    return DevelopmentPlan.objects.filter(
        _visible("plan", access, user), organisation=access.organisation
    ).select_related("owner")


def plans_shared_with(access, user):
    return plans_visible_to(access, user).exclude(owner=user)


def pop_for_viewer(access, user, plan_id) -> DevelopmentPlan:
    plan = plans_visible_to(access, user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def pop_for_owner(access, user, plan_id) -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.filter(
        organisation=access.organisation, owner=user, pk=plan_id
    ).first()
    if plan is None:
        raise Http404
    return plan


def current_pop(access, user, year=None) -> DevelopmentPlan | None:
    year = year or timezone.localdate().year
    return DevelopmentPlan.objects.filter(
        organisation=access.organisation, owner=user, year=year
    ).first()


def own_plans(access, user):
    return DevelopmentPlan.objects.filter(organisation=access.organisation, owner=user)


def goal_for_owner(access, user, goal_id) -> PlanGoal:
    goal = (
        PlanGoal.objects.select_related("plan")
        .filter(plan__organisation=access.organisation, plan__owner=user, pk=goal_id)
        .first()
    )
    if goal is None:
        raise Http404
    return goal


def activity_for_owner(access, user, activity_id) -> PlannedActivity:
    activity = (
        PlannedActivity.objects.select_related("goal__plan")
        .filter(
            goal__plan__organisation=access.organisation, goal__plan__owner=user, pk=activity_id
        )
        .first()
    )
    if activity is None:
        raise Http404
    return activity


def evidence_for_viewer(access, user, evidence_id) -> Evidence:
    """Evidence is readable by whoever may read its plan."""
    evidence = (
        Evidence.objects.select_related("plan")
        .filter(plan__in=plans_visible_to(access, user), pk=evidence_id)
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def evidence_for_owner(access, user, evidence_id) -> Evidence:
    evidence = (
        Evidence.objects.select_related("plan")
        .filter(plan__organisation=access.organisation, plan__owner=user, pk=evidence_id)
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def plan_goals(plan):
    return plan.goals.prefetch_related("activities").order_by("id")


# --- review conversations --------------------------------------------------------------------


def reviews_visible_to(access, user):
    """Review conversations ``user`` takes part in: as the plan's owner or as the reviewer
    the owner chose. Sharing a plan with someone does not show them its conversations."""
    return ReviewConversation.objects.filter(
        Q(plan__owner=user) | Q(reviewer=user), plan__organisation=access.organisation
    ).select_related("plan__owner", "reviewer")


def review_for_viewer(access, user, review_id) -> ReviewConversation:
    review = reviews_visible_to(access, user).filter(pk=review_id).first()
    if review is None:
        raise Http404
    return review


def reviews_to_confirm(access, user):
    """Conversations with notes that ``user`` has not confirmed yet."""
    return (
        reviews_visible_to(access, user)
        .exclude(notes="")
        .filter(
            Q(plan__owner=user, owner_confirmed_at__isnull=True)
            | Q(reviewer=user, reviewer_confirmed_at__isnull=True)
        )
    )


# --- sharing ---------------------------------------------------------------------------------


def shares_of(record):
    return record.shares.select_related("person", "team").order_by("id")


def share_for_owner(access, user, share_id) -> Share:
    share = Share.objects.filter(organisation=access.organisation, owner=user, pk=share_id).first()
    if share is None:
        raise Http404
    return share


def _covering_memberships(access, user):
    return (
        Membership.objects.active()
        .filter(organisation=access.organisation, role__in=SHARE_TARGET_ROLES)
        .filter(
            Q(scope=Scope.ORGANISATION)
            | Q(scope=Scope.LOCATION, location_id__in=access.location_ids)
            | Q(scope=Scope.TEAM, team_id__in=access.team_ids)
        )
        .exclude(person=user)
    )


def share_target_people(access, user):
    """Coaches and leaders whose scope covers ``user`` (their teams, locations, or the whole
    organisation) — the people an owner may share a record with or choose as reviewer."""
    from lerend.accounts.models import User

    return User.objects.filter(
        pk__in=_covering_memberships(access, user).values("person_id"), is_active=True
    ).order_by("name", "id")


def share_target_roles(access, user) -> dict[int, str]:
    """Person id -> their covering roles, e.g. "Coach", so the owner knows whom they pick."""
    roles: dict[int, set[str]] = {}
    for person_id, role in _covering_memberships(access, user).values_list("person_id", "role"):
        roles.setdefault(person_id, set()).add(str(Role(role).label))
    return {pk: ", ".join(sorted(labels)) for pk, labels in roles.items()}


def share_target_teams(access):
    """The owner's own teams."""
    return Team.objects.filter(organisation=access.organisation, pk__in=access.team_ids)


# --- leader overview -------------------------------------------------------------------------


def teams_in_scope(access):
    """Teams a leader's memberships cover."""
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    return [team for team in teams if access.covers_team(team)]


def team_counts(access, year=None) -> list[dict]:
    """Per team in the leader's scope: members, journal entries written, POPs shared,
    review conversations held this year. Counts only — never which person, never content.
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
        DevelopmentPlan.objects.filter(
            organisation=org, owner_id__in=people, year=year, shares__isnull=False
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
    rows = []
    for team in teams:
        members = {p for t, p in pairs if t == team.id}
        row = {"team": team, "size": len(members), "counts": None}
        if len(members) >= MIN_TEAM_SIZE_FOR_COUNTS:
            row["counts"] = {
                "entries": sum(entries.get(p, 0) for p in members),
                "plans_shared": sum(shared_plans.get(p, 0) for p in members),
                "reviews": sum(reviews.get(p, 0) for p in members),
            }
        rows.append(row)
    return rows
