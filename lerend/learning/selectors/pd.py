"""Professional development: the catalogue, one's own participations, and the budget totals
of a leader's scope."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.http import Http404

from lerend.accounts.models import User
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Membership, Scope

from ..models import (
    Applied,
    Participation,
    PdActivity,
    PdBudget,
)
from .overview import teams_in_scope

# Organisers see how many answered "yes / partly / no" to "did you apply it?" per activity,
# but only from this many answers on: with one or two, a count of "no" points at a person.
MIN_APPLIED_ANSWERS = 3


def pd_catalogue(access):
    return PdActivity.objects.filter(organisation=access.organisation)


def pd_activity_for_member(access, pd_activity_id) -> PdActivity:
    """Any member reads the catalogue; another tenant's activity does not exist."""
    activity = pd_catalogue(access).filter(pk=pd_activity_id).first()
    if activity is None:
        raise Http404
    return activity


def own_participations(access, user):
    return Participation.objects.filter(
        activity__organisation=access.organisation, person=user
    ).select_related("activity")


def participation_for_owner(access, user, participation_id) -> Participation:
    """A participation (its write-up draft and its "applied?" answer) is the person's own:
    for a leader, even the one who registered them, it does not exist."""
    participation = own_participations(access, user).filter(pk=participation_id).first()
    if participation is None:
        raise Http404
    return participation


def shared_writeups(activity):
    """What participants chose to share with colleagues ("deel wat je geleerd hebt")."""
    return (
        activity.participations.filter(writeup_shared=True)
        .exclude(writeup="")
        .select_related("person")
        .order_by("-writeup_at", "-id")
    )


def applied_summary(activity) -> dict | None:
    """Counts per answer to "did you apply it?", or None below MIN_APPLIED_ANSWERS. One
    query. Never the explanations: those stay with the person who wrote them."""
    counts = dict(
        activity.participations.exclude(applied="")
        .values_list("applied")
        .annotate(n=Count("id"))
        .values_list("applied", "n")
    )
    total = sum(counts.values())
    if total < MIN_APPLIED_ANSWERS:
        return None
    return {
        "total": total,
        "rows": [(value, label, counts.get(value, 0)) for value, label in Applied.choices],
    }


def participations_to_answer(access, user):
    """Participations for which "did you apply it?" was asked and not answered yet."""
    return own_participations(access, user).filter(applied_asked_on__isnull=False, applied="")


def _covered_location_ids(access) -> set[int]:
    return {
        m.location_id
        for m in access.memberships
        if m.role in LEADER_ROLES and m.scope == Scope.LOCATION
    }


def people_in_scope(access):
    """Active people a leader covers: everyone for an organisation-wide leader, else the
    people in the leader's teams and locations. Empty for non-leaders."""
    memberships = Membership.objects.active().filter(organisation=access.organisation)
    if not access.covers_organisation():
        team_ids = [t.id for t in teams_in_scope(access)]
        location_ids = _covered_location_ids(access)
        memberships = memberships.filter(
            Q(scope=Scope.TEAM, team_id__in=team_ids)
            | Q(scope=Scope.LOCATION, location_id__in=location_ids)
        )
    return User.objects.filter(pk__in=memberships.values("person_id"), is_active=True).order_by(
        "name", "id"
    )


def _year_range(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _spent_per_person(org, people, year) -> dict[int, tuple]:
    """person id -> (cost, hours) of their participations in activities of ``year``.
    ``people`` is a list of ids or a queryset of them (a subquery, not a parameter list)."""
    rows = (
        Participation.objects.filter(
            activity__organisation=org,
            person_id__in=people,
            activity__starts_on__range=_year_range(year),
        )
        .values("person_id")
        .annotate(cost=Sum("cost_share"), hours=Sum("hours"))
    )
    return {r["person_id"]: (r["cost"] or 0, r["hours"] or 0) for r in rows}


def pd_totals(access, year) -> dict:
    """Money and hours spent per team in the leader's scope (the members' participations in
    activities of ``year``) against the team budget, and the personal budgets of people in
    scope against what they spent. A fixed number of queries, however many teams, and one
    pass over the memberships."""
    org = access.organisation
    teams = teams_in_scope(access)
    team_ids = [t.id for t in teams]
    members: dict[int, set[int]] = defaultdict(set)
    for team_id, person_id in (
        Membership.objects.active()
        .filter(organisation=org, scope=Scope.TEAM, team_id__in=team_ids)
        .values_list("team_id", "person_id")
    ):
        members[team_id].add(person_id)
    in_scope = people_in_scope(access).values("pk")
    team_budgets = {
        b.team_id: b
        for b in PdBudget.objects.filter(organisation=org, year=year, team__isnull=False)
    }
    person_budgets = list(
        PdBudget.objects.filter(organisation=org, year=year, person__in=in_scope)
        .select_related("person")
        .order_by("person__name", "person_id")
    )
    spent = _spent_per_person(org, in_scope, year)
    nothing = (0, 0)
    team_rows = []
    for team in teams:
        team_spent = [spent.get(p, nothing) for p in members.get(team.id, ())]
        team_rows.append(
            {
                "team": team,
                "size": len(members.get(team.id, ())),
                "budget": team_budgets.get(team.id),
                "cost": sum((c for c, _ in team_spent), 0),
                "hours": sum((h for _, h in team_spent), 0),
            }
        )
    person_rows = [
        {
            "person": b.person,
            "budget": b,
            "cost": spent.get(b.person_id, nothing)[0],  # type: ignore[arg-type]
            "hours": spent.get(b.person_id, nothing)[1],  # type: ignore[arg-type]
        }
        for b in person_budgets
    ]
    return {"teams": team_rows, "people": person_rows}


def own_pd_budget(access, user, year) -> dict:
    budget = PdBudget.objects.filter(organisation=access.organisation, year=year, person=user)
    cost, hours = _spent_per_person(access.organisation, [user.pk], year).get(user.pk, (0, 0))
    return {"budget": budget.first(), "cost": cost, "hours": hours}
