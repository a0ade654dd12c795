"""Every write of coaching.

Assignments, the norm's figures and the division are the houder's decisions and are
audited. Plans, sessions and shares are personal records and are not (see audit.py).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks.registry import block_keys
from lerend.kit.contrib import offer
from lerend.organisations.models import Location, Membership, Role
from lerend.organisations.services import record

from . import selectors
from .models import (
    Assignment,
    Attendee,
    CoachingForm,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    Division,
    DivisionLine,
    LocationYear,
    NormYear,
    PlanShare,
    PlanVisit,
)


def _blocks(keys) -> list[str]:
    known = block_keys()
    unknown = [k for k in keys or [] if k not in known]
    if unknown:
        raise ValidationError({"building_blocks": _("Unknown building block.")})
    return [k for k in known if k in set(keys or [])]


def _forms(values) -> list[str]:
    known = [value for value, _label in CoachingForm.choices]
    if any(v not in known for v in values or []):
        raise ValidationError({"planned_forms": _("Unknown form of coaching.")})
    return [v for v in known if v in set(values or [])]


def _is_member(organisation, person, roles=None) -> bool:
    memberships = Membership.objects.active().filter(organisation=organisation, person=person)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return memberships.exists()


# --- assignments ------------------------------------------------------------------------------


@transaction.atomic
def create_assignment(
    *,
    organisation,
    actor,
    coach=None,
    external_coach="",
    person=None,
    team=None,
    location=None,
    starts_on=None,
    ends_on=None,
) -> Assignment:
    """Assigns a coach (a member with the coach role, or an external coach by name) to one
    person, team or location. Side effects: an audit entry."""
    external_coach = (external_coach or "").strip()
    if (coach is None) == (not external_coach):
        raise ValidationError(_("Choose a coach from the organisation or name an external coach."))
    if coach is not None and not _is_member(organisation, coach, [Role.COACH]):
        raise ValidationError({"coach": _("This person has no coach role here.")})
    if sum(x is not None for x in (person, team, location)) != 1:
        raise ValidationError(_("Choose one person, one team or one location."))
    if person is not None and not _is_member(organisation, person):
        raise ValidationError({"person": _("This person does not work here.")})
    for thing in (team, location):
        if thing is not None and thing.organisation_id != organisation.pk:
            raise ValidationError(_("Choose one person, one team or one location."))
    starts_on = starts_on or timezone.localdate()
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date is before the start date.")})
    assignment = Assignment.objects.create(
        organisation=organisation,
        coach=coach,
        external_coach=external_coach if coach is None else "",
        person=person,
        team=team,
        location=location,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )
    record(
        organisation=organisation,
        actor=actor,
        action="coaching.assignment.create",
        target=assignment,
        after={"coach": assignment.coach_name, "supports": assignment.target_name},
    )
    return assignment


@transaction.atomic
def end_assignment(*, assignment, actor, ends_on=None) -> Assignment:
    """Ends the assignment (today by default); sessions logged on it stay. Side effects:
    an audit entry."""
    ends_on = ends_on or timezone.localdate()
    before = assignment.ends_on
    assignment.ends_on = max(ends_on, assignment.starts_on)
    assignment.save(update_fields=["ends_on"])
    record(
        organisation=assignment.organisation,
        actor=actor,
        action="coaching.assignment.end",
        target=assignment,
        before={"ends_on": before.isoformat() if before else None},
        after={"ends_on": assignment.ends_on.isoformat()},
    )
    return assignment


# --- plans ------------------------------------------------------------------------------------


@transaction.atomic
def create_plan(
    *, organisation, year, coachee=None, team=None, coach=None, question="", planned_forms=()
) -> CoachingPlan:
    """A coachplan of one person or one team for ``year``; one of each per year."""
    if (coachee is None) == (team is None):
        raise ValidationError(_("A coachplan is for one person or one team."))
    existing = CoachingPlan.objects.filter(organisation=organisation, year=year)
    existing = existing.filter(coachee=coachee) if coachee else existing.filter(team=team)
    if existing.exists():
        raise ValidationError(_("There is already a coachplan for %(year)s.") % {"year": year})
    return CoachingPlan.objects.create(
        organisation=organisation,
        year=year,
        coachee=coachee,
        team=team,
        coach=coach,
        question=question,
        planned_forms=_forms(planned_forms),
    )


@transaction.atomic
def update_plan(*, plan, question="", planned_forms=()) -> CoachingPlan:
    plan.question = question
    plan.planned_forms = _forms(planned_forms)
    plan.save(update_fields=["question", "planned_forms"])
    return plan


def focus_choices(organisation) -> list[tuple[str, str]]:
    """The sector's interaction skills (childcare) or lesson domains (school), from
    collaboration's observation rubric (offered as ``observation_focus``)."""
    found = offer("observation_focus")
    return list(found(organisation)) if found else []


