"""One of every coaching record, for the tenancy matrix and the erasure test: an
assignment of ``coach`` to ``coachee``, the coachee's plan with a goal, a session with
private notes, a visit in which the coachee was observed linked to the plan, and the plan
shared with ``leader``."""

import datetime

from lerend.coaching import services
from lerend.collaboration import services as collaboration
from lerend.organisations.access import resolve_access

NOTES = "Vertrouwelijk: twijfelt over haar rol in de groep"


def make_records(org, coachee, coach, leader=None, *, held_on=None) -> dict[str, int]:
    held_on = held_on or datetime.date.today()
    assignment = services.create_assignment(
        organisation=org,
        actor=coach,
        coach=coach,
        person=coachee,
        starts_on=held_on - datetime.timedelta(days=30),
    )
    plan = services.create_plan(
        organisation=org, year=held_on.year, coachee=coachee, coach=coach, question="Rust"
    )
    access = resolve_access(coachee, org)
    goal = services.add_goal(
        access=access,
        actor=coach,
        plan=plan,
        title="Rust in de groep",
        focus_areas=[key for key, _label in services.focus_choices(org)][:1],
    )
    session = services.log_session(
        actor=coach,
        assignment=assignment,
        attendees=[coachee],
        held_on=held_on,
        minutes=60,
        form="vib",
        notes=NOTES,
        agreements="Volgende keer filmen",
    )
    visit = collaboration.plan_visit(
        organisation=org,
        actor=coach,
        observed=coachee,
        observers=[coach],
        kind="groepsobservatie",
        date=held_on,
    )
    link = services.link_visit(actor=coachee, plan=plan, visit_id=visit.pk, goal=goal)
    found = {
        "coaching_visit_id": link.pk,
        "assignment_id": assignment.pk,
        "coaching_plan_id": plan.pk,
        "coaching_goal_id": goal.pk,
        "session_id": session.pk,
    }
    if leader is not None:
        found["coaching_share_id"] = services.share_plan(
            access=access, actor=coachee, plan=plan, person=leader
        ).pk
    return found
