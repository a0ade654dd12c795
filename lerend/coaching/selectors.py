"""Who may read what in coaching. One function per question; every page, export, widget and
API route goes through these.

Content — a coachplan, a session's notes and agreements — is read by the people it is
about and the coach: the coachee (or, for a team plan, the team's pedagogisch medewerkers),
the coach, whoever logged the session, and a leader the coachee shared their plan with. A
role never opens content by itself. Hours and coverage are numbers and names, readable by
leaders and coaches within their scope.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth
from django.http import Http404
from django.utils import timezone

from lerend.kit.contrib import offer
from lerend.learning import selectors as learning_selectors
from lerend.organisations.models import Location, LocationKind, Membership, Role, Scope, Team

from . import norm as norm_calc
from .models import (
    Assignment,
    Attendee,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    Division,
    LocationYear,
    NormYear,
    PlanShare,
    PlanVisit,
)
from .rules import HOURS_ROLES

# Whose membership covers a coachee for a share: the journal's rule (coach and leaders).
SHARE_ROLES = frozenset(learning_selectors.SHARE_TARGET_ROLES)

User = get_user_model()

CHILDCARE_KINDS = (LocationKind.KINDERCENTRUM, LocationKind.KINDERDAGVERBLIJF, LocationKind.BSO)
# From this month on, people not yet coached this year are signalled to coaches and managers.
SIGNAL_FROM_MONTH = 7


# --- scope ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope_:
    """What part of the organisation a leader or coach sees hours and coverage of."""

    everything: bool
    location_ids: frozenset[int]
    team_ids: frozenset[int]

    def membership_q(self) -> Q | None:
        if self.everything:
            return None
        return (
            Q(location_id__in=self.location_ids)
            | Q(team__location_id__in=self.location_ids)
            | Q(team_id__in=self.team_ids)
        )

    def sees_location(self, location_id) -> bool:
        return self.everything or location_id in self.location_ids


def hours_scope(access) -> Scope_:
    locations, teams = set(), set()
    for m in access.memberships:
        if m.role not in HOURS_ROLES:
            continue
        if m.scope == Scope.ORGANISATION or m.role in (Role.BESTUURDER, Role.BEHEERDER):
            return Scope_(True, frozenset(), frozenset())
        if m.scope == Scope.LOCATION:
            locations.add(m.location_id)
        elif m.scope == Scope.TEAM:
            teams.add(m.team_id)
    return Scope_(False, frozenset(locations), frozenset(teams))


def locations_in_scope(access):
    qs = Location.objects.filter(organisation=access.organisation).order_by("name")
    scope = hours_scope(access)
    if not scope.everything:
        team_locations = Team.objects.filter(pk__in=scope.team_ids).values("location_id")
        qs = qs.filter(Q(pk__in=scope.location_ids) | Q(pk__in=team_locations))
    return qs


# --- assignments ------------------------------------------------------------------------------


def _assignments(organisation):
    return Assignment.objects.filter(organisation=organisation).select_related(
        "coach", "person", "team__location", "location"
    )


def active_assignments(organisation, on=None):
    today = on or timezone.localdate()
    return _assignments(organisation).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today), starts_on__lte=today
    )


def all_assignments(organisation):
    return _assignments(organisation)


def assignments_of_coach(access, user):
    """What ``user`` coaches now, each with ``sessions_this_year`` (one query)."""
    year = timezone.localdate().year
    return (
        active_assignments(access.organisation)
        .filter(coach=user)
        .annotate(sessions_this_year=Count("sessions", filter=Q(sessions__held_on__year=year)))
        .order_by("person__name", "team__name", "location__name", "id")
    )


def assignment_for_manager(access, assignment_id) -> Assignment:
    found = _assignments(access.organisation).filter(pk=assignment_id).first()
    if found is None:
        raise Http404
    return found


def assignment_for_logger(access, user, assignment_id, *, may_manage: bool) -> Assignment:
    """Who logs a session on an assignment: its coach; for an external coach, the houder's
    people (``may_manage``). Everyone else: 404."""
    found = active_assignments(access.organisation).filter(pk=assignment_id).first()
    if found is None:
        raise Http404
    if found.coach_id == user.pk or (found.coach_id is None and may_manage):
        return found
    raise Http404


def my_coaches(access, user):
    """Active assignments that cover ``user``: to them, their team, or their location."""
    teams = [m.team_id for m in access.memberships if m.team_id]
    return (
        active_assignments(access.organisation)
        .filter(Q(person=user) | Q(team_id__in=teams) | Q(location_id__in=access.location_ids))
        .order_by("id")
    )


def _staff_memberships(organisation, year=None):
    """Active memberships of pedagogisch medewerkers (leraren in a school): the people who
    must be coached. Year given: active at some day of that year until today."""
    if year is None:
        return Membership.objects.active().filter(organisation=organisation, role=Role.MEDEWERKER)
    last = min(datetime.date(year, 12, 31), timezone.localdate())
    return Membership.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1)),
        organisation=organisation,
        role=Role.MEDEWERKER,
        start_date__lte=last,
        person__is_active=True,
    )


def assignment_people(assignment, *, team_id=None):
    """The pedagogisch medewerkers a session on this assignment can be with: the person;
    the team's members; for a location, the members of ``team_id`` at that location."""
    if assignment.person_id:
        return User.objects.filter(pk=assignment.person_id)
    if assignment.team_id:
        team_id = assignment.team_id
    elif team_id is None:
        return User.objects.none()
    memberships = _staff_memberships(assignment.organisation).filter(team_id=team_id)
    if assignment.location_id:
        memberships = memberships.filter(team__location_id=assignment.location_id)
    return User.objects.filter(pk__in=memberships.values("person_id")).order_by("name", "id")