def _focus(organisation, keys) -> list[str]:
    known = [key for key, _label in focus_choices(organisation)]
    if any(k not in known for k in keys or []):
        raise ValidationError({"focus_areas": _("Unknown interaction skill or lesson domain.")})
    return [k for k in known if k in set(keys or [])]


@transaction.atomic
def add_goal(
    *,
    access,
    actor,
    plan,
    title,
    description="",
    building_blocks=(),
    pop_goal=None,
    focus_areas=(),
) -> CoachingGoal:
    """Adds a goal. A POP goal can be linked only by the coachee, and only one of their own:
    the POP is theirs, the coach does not see it. ``focus_areas``: the interaction skills or
    lesson domains it works on."""
    if pop_goal is not None:
        if plan.coachee_id != actor.pk or pop_goal.plan.owner_id != actor.pk:
            raise ValidationError({"pop_goal": _("You can link only a goal of your own POP.")})
        if pop_goal.plan.organisation_id != plan.organisation_id:
            raise ValidationError({"pop_goal": _("You can link only a goal of your own POP.")})
    return CoachingGoal.objects.create(
        plan=plan,
        title=title,
        description=description,
        building_blocks=_blocks(building_blocks),
        pop_goal=pop_goal,
        focus_areas=_focus(plan.organisation, focus_areas),
    )


@transaction.atomic
def goal_to_pop(*, actor, goal) -> CoachingGoal:
    """The coachee makes a goal of their coachplan a goal of their own POP (learning's,
    through the ``make_pop_goal`` offer) and links the two. Only the coachee: a POP is
    theirs alone, so nobody else creates a goal in it."""
    plan = goal.plan
    if plan.coachee_id is None or plan.coachee_id != actor.pk:
        raise ValidationError(_("Only the coachee can add this goal to their POP."))
    if goal.pop_goal_id is not None:
        raise ValidationError(_("This goal is already part of your POP."))
    make = offer("make_pop_goal")
    if make is None:
        raise ValidationError(_("There is no POP to add it to."))
    goal.pop_goal_id = make(
        plan.organisation,
        actor,
        plan.year,
        goal.title,
        goal.description,
        goal.building_blocks,
    )
    goal.save(update_fields=["pop_goal"])
    return goal


@transaction.atomic
def goal_to_action(*, actor, goal, due_on):
    """A goal of a team's coachplan becomes an action on that team's board (improvement's,
    through the ``make_team_action`` offer), owned by ``actor``. A person's coaching goal
    never goes to a board: it would show the team what someone is coached on."""
    plan = goal.plan
    if plan.team_id is None:
        raise ValidationError(_("Only a goal of a team's coachplan can go to the team board."))
    if goal.action_id is not None:
        raise ValidationError(_("This goal is already on the team board."))
    make = offer("make_team_action")
    if make is None:
        raise ValidationError(_("There is no team board to add it to."))
    link = make(plan.organisation, actor, plan.team, goal.title, due_on, goal.building_blocks)
    goal.action_id = link.id
    goal.save(update_fields=["action_id"])
    return link


