"""Issue 13 §1 and §3: coaching goals linked to the six interaction skills or the lesson
guide, to POP goals (the coachee's act only) and team-board actions (team plans only); a
visit in the trajectory (seen by coachee and coach only); PD "coaching" counted once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lerend.coaching import selectors, services
from lerend.coaching.models import Attendee, CoachingGoal, CoachingPlan, CoachingSession
from lerend.collaboration import services as collaboration
from lerend.improvement.models import Action
from lerend.learning import services as learning
from lerend.learning.models import PlanGoal
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def _plan(records):
    return CoachingPlan.objects.get(pk=records["coaching_plan_id"])


def test_goals_link_to_the_six_interaction_skills_in_childcare(world, records):
    keys = [key for key, _label in services.focus_choices(world.org)]
    assert len(keys) == 6 and keys[0] == "interactievaardigheden.sensitieve-responsiviteit"
    plan = _plan(records)
    access = resolve_access(world.coach, world.org)
    goal = services.add_goal(
        access=access,
        actor=world.coach,
        plan=plan,
        title="Kinderen laten kiezen",
        focus_areas=["interactievaardigheden.autonomie"],
    )
    assert goal.focus_areas == ["interactievaardigheden.autonomie"]
    with pytest.raises(ValidationError):
        services.add_goal(
            access=access, actor=world.coach, plan=plan, title="X", focus_areas=["klas.instructie"]
        )


def test_a_school_links_to_the_lesson_observation_guide():
    school = OrganisationFactory(sector="po", slug="school")
    keys = [key for key, _label in services.focus_choices(school)]
    assert "klas.instructie" in keys and not any(k.startswith("interactie") for k in keys)


def test_only_the_coachee_turns_a_coaching_goal_into_a_pop_goal(client, world, records, url):
    goal = CoachingGoal.objects.get(pk=records["coaching_goal_id"])
    # The coach edits the plan, but a POP is the coachee's alone.
    client.force_login(world.coach)
    client.post(url("coaching:goal_to_pop", coaching_goal_id=goal.pk))
    assert not PlanGoal.objects.filter(plan__owner=world.staff).exists()
    with pytest.raises(ValidationError):
        services.goal_to_pop(actor=world.coach, goal=goal)

    client.force_login(world.staff)
    response = client.post(url("coaching:goal_to_pop", coaching_goal_id=goal.pk))
    assert response.status_code == 302
    goal.refresh_from_db()
    pop_goal = PlanGoal.objects.get(pk=goal.pop_goal_id)
    assert (pop_goal.plan.owner, pop_goal.title, pop_goal.plan.year) == (
        world.staff,
        "Rust in de groep",
        goal.plan.year,
    )
    with pytest.raises(ValidationError):
        services.goal_to_pop(actor=world.staff, goal=goal)


def test_a_team_goal_becomes_an_action_and_a_personal_one_never(world, records):
    personal = CoachingGoal.objects.get(pk=records["coaching_goal_id"])
    with pytest.raises(ValidationError):
        services.goal_to_action(actor=world.coach, goal=personal, due_on=TODAY)
    assert not Action.objects.filter(title="Rust in de groep").exists()

    plan = services.create_plan(
        organisation=world.org, year=TODAY.year, team=world.team, coach=world.coach
    )
    access = resolve_access(world.coach, world.org)
    goal = services.add_goal(access=access, actor=world.coach, plan=plan, title="Samen opruimen")
    link = services.goal_to_action(
        actor=world.coach, goal=goal, due_on=TODAY + datetime.timedelta(days=14)
    )
    action = Action.objects.get(pk=link.id)
    assert (action.team, action.title, action.owner) == (world.team, "Samen opruimen", world.coach)
    with pytest.raises(ValidationError):
        services.goal_to_action(actor=world.coach, goal=goal, due_on=TODAY)


def test_a_visit_in_the_trajectory_is_seen_by_coachee_and_coach_only(client, world, records, url):
    plan = _plan(records)
    services.share_plan(
        access=resolve_access(world.staff, world.org),
        actor=world.staff,
        plan=plan,
        person=world.manager,
    )
    page = url("coaching:plan_detail", coaching_plan_id=plan.pk)
    visit_label = "Groepsobservatie"
    for person in (world.staff, world.coach):
        client.force_login(person)
        assert visit_label in client.get(page).text
    # The leader the plan was shared with reads the plan, not which visits are in it.
    client.force_login(world.manager)
    text = client.get(page).text
    assert "Coachplan" in text and visit_label not in text


def test_only_a_visit_where_the_coachee_was_observed_can_be_linked(world, records):
    plan = _plan(records)
    colleague = member(world.org, Role.MEDEWERKER, team=world.team)
    # A visit where the coachee observed a colleague: not theirs to put in their coaching.
    as_observer = collaboration.plan_visit(
        organisation=world.org,
        actor=world.staff,
        observed=colleague,
        observers=[world.staff],
        kind="groepsobservatie",
        date=TODAY,
    )
    with pytest.raises(ValidationError):
        services.link_visit(actor=world.staff, plan=plan, visit_id=as_observer.pk)
    # The coach cannot put the coachee's visits in for them.
    own = records["coaching_visit_id"]
    assert own
    with pytest.raises(ValidationError):
        services.link_visit(actor=world.coach, plan=plan, visit_id=as_observer.pk)


def _coaching_pd(world, hours="2", kind="coaching", people=()):
    activity = learning.create_pd_activity(
        organisation=world.org,
        actor=world.board,
        title="Groepscoaching VIB",
        kind=kind,
        provider="Coachbureau Oost",
        hours=Decimal(hours),
        starts_on=TODAY - datetime.timedelta(days=3),
    )
    for person in people:
        participation = learning.register(
            access=resolve_access(person, world.org),
            actor=person,
            activity=activity,
            person=person,
        )
        learning.mark_attended(participation=participation)
    return activity


def test_pd_coaching_counts_its_hours_once_and_its_attendees_as_coached(client, world, url):
    colleague = member(world.org, Role.MEDEWERKER, team=world.team)
    activity = _coaching_pd(world, people=[world.staff, colleague])
    before = {
        row.location.pk: row.realised
        for row in selectors.realised_hours(resolve_access(world.board, world.org), TODAY.year)
    }.get(world.location.pk, Decimal(0))

    client.force_login(world.staff)
    assert client.get(url("coaching:pd_hours")).status_code == 403
    client.force_login(world.board)
    assert "Groepscoaching VIB" in client.get(url("coaching:pd_hours")).text
    response = client.post(
        url("coaching:pd_hours"), {"activity": activity.pk, "location": world.location.pk}
    )
    assert response.status_code == 302
    session = CoachingSession.objects.get(pd_activity_id=activity.pk)
    assert session.minutes == 120  # the activity's two hours, not two per participant
    assert set(Attendee.objects.filter(session=session).values_list("person", flat=True)) == {
        world.staff.pk,
        colleague.pk,
    }
    after = {
        row.location.pk: row.realised
        for row in selectors.realised_hours(resolve_access(world.board, world.org), TODAY.year)
    }[world.location.pk]
    assert after - before == Decimal("2.0")
    # Counting again is refused; there is one session for the activity.
    with pytest.raises(ValidationError):
        services.count_pd_as_coaching(
            organisation=world.org,
            actor=world.board,
            pd_activity_id=activity.pk,
            location=world.location,
        )
    client.post(url("coaching:pd_hours"), {"uncount": session.pk})
    assert not CoachingSession.objects.filter(pd_activity_id=activity.pk).exists()


def test_other_pd_never_counts_as_coaching(world):
    course = _coaching_pd(world, kind="course")
    with pytest.raises(ValidationError):
        services.count_pd_as_coaching(
            organisation=world.org,
            actor=world.board,
            pd_activity_id=course.pk,
            location=world.location,
        )
    long_training = _coaching_pd(world, hours="16")
    with pytest.raises(ValidationError):
        services.count_pd_as_coaching(
            organisation=world.org,
            actor=world.board,
            pd_activity_id=long_training.pk,
            location=world.location,
        )