def supported_not_coached(access, user, year) -> int:
    """How many of the people ``user`` coaches (directly, or as members of their teams or
    locations) have had no session this year. One query."""
    mine = active_assignments(access.organisation).filter(coach=user)
    staff = _staff_memberships(access.organisation).filter(
        Q(person_id__in=mine.filter(person__isnull=False).values("person_id"))
        | Q(team_id__in=mine.filter(team__isnull=False).values("team_id"))
        | Q(location_id__in=mine.filter(location__isnull=False).values("location_id"))
        | Q(team__location_id__in=mine.filter(location__isnull=False).values("location_id"))
    )
    coached = Attendee.objects.filter(organisation=access.organisation, year=year)
    return (
        staff.exclude(person_id__in=coached.values("person_id"))
        .values("person_id")
        .distinct()
        .count()
    )


# --- plans ------------------------------------------------------------------------------------


def _staff_team_ids(access) -> list[int]:
    return [m.team_id for m in access.memberships if m.role == Role.MEDEWERKER and m.team_id]


def covered_people(access, user):
    """Person ids ``user`` covers NOW, as a subquery: through a leader or coach membership
    whose scope holds the person (the journal's rule), or through an active coaching
    assignment to the person, their team or their location. A share pauses when its reader
    stops covering the coachee (the assignment ended, the leader moved) and applies again
    when that returns; nothing is deleted, revoking stays the coachee's act."""
    organisation = access.organisation
    here = Membership.objects.active().filter(organisation=organisation)
    reach = Q(pk__in=[])
    for m in access.memberships:
        if m.role not in SHARE_ROLES:
            continue
        if m.scope == Scope.ORGANISATION:
            reach |= Q(pk__isnull=False)
        elif m.scope == Scope.LOCATION:
            reach |= Q(location_id=m.location_id) | Q(team__location_id=m.location_id)
        elif m.scope == Scope.TEAM:
            reach |= Q(team_id=m.team_id)
    mine = active_assignments(organisation).filter(coach=user)
    reach |= (
        Q(person_id__in=mine.filter(person__isnull=False).values("person_id"))
        | Q(team_id__in=mine.filter(team__isnull=False).values("team_id"))
        | Q(location_id__in=mine.filter(location__isnull=False).values("location_id"))
        | Q(team__location_id__in=mine.filter(location__isnull=False).values("location_id"))
    )
    return here.filter(reach).values("person_id")


def _live_shares(access, user, plan_ref: str):
    """The shares of the plan at ``plan_ref`` (an OuterRef path) with ``user`` that count
    now: its coachee is still covered by ``user``."""
    return PlanShare.objects.filter(
        plan=OuterRef(plan_ref),
        person=user,
        plan__coachee_id__in=covered_people(access, user),
    )