@transaction.atomic
def link_visit(*, actor, plan, visit_id, goal=None) -> PlanVisit:
    """The coachee adds a visit or observation in which they were the observed person to
    their coaching trajectory (optionally for one goal of it)."""
    if plan.coachee_id is None or plan.coachee_id != actor.pk:
        raise ValidationError(_("Only the coachee links their visits to the coachplan."))
    if goal is not None and goal.plan_id != plan.pk:
        raise ValidationError({"goal": _("Choose a goal of this coachplan.")})
    mine = offer("visits_observing")
    if mine is None or visit_id not in {v.id for v in mine(plan.organisation, actor)}:
        raise ValidationError({"visit": _("Choose a visit in which you were observed.")})
    found, _created = PlanVisit.objects.update_or_create(
        plan=plan, visit_id=visit_id, defaults={"goal": goal}
    )
    return found


@transaction.atomic
def unlink_visit(*, link) -> None:
    link.delete()


@transaction.atomic
def set_goal_reached(*, goal, reached: bool) -> CoachingGoal:
    goal.reached = reached
    goal.save(update_fields=["reached"])
    return goal


@transaction.atomic
def evaluate_plan(*, plan, evaluation, evaluated_on=None) -> CoachingPlan:
    """The end evaluation: what the coaching brought, in the words of coachee and coach."""
    if not evaluation.strip():
        raise ValidationError({"evaluation": _("Write down what the coaching brought.")})
    plan.evaluation = evaluation
    plan.evaluated_on = evaluated_on or timezone.localdate()
    plan.save(update_fields=["evaluation", "evaluated_on"])
    return plan


@transaction.atomic
def share_plan(*, access, actor, plan, person) -> PlanShare:
    """The coachee lets a leader or coach who covers them read the plan with its sessions."""
    if plan.coachee_id != actor.pk:
        raise ValidationError(_("Only the coachee can share this plan."))
    if not selectors.share_targets(access, plan).filter(pk=person.pk).exists():
        raise ValidationError(_("You can share only with a coach or leader who covers you."))
    found, _created = PlanShare.objects.get_or_create(
        organisation=plan.organisation, plan=plan, person=person
    )
    return found


@transaction.atomic
def revoke_share(*, share) -> None:
    share.delete()


# --- sessions ---------------------------------------------------------------------------------


def _session_location(assignment, attendees, location):
    fixed = assignment.target_location_id
    if fixed is not None:
        return Location.objects.get(pk=fixed)
    if location is not None:
        return location
    # A person's hours count where they work; the first location of their memberships.
    membership = (
        Membership.objects.active()
        .filter(organisation=assignment.organisation, person__in=attendees)
        .exclude(location__isnull=True, team__isnull=True)
        .select_related("team")
        .order_by("id")
        .first()
    )
    if membership is None:
        raise ValidationError({"location": _("Choose the location these hours count toward.")})
    return membership.location or Location.objects.get(pk=membership.team.location_id)


@transaction.atomic
def log_session(
    *,
    actor,
    assignment,
    attendees,
    held_on,
    minutes,
    form,
    notes="",
    agreements="",
    location=None,
) -> CoachingSession:
    """Logs a session on ``assignment`` with ``attendees`` (people the assignment covers).
    The hours count toward the assignment's location, or for a person the location chosen or
    where they work. The session joins the coachee's or team's plan of that year, if any."""
    organisation = assignment.organisation
    attendees = list(attendees)
    if not attendees:
        raise ValidationError({"attendees": _("Choose who took part.")})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("A session is logged after it took place.")})
    if held_on < assignment.starts_on:
        raise ValidationError({"held_on": _("This date is before the coach was assigned.")})
    if form not in CoachingForm.values:
        raise ValidationError({"form": _("Unknown form of coaching.")})
    if location is not None and location.organisation_id != organisation.pk:
        raise ValidationError({"location": _("Choose the location these hours count toward.")})
    where = _session_location(assignment, attendees, location)
    plan = None
    if assignment.person_id:
        plan = CoachingPlan.objects.filter(
            organisation=organisation, coachee_id=assignment.person_id, year=held_on.year
        ).first()
    elif assignment.team_id:
        plan = CoachingPlan.objects.filter(
            organisation=organisation, team_id=assignment.team_id, year=held_on.year
        ).first()
    session = CoachingSession(
        organisation=organisation,
        assignment=assignment,
        plan=plan,
        location=where,
        coach=assignment.coach,
        external_coach=assignment.external_coach,
        held_on=held_on,
        minutes=minutes,
        form=form,
        notes=notes,
        agreements=agreements,
        logged_by=actor,
    )
    session.full_clean(exclude=["assignment", "plan", "location", "coach", "logged_by"])
    session.save()
    Attendee.objects.bulk_create(
        Attendee(organisation=organisation, session=session, person=p, year=held_on.year)
        for p in attendees
    )
    return session


