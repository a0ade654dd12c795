"""The coach's work: assignments, logging a session on a phone-sized form, plans with goals
linked to building blocks and the coachee's own POP, the evaluation."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lerend.coaching import services
from lerend.coaching.models import Assignment, Attendee, CoachingPlan, CoachingSession
from lerend.learning import services as learning
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import member

pytestmark = pytest.mark.django_db


def _assign(world, **target):
    return services.create_assignment(
        organisation=world.org,
        actor=world.admin,
        coach=world.coach,
        starts_on=datetime.date.today() - datetime.timedelta(days=60),
        **target,
    )


def test_admin_assigns_a_coach_to_a_person_found_by_search(client, world, url):
    client.force_login(world.admin)
    # Without a search no person is offered: never a list of everyone.
    assert 'name="person" value=' not in client.get(url("coaching:assignment_create")).text
    # The people picker's no-JS search finds the person.
    page = client.post(
        url("coaching:assignment_create"),
        {"person__q": world.staff.name, "_picker": "person", "kind": "person"},
    )
    assert f'name="person" value="{world.staff.pk}"' in page.text
    response = client.post(
        url("coaching:assignment_create"),
        {
            "coach": world.coach.pk,
            "kind": "person",
            "person": world.staff.pk,
            "starts_on": datetime.date.today().isoformat(),
        },
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(organisation=world.org)
    assert (assignment.coach, assignment.person, assignment.team) == (
        world.coach,
        world.staff,
        None,
    )


def test_assignment_refuses_a_coach_without_the_coach_role_and_two_coaches(world):
    with pytest.raises(ValidationError):
        services.create_assignment(
            organisation=world.org, actor=world.admin, coach=world.staff, person=world.staff
        )
    with pytest.raises(ValidationError):
        services.create_assignment(
            organisation=world.org,
            actor=world.admin,
            coach=world.coach,
            external_coach="Bureau X",
            team=world.team,
        )
    with pytest.raises(ValidationError):
        services.create_assignment(
            organisation=world.org, actor=world.admin, coach=world.coach, person=world.outsider
        )


def test_coach_logs_a_session_with_a_team_and_everyone_who_took_part_is_coached(
    client, world, url, teammate
):
    assignment = _assign(world, team=world.team)
    client.force_login(world.coach)
    form = client.get(url("coaching:session_create", assignment_id=assignment.pk))
    assert form.status_code == 200
    assert world.staff.name in form.text and teammate.name in form.text
    assert 'inputmode="numeric"' in form.text
    response = client.post(
        url("coaching:session_create", assignment_id=assignment.pk),
        {
            "held_on": datetime.date.today().isoformat(),
            "minutes": "90",
            "form": "team",
            "attendees": [world.staff.pk, teammate.pk],
            "notes": "Samen naar de video gekeken",
            "agreements": "",
        },
    )
    session = CoachingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/gesprekken/{session.pk}/")
    assert (session.minutes, session.form, session.location, session.coach) == (
        90,
        "team",
        world.location,
        world.coach,
    )
    assert sorted(Attendee.objects.values_list("person_id", flat=True)) == sorted(
        [world.staff.pk, teammate.pk]
    )


def test_only_the_assigned_coach_logs_on_an_assignment(client, world, url):
    assignment = _assign(world, person=world.staff)
    other_coach = member(world.org, Role.COACH, location=world.location)
    for person in (other_coach, world.teamleader, world.staff, world.admin):
        client.force_login(person)
        assert (
            client.get(url("coaching:session_create", assignment_id=assignment.pk)).status_code
            == 404
        )


def test_external_coach_sessions_are_logged_by_the_houder(client, world, url):
    assignment = services.create_assignment(
        organisation=world.org,
        actor=world.admin,
        external_coach="Bureau Kijk",
        location=world.location,
    )
    client.force_login(world.admin)
    page = client.get(
        url("coaching:session_create", assignment_id=assignment.pk), {"groep": world.team.pk}
    )
    assert world.staff.name in page.text
    response = client.post(
        url("coaching:session_create", assignment_id=assignment.pk) + f"?groep={world.team.pk}",
        {
            "held_on": datetime.date.today().isoformat(),
            "minutes": "60",
            "form": "walk_in",
            "attendees": [world.staff.pk],
        },
    )
    assert response.status_code == 302
    session = CoachingSession.objects.get()
    assert (session.coach, session.external_coach, session.logged_by) == (
        None,
        "Bureau Kijk",
        world.admin,
    )
    client.force_login(world.coach)
    assert (
        client.get(url("coaching:session_create", assignment_id=assignment.pk)).status_code == 404
    )


def test_session_errors_are_clear_and_nothing_is_saved(client, world, url):
    assignment = _assign(world, person=world.staff)
    client.force_login(world.coach)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    response = client.post(
        url("coaching:session_create", assignment_id=assignment.pk),
        {
            "held_on": tomorrow.isoformat(),
            "minutes": "2",
            "form": "vib",
            "attendees": [world.staff.pk],
        },
    )
    assert response.status_code == 200
    assert "Zorg ervoor dat deze waarde minstens 5 is." in response.text
    response = client.post(
        url("coaching:session_create", assignment_id=assignment.pk),
        {
            "held_on": tomorrow.isoformat(),
            "minutes": "30",
            "form": "vib",
            "attendees": [world.staff.pk],
        },
    )
    assert "Je legt een gesprek vast nadat het heeft plaatsgevonden." in response.text
    assert CoachingSession.objects.count() == 0


def test_a_session_joins_the_coachees_plan_of_that_year(world):
    assignment = _assign(world, person=world.staff)
    plan = services.create_plan(
        organisation=world.org,
        year=datetime.date.today().year,
        coachee=world.staff,
        coach=world.coach,
    )
    session = services.log_session(
        actor=world.coach,
        assignment=assignment,
        attendees=[world.staff],
        held_on=datetime.date.today(),
        minutes=45,
        form="on_the_job",
    )
    assert session.plan == plan
    assert session.location == world.location  # where the staff member's team is


def test_coachee_links_a_goal_to_their_own_pop_goal_and_the_coach_cannot(client, world, url):
    year = datetime.date.today().year
    pop = learning.get_or_create_plan(organisation=world.org, owner=world.staff, year=year)
    pop_goal = learning.add_goal(plan=pop, title="Rustig blijven")
    plan = services.create_plan(
        organisation=world.org, year=year, coachee=world.staff, coach=world.coach
    )
    client.force_login(world.staff)
    response = client.post(
        url("coaching:goal_create", coaching_plan_id=plan.pk),
        {
            "title": "Rust bij de overdracht",
            "building_blocks": ["coaching"],
            "pop_goal": pop_goal.pk,
        },
    )
    assert response.status_code == 302
    goal = plan.goals.get()
    assert (goal.pop_goal, goal.building_blocks) == (pop_goal, ["coaching"])
    # The coach does not see the POP, and cannot link it.
    with pytest.raises(ValidationError):
        services.add_goal(
            access=resolve_access(world.coach, world.org),
            actor=world.coach,
            plan=plan,
            title="X",
            pop_goal=pop_goal,
        )


def test_evaluation_at_the_end_by_coach(client, world, url):
    plan = services.create_plan(
        organisation=world.org, year=2026, coachee=world.staff, coach=world.coach
    )
    client.force_login(world.coach)
    response = client.post(
        url("coaching:plan_evaluate", coaching_plan_id=plan.pk), {"evaluation": "Meer rust"}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.evaluation, plan.evaluated_on) == ("Meer rust", datetime.date.today())


def test_coachee_starts_their_own_plan(client, world, url):
    _assign(world, person=world.staff)
    client.force_login(world.staff)
    response = client.post(
        url("coaching:plan_create"),
        {"question": "Hoe geef ik ruimte?", "planned_forms": ["vib", "on_the_job"]},
    )
    plan = CoachingPlan.objects.get()
    assert response.status_code == 302
    assert (plan.coachee, plan.coach, plan.planned_forms) == (
        world.staff,
        world.coach,
        ["on_the_job", "vib"],
    )
    again = client.post(url("coaching:plan_create"), {"question": "Nog een"})
    assert "Er is al een coachplan voor" in again.text