def _plan_readable(access, user) -> Q:
    shared = _live_shares(access, user, "pk")
    return (
        Q(coachee=user) | Q(coach=user) | Q(team_id__in=_staff_team_ids(access)) | Q(Exists(shared))
    )


def plans_visible_to(access, user):
    return CoachingPlan.objects.filter(
        _plan_readable(access, user), organisation=access.organisation
    ).select_related("coachee", "team", "coach")


def plan_for_viewer(access, user, plan_id) -> CoachingPlan:
    plan = plans_visible_to(access, user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def may_edit_plan(access, user, plan) -> bool:
    """The coachee, the coach, and for a team plan its pedagogisch medewerkers; a leader who
    was shared the plan only reads it."""
    return (
        plan.coachee_id == user.pk
        or plan.coach_id == user.pk
        or (plan.team_id is not None and plan.team_id in _staff_team_ids(access))
    )


def plan_for_editor(access, user, plan_id) -> CoachingPlan:
    plan = plan_for_viewer(access, user, plan_id)
    if not may_edit_plan(access, user, plan):
        raise Http404
    return plan


def plan_for_coachee(access, user, plan_id) -> CoachingPlan:
    """Sharing and its page: the coachee only; whoever else reads the plan gets 404 too."""
    plan = plan_for_viewer(access, user, plan_id)
    if plan.coachee_id != user.pk:
        raise Http404
    return plan


def goal_for_editor(access, user, goal_id) -> CoachingGoal:
    goal = (
        CoachingGoal.objects.filter(pk=goal_id, plan__in=plans_visible_to(access, user))
        .select_related("plan")
        .first()
    )
    if goal is None or not may_edit_plan(access, user, goal.plan):
        raise Http404
    return goal


def share_for_coachee(access, user, share_id) -> PlanShare:
    share = PlanShare.objects.filter(
        pk=share_id, organisation=access.organisation, plan__coachee=user
    ).first()
    if share is None:
        raise Http404
    return share


def own_plans(access, user):
    return plans_visible_to(access, user).filter(coachee=user)


def plans_as_coach(access, user):
    return plans_visible_to(access, user).filter(coach=user)


def plans_shared_with(access, user):
    """Plans shared with ``user`` whose share counts now (see ``covered_people``)."""
    return (
        CoachingPlan.objects.filter(
            organisation=access.organisation,
            shares__person=user,
            coachee_id__in=covered_people(access, user),
        )
        .select_related("coachee")
        .order_by("-year", "coachee__name")
    )


def shares_of(plan):
    return plan.shares.select_related("person").order_by("person__name")


def share_targets(access, plan):
    """The leaders and coaches who cover the coachee (the same people a journal entry can be
    shared with) and coaches with an active assignment covering them, minus those who
    already read the plan."""
    if plan.coachee_id is None:
        return User.objects.none()
    coachee = plan.coachee
    teams = Membership.objects.active().filter(
        organisation=access.organisation, person=coachee, team__isnull=False
    )
    places = Membership.objects.active().filter(organisation=access.organisation, person=coachee)
    assigned = (
        active_assignments(access.organisation)
        .filter(coach__isnull=False)
        .filter(
            Q(person=coachee)
            | Q(team_id__in=teams.values("team_id"))
            | Q(location_id__in=places.values("location_id"))
            | Q(location_id__in=teams.values("team__location_id"))
        )
        .values("coach_id")
    )
    covering = learning_selectors.share_target_people(access, coachee).values("pk")
    return (
        User.objects.filter(Q(pk__in=covering) | Q(pk__in=assigned), is_active=True)
        .exclude(pk__in=[plan.coachee_id, plan.coach_id or 0])
        .order_by("name", "id")
    )


def pop_goals_of(access, user, year):
    """The coachee's own POP goals of ``year``, to link a coaching goal to."""
    pop = learning_selectors.current_pop(access, user, year)
    return list(learning_selectors.plan_goals(pop)) if pop else []


# --- sessions ---------------------------------------------------------------------------------


def _session_readable(access, user) -> Q:
    attended = Attendee.objects.filter(session=OuterRef("pk"), person=user)
    shared = _live_shares(access, user, "plan_id")
    return Q(coach=user) | Q(logged_by=user) | Q(Exists(attended)) | Q(Exists(shared))


def sessions_visible_to(access, user):
    return CoachingSession.objects.filter(
        _session_readable(access, user), organisation=access.organisation
    ).select_related("coach", "location")


def session_for_viewer(access, user, session_id) -> CoachingSession:
    session = sessions_visible_to(access, user).filter(pk=session_id).first()
    if session is None:
        raise Http404
    return session


def session_for_logger(access, user, session_id) -> CoachingSession:
    """Only whoever logged a session (or its coach) changes or deletes it."""
    session = (
        CoachingSession.objects.filter(
            Q(coach=user) | Q(logged_by=user), organisation=access.organisation
        )
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise Http404
    return session


def with_attendees(sessions):
    return sessions.prefetch_related("attendees__person")


def my_sessions(access, user, year):
    """Sessions ``user`` took part in as coachee, in ``year``."""
    return with_attendees(
        sessions_visible_to(access, user).filter(attendees__person=user, held_on__year=year)
    )


def sessions_as_coach(access, user, year):
    return with_attendees(
        sessions_visible_to(access, user)
        .filter(Q(coach=user) | Q(logged_by=user), held_on__year=year)
        .distinct()
    )


# --- the norm ---------------------------------------------------------------------------------


@dataclass
class LocationFigures:
    location: Location
    registrations: int
    ve_children: int
    fte: Decimal
    entered: bool

    @property
    def ve_hours(self) -> Decimal:
        return norm_calc.HOURS_PER_VE_CHILD * self.ve_children


def norm_figures(organisation, year) -> tuple[list[LocationFigures], Decimal, NormYear | None]:
    """Per childcare location: registrations and VE-children (entered, or one registration
    and no VE-children when not entered) and the FTE of pedagogisch medewerkers there on 1
    January; the FTE of those not placed at a location; and the year's flexible inzet.
    Four queries whatever the number of locations."""
    peildatum = datetime.date(year, 1, 1)
    locations = list(
        Location.objects.filter(organisation=organisation, kind__in=CHILDCARE_KINDS).order_by(
            "name"
        )
    )
    entered = {
        ly.location_id: ly
        for ly in LocationYear.objects.filter(organisation=organisation, year=year)
    }
    fte_rows = dict(
        Membership.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=peildatum),
            organisation=organisation,
            role=Role.MEDEWERKER,
            start_date__lte=peildatum,
        )
        .annotate(at=Coalesce("location_id", "team__location_id"))
        .values_list("at")
        .annotate(total=Sum("fte"))
        .order_by()
    )
    figures = []
    for loc in locations:
        ly = entered.get(loc.pk)
        figures.append(
            LocationFigures(
                loc,
                ly.registrations if ly else 1,
                ly.ve_children if ly else 0,
                Decimal(fte_rows.pop(loc.pk, 0) or 0),
                ly is not None,
            )
        )
    unplaced = sum((Decimal(v or 0) for v in fte_rows.values()), Decimal(0))
    year_row = NormYear.objects.filter(organisation=organisation, year=year).first()
    return figures, unplaced, year_row