@transaction.atomic
def update_session_notes(*, session, notes, agreements) -> CoachingSession:
    session.notes, session.agreements = notes, agreements
    session.save(update_fields=["notes", "agreements"])
    return session


@transaction.atomic
def delete_session(*, session) -> None:
    session.delete()


# --- the norm and the division ----------------------------------------------------------------


@transaction.atomic
def save_norm_figures(*, organisation, actor, year, flexible_hours_per_week, locations) -> None:
    """Stores the year's figures the norm cannot take from memberships: the flexible
    staff's average hours a week, and per location ``{location: (registrations,
    ve_children)}``. Side effects: one audit entry with the old and new figures."""
    if flexible_hours_per_week < 0:
        raise ValidationError({"flexible_hours_per_week": _("Enter zero or more hours.")})
    before: dict[str, str | dict[str, int]] = {}
    after: dict[str, str | dict[str, int]] = {}
    row, _created = NormYear.objects.get_or_create(organisation=organisation, year=year)
    before["flexible_hours_per_week"] = str(row.flexible_hours_per_week)
    row.flexible_hours_per_week = Decimal(flexible_hours_per_week)
    row.updated_at = timezone.now()
    row.save()
    after["flexible_hours_per_week"] = str(row.flexible_hours_per_week)
    existing = {
        ly.location_id: ly
        for ly in LocationYear.objects.filter(organisation=organisation, year=year)
    }
    for location, (registrations, ve_children) in locations.items():
        if location.organisation_id != organisation.pk:
            raise ValidationError(_("Unknown location."))
        if registrations < 0 or ve_children < 0:
            raise ValidationError(_("Enter zero or more."))
        ly = existing.get(location.pk)
        if ly is not None:
            before[location.name] = {
                "registrations": ly.registrations,
                "ve_children": ly.ve_children,
            }
            ly.registrations, ly.ve_children = registrations, ve_children
            ly.save(update_fields=["registrations", "ve_children"])
        else:
            LocationYear.objects.create(
                organisation=organisation,
                location=location,
                year=year,
                registrations=registrations,
                ve_children=ve_children,
            )
        after[location.name] = {"registrations": registrations, "ve_children": ve_children}
    record(
        organisation=organisation,
        actor=actor,
        action="coaching.norm.update",
        target=row,
        before=before,
        after=after,
    )


