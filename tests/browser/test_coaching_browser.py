"""A coach logs a session on a phone from the coaching page; the leader's coverage page and
the division form on a desktop, each with 0 serious axe findings."""

import datetime

import pytest

from lerend.coaching import services
from lerend.coaching.models import Attendee, CoachingSession

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_coach_logs_a_session_on_a_phone_and_the_manager_sees_coverage(
    page, live_server, login, world
):
    services.create_assignment(
        organisation=world.org,
        actor=world.admin,
        coach=world.coach,
        person=world.staff,
        starts_on=datetime.date.today() - datetime.timedelta(days=30),
    )
    page.set_viewport_size(PHONE)
    login(world.coach)
    page.goto(f"{live_server.url}/o/regenboog/coaching/")
    assert page.get_by_text("Coaching staat los van beoordeling").first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Gesprek vastleggen").click()
    page.wait_for_load_state()
    page.get_by_label("Duur in minuten").fill("45")
    page.get_by_label("Video-interactiebegeleiding (VIB)").check()
    page.get_by_label("Korte aantekeningen").fill("Filmpje van het eetmoment samen bekeken.")
    page.get_by_label("Afspraken").fill("Volgende week het opruimen filmen.")
    screenshot(page, "coaching-session-form-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Gesprek opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Gesprek vastgelegd.").is_visible()
    session = CoachingSession.objects.get()
    assert (session.minutes, session.form) == (45, "vib")
    assert list(Attendee.objects.values_list("person_id", flat=True)) == [world.staff.pk]
    screenshot(page, "coaching-session-detail-phone")
    assert_accessible(page)

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(world.manager)
    page.goto(f"{live_server.url}/o/regenboog/coaching/dekking/")
    assert page.get_by_text("van 1 gecoacht").is_visible()
    assert page.get_by_text("Filmpje van het eetmoment").count() == 0
    screenshot(page, "coaching-coverage-desktop")
    assert_accessible(page)


def test_board_divides_the_hours_and_downloads_the_ggd_pack(page, live_server, login, world):
    login(world.board)
    page.goto(f"{live_server.url}/o/regenboog/coaching/verdeling/nieuw/")
    page.get_by_label("Coachuren bij De Vlinder").fill("8,5")
    page.get_by_label("Beleidsuren bij De Vlinder").fill("50")
    screenshot(page, "coaching-division-form-desktop")
    assert_accessible(page)
    page.get_by_role("button", name="Vastleggen en publiceren").click()
    page.wait_for_load_state()
    assert page.get_by_text("De verdeling is vastgelegd en gepubliceerd.").is_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/coaching/norm/")
    screenshot(page, "coaching-norm-desktop")
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/coaching/")
    with page.expect_download() as download:
        page.get_by_role("link", name="GGD-overzicht (pdf)").click()
    assert download.value.suggested_filename.startswith("ggd-coaching-")


def test_coachee_links_a_goal_to_their_pop_and_a_visit_on_a_phone(page, live_server, login, world):
    """The coachee's plan page on a phone: the goal's interaction skill, "Zet in mijn POP",
    and the visit in which they were observed added to their coaching."""
    from lerend.coaching.models import CoachingGoal, PlanVisit
    from lerend.learning.models import PlanGoal
    from tests.coaching.records import make_records

    found = make_records(world.org, world.staff, world.coach)
    PlanVisit.objects.all().delete()  # the coachee links it here, in the browser
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/coaching/plannen/{found['coaching_plan_id']}/")
    assert page.get_by_text("Werkt aan: Zes interactievaardigheden: Sensitieve").is_visible()
    page.get_by_role("button", name="Zet in mijn POP").click()
    page.wait_for_load_state()
    assert page.get_by_text("Het doel staat nu in je POP").is_visible()
    goal = CoachingGoal.objects.get(pk=found["coaching_goal_id"])
    assert PlanGoal.objects.get(pk=goal.pop_goal_id).plan.owner == world.staff
    page.get_by_label("Bezoek of observatie").select_option(index=0)
    page.get_by_role("button", name="Voeg toe aan deze coaching").click()
    page.wait_for_load_state()
    assert page.get_by_text("Het bezoek hoort nu bij je coaching.").is_visible()
    assert PlanVisit.objects.filter(plan_id=found["coaching_plan_id"]).count() == 1
    screenshot(page, "coaching-plan-links-phone")
    assert_accessible(page)