def norm_for(organisation, year):
    """(norm.Norm, per-location figures, FTE not at a childcare location, NormYear)."""
    figures, unplaced, year_row = norm_figures(organisation, year)
    flexible = norm_calc.fte_from_weekly_hours(year_row.flexible_hours_per_week if year_row else 0)
    result = norm_calc.calculate(
        registrations=sum(f.registrations for f in figures),
        staff_fte=sum((f.fte for f in figures), Decimal(0)) + unplaced,
        flexible_fte=flexible,
        ve_children=sum(f.ve_children for f in figures),
    )
    return result, figures, unplaced, year_row


# --- division and realised hours --------------------------------------------------------------


def current_division(organisation, year) -> Division | None:
    return (
        Division.objects.filter(organisation=organisation, year=year)
        .select_related("decided_by")
        .prefetch_related("lines__location")
        .order_by("-version")
        .first()
    )


def division_versions(organisation, year):
    return Division.objects.filter(organisation=organisation, year=year).select_related(
        "decided_by"
    )


def published_years(organisation) -> list[int]:
    return sorted(
        set(Division.objects.filter(organisation=organisation).values_list("year", flat=True)),
        reverse=True,
    )


def _hours(minutes) -> Decimal:
    return norm_calc.hours(Decimal(minutes or 0) / 60)