@transaction.atomic
def decide_division(*, organisation, actor, year, lines, explanation="") -> Division:
    """Records a new version of the year's division: ``lines`` is ``{location: (policy,
    coaching, ve)}`` in hours. The newest version is the one in force and is published.
    Side effects: an audit entry with the totals."""
    if not lines:
        raise ValidationError(_("Divide the hours over at least one location."))
    for location, values in lines.items():
        if location.organisation_id != organisation.pk:
            raise ValidationError(_("Unknown location."))
        if any(Decimal(v) < 0 for v in values):
            raise ValidationError(_("Enter zero or more hours."))
    last = (
        Division.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .aggregate(v=Max("version"))["v"]
    )
    division = Division.objects.create(
        organisation=organisation,
        year=year,
        version=(last or 0) + 1,
        explanation=explanation,
        decided_by=actor,
    )
    DivisionLine.objects.bulk_create(
        DivisionLine(
            division=division,
            location=location,
            policy_hours=Decimal(p),
            coaching_hours=Decimal(c),
            ve_hours=Decimal(v),
        )
        for location, (p, c, v) in lines.items()
    )
    totals = [sum(Decimal(values[i]) for values in lines.values()) for i in range(3)]
    record(
        organisation=organisation,
        actor=actor,
        action="coaching.division.decide",
        target=division,
        after={
            "year": year,
            "version": division.version,
            "policy": str(totals[0]),
            "coaching": str(totals[1]),
            "ve": str(totals[2]),
        },
    )
    return division


def year_bounds(year) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


# --- PD "coaching" counted as coaching -----------------------------------------------------


def coaching_pd(organisation, year) -> list[dict]:
    """Learning's PD activities of kind "coaching" in ``year`` (offered as ``coaching_pd``),
    each with ``counted``: the session it became, or None."""
    found = offer("coaching_pd")
    activities = list(found(organisation, year)) if found else []
    counted = {
        s.pd_activity_id: s
        for s in CoachingSession.objects.filter(
            organisation=organisation, pd_activity_id__in=[a["id"] for a in activities]
        ).select_related("location")
    }
    for activity in activities:
        activity["counted"] = counted.get(activity["id"])
    return activities


@transaction.atomic
def count_pd_as_coaching(*, organisation, actor, pd_activity_id, location) -> CoachingSession:
    """The houder decides that a PD activity of kind "coaching" was coaching: its hours
    (the activity's, once — not per participant) count toward ``location`` and its
    attended participants count as coached. Counting twice is impossible (one session per
    activity). Side effects: a session without notes, its attendees, an audit entry."""
    if location.organisation_id != organisation.pk:
        raise ValidationError({"location": _("Unknown location.")})
    year = timezone.localdate().year
    activity = next(
        (
            a
            for y in (year, year - 1)
            for a in coaching_pd(organisation, y)
            if a["id"] == pd_activity_id
        ),
        None,
    )
    if activity is None:
        raise ValidationError(_("Only a PD activity of kind coaching counts as coaching."))
    if activity["counted"] is not None:
        raise ValidationError(_("This activity already counts as coaching."))
    minutes = int(Decimal(activity["hours"]) * 60)
    if not 5 <= minutes <= 600:
        raise ValidationError(
            _("Only an activity of 5 minutes to 10 hours counts as coaching; longer is training.")
        )
    session = CoachingSession.objects.create(
        organisation=organisation,
        location=location,
        external_coach=(activity["provider"] or activity["title"])[:150],
        held_on=activity["starts_on"],
        minutes=minutes,
        form=CoachingForm.PD,
        logged_by=actor,
        pd_activity_id=pd_activity_id,
    )
    people = Membership.objects.active().filter(
        organisation=organisation, person_id__in=activity["attendee_ids"]
    )
    Attendee.objects.bulk_create(
        Attendee(
            organisation=organisation, session=session, person_id=pk, year=session.held_on.year
        )
        for pk in sorted(set(people.values_list("person_id", flat=True)))
    )
    record(
        organisation=organisation,
        actor=actor,
        action="coaching.pd.count",
        target=session,
        after={"pd_activity": pd_activity_id, "minutes": minutes, "location": location.name},
    )
    return session


@transaction.atomic
def uncount_pd(*, organisation, actor, session) -> None:
    """Takes a PD activity's hours out of the coaching hours again. Side effects: deletes
    the session and its attendees; an audit entry."""
    if session.pd_activity_id is None:
        raise ValidationError(_("This session was not counted from PD."))
    record(
        organisation=organisation,
        actor=actor,
        action="coaching.pd.uncount",
        target=session,
        before={"pd_activity": session.pd_activity_id, "minutes": session.minutes},
    )
    session.delete()