@dataclass
class LocationHours:
    location: Location
    planned: Decimal | None  # coaching + VE hours of the division in force
    realised: Decimal
    by_coach: list[tuple[str, Decimal]]
    by_month: list[Decimal]

    @property
    def share(self) -> int | None:
        if not self.planned:
            return None
        return int((self.realised / self.planned * 100).to_integral_value())

    @property
    def behind(self) -> bool:
        """Behind when less is realised than the part of the year that has passed."""
        return self.planned is not None and self.realised < self.expected

    expected: Decimal = Decimal(0)


def realised_hours(access, year) -> list[LocationHours]:
    """Per location in scope: the hours planned in the division in force, the hours of the
    session log by coach and by month. Four queries whatever the number of locations."""
    organisation = access.organisation
    locations = list(locations_in_scope(access))
    division = current_division(organisation, year)
    planned = (
        {line.location_id: line.coaching_hours + line.ve_hours for line in division.lines.all()}
        if division
        else {}
    )
    sessions = CoachingSession.objects.filter(
        organisation=organisation, held_on__year=year, location__in=locations
    )
    coach_rows = (
        sessions.values("location_id", "coach__name", "external_coach")
        .annotate(minutes=Sum("minutes"))
        .order_by("location_id", "coach__name", "external_coach")
    )
    month_rows = (
        sessions.annotate(month=ExtractMonth("held_on"))
        .values("location_id", "month")
        .annotate(minutes=Sum("minutes"))
        .order_by()
    )
    by_coach: dict[int, list] = {}
    minutes: dict[int, int] = {}
    for row in coach_rows:
        name = row["coach__name"] or row["external_coach"] or "–"
        by_coach.setdefault(row["location_id"], []).append((name, _hours(row["minutes"])))
        minutes[row["location_id"]] = minutes.get(row["location_id"], 0) + row["minutes"]
    by_month: dict[int, list] = {loc.pk: [Decimal(0)] * 12 for loc in locations}
    for month_row in month_rows:
        by_month[month_row["location_id"]][month_row["month"] - 1] = _hours(month_row["minutes"])
    passed = _part_of_year_passed(year)
    result = []
    for loc in locations:
        plan = planned.get(loc.pk)
        item = LocationHours(
            loc, plan, _hours(minutes.get(loc.pk)), by_coach.get(loc.pk, []), by_month[loc.pk]
        )
        item.expected = norm_calc.hours(plan * passed) if plan is not None else Decimal(0)
        result.append(item)
    return result


def _part_of_year_passed(year) -> Decimal:
    today = timezone.localdate()
    if year < today.year:
        return Decimal(1)
    if year > today.year:
        return Decimal(0)
    start = datetime.date(year, 1, 1)
    days = (datetime.date(year + 1, 1, 1) - start).days
    return Decimal((today - start).days) / Decimal(days)


# --- coverage ---------------------------------------------------------------------------------


def _coached(organisation, year):
    return Attendee.objects.filter(organisation=organisation, year=year).values("person_id")


def coached_people(organisation, year):
    """Ids of the people who attended a session in ``year`` (a subquery)."""
    return _coached(organisation, year)


def staff_memberships(organisation, year=None):
    """The memberships of the people who must be coached (see ``_staff_memberships``)."""
    return _staff_memberships(organisation, year)


def coverage_counts(access, year) -> dict:
    """Pedagogisch medewerkers in scope and how many of them were coached in ``year``: in
    total and per location (a person at two locations counts at both). Two queries."""
    organisation = access.organisation
    staff = _staff_memberships(organisation, year)
    q = hours_scope(access).membership_q()
    if q is not None:
        staff = staff.filter(q)
    coached = Q(person_id__in=_coached(organisation, year))
    total = staff.aggregate(
        people=Count("person", distinct=True),
        coached=Count("person", distinct=True, filter=coached),
    )
    rows = (
        staff.annotate(at=Coalesce("location_id", "team__location_id"))
        .values("at")
        .annotate(
            people=Count("person", distinct=True),
            coached=Count("person", distinct=True, filter=coached),
        )
        .order_by()
    )
    per_location = {row["at"]: row for row in rows}
    names = dict(
        Location.objects.filter(pk__in=[k for k in per_location if k]).values_list("pk", "name")
    )
    locations = sorted(
        (
            {
                "location_id": key,
                "name": names.get(key, ""),
                "people": row["people"],
                "coached": row["coached"],
                "not_yet": row["people"] - row["coached"],
            }
            for key, row in per_location.items()
        ),
        key=lambda r: (r["name"] == "", r["name"]),
    )
    return {
        "people": total["people"],
        "coached": total["coached"],
        "not_yet": total["people"] - total["coached"],
        "locations": locations,
    }


def not_coached_count(access, year) -> int:
    """How many people in scope had no session in ``year``. One query."""
    staff = _staff_memberships(access.organisation, year)
    q = hours_scope(access).membership_q()
    if q is not None:
        staff = staff.filter(q)
    return (
        staff.exclude(person_id__in=_coached(access.organisation, year))
        .values("person_id")
        .distinct()
        .count()
    )


def not_coached(access, year, *, query="", location_id=None):
    """People in scope with no session in ``year``, each with ``org_memberships``-like
    ``where`` text built by the page from prefetched memberships. Paged by the caller."""
    organisation = access.organisation
    staff = _staff_memberships(organisation, year)
    q = hours_scope(access).membership_q()
    if q is not None:
        staff = staff.filter(q)
    if location_id:
        staff = staff.filter(Q(location_id=location_id) | Q(team__location_id=location_id))
    people = User.objects.filter(pk__in=staff.values("person_id")).exclude(
        pk__in=_coached(organisation, year)
    )
    if query:
        people = people.filter(Q(name__icontains=query) | Q(email__icontains=query))
    return people.order_by("name", "id")


def places_of(organisation, people) -> dict[int, str]:
    """Person id -> where they work (team and location names), one query for a page."""
    places: dict[int, list[str]] = {}
    rows = (
        Membership.objects.active()
        .filter(organisation=organisation, role=Role.MEDEWERKER, person__in=people)
        .select_related("team__location", "location")
        .order_by("id")
    )
    for m in rows:
        if m.team_id:
            text = f"{m.team.name}, {m.team.location.name}"
        elif m.location_id:
            text = m.location.name
        else:
            continue
        places.setdefault(m.person_id, []).append(text)
    return {pk: "; ".join(texts) for pk, texts in places.items()}


def is_signal_period(today=None) -> bool:
    return (today or timezone.localdate()).month >= SIGNAL_FROM_MONTH


# --- links to other apps' records ---------------------------------------------------------------


def visits_to_link(organisation, user) -> list:
    """Visits in which ``user`` was the observed person (collaboration's, offered as
    ``visits_observing``), for them to add to their coaching trajectory."""
    found = offer("visits_observing")
    return list(found(organisation, user)) if found else []


def trajectory_visits(access, user, plan) -> list:
    """The visits of a plan's trajectory as links, for the coachee and the coach only — a
    leader it was shared with, or a team member, does not see which visits are in it."""
    if user.pk not in (plan.coachee_id, plan.coach_id):
        return []
    links = list(plan.visits.select_related("goal").order_by("id"))
    labels = offer("visit_links")
    found = labels(plan.organisation, [link.visit_id for link in links]) if labels else {}
    for link in links:
        link.record = found.get(link.visit_id)
    return [link for link in links if link.record is not None]


def visit_link_for_coachee(access, user, link_id) -> PlanVisit:
    link = PlanVisit.objects.filter(
        pk=link_id, plan__organisation=access.organisation, plan__coachee=user
    ).first()
    if link is None:
        raise Http404
    return link


def pd_session(organisation, session_id) -> CoachingSession:
    session = CoachingSession.objects.filter(
        pk=session_id, organisation=organisation, pd_activity_id__isnull=False
    ).first()
    if session is None:
        raise Http404
    return session
