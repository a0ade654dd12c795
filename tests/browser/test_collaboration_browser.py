"""On a phone: a guided intervision session through its steps with the timer, and a visit
with observation, tops/tips and the feedback conversation. axe: 0 serious or critical."""

import datetime

import pytest
from playwright.sync_api import expect

from lerend.collaboration import services
from lerend.collaboration.models import GroupMeeting, Observation, Visit
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import PHONE, assert_accessible, pick, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_guided_intervision_session_on_a_phone(page, live_server, login, world):
    teammate = member(world.org, Role.MEDEWERKER, team=world.team)
    group = services.create_group(
        organisation=world.org,
        actor=world.staff,
        kind="intervisie",
        name="Intervisie Rups",
        theme="Lastige overdrachtsmomenten",
        building_blocks=["team"],
        members=[teammate],
    )
    meeting = services.plan_meeting(
        group=group,
        date=datetime.date.today(),
        starts_at=datetime.time(15, 30),
        duration_minutes=60,
        place="Teamkamer",
        method_key="incidentmethode",
        facilitator=world.staff,
        case_bringer=teammate,
    )
    page.set_viewport_size(PHONE)
    login(world.staff)
    base = f"{live_server.url}/o/regenboog/samen/"
    page.goto(base)
    assert page.get_by_role("heading", name="Samen leren", exact=True).is_visible()
    screenshot(page, "collaboration-index-phone")
    assert_accessible(page)

    page.get_by_role("link", name="Intervisie Rups").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Wie leidde welke bijeenkomst").is_visible()
    screenshot(page, "collaboration-group-phone")
    assert_accessible(page)

    page.goto(f"{base}bijeenkomsten/{meeting.pk}/")
    page.get_by_role("link", name="Begeleide sessie starten").click()
    page.wait_for_load_state()
    assert page.get_by_text("Stap 1 van 5").is_visible()
    assert page.get_by_role("heading", name="Het voorval").is_visible()
    clock = page.locator("[data-timer-display]")
    assert clock.is_visible()  # the script unhid the timer
    assert clock.inner_text() == "5:00"
    page.get_by_role("button", name="Timer starten").click()
    expect(clock).not_to_have_text("5:00", timeout=4000)  # it counts down
    assert page.get_by_role("button", name="Timer pauzeren").is_visible()
    page.get_by_label("Notities bij deze stap").fill("Maandag bij het brengen, vader boos.")
    screenshot(page, "collaboration-session-step1-phone")
    assert_accessible(page)

    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_load_state()
    assert page.get_by_text("Stap 2 van 5").is_visible()
    assert page.locator("[data-timer-display]").inner_text() == "10:00"
    page.get_by_role("button", name="Vorige stap").click()
    page.wait_for_load_state()
    assert page.get_by_label("Notities bij deze stap").input_value() == (
        "Maandag bij het brengen, vader boos."
    )
    for _ in range(4):
        page.get_by_role("button", name="Volgende stap").click()
        page.wait_for_load_state()
    assert page.get_by_text("Stap 5 van 5").is_visible()
    page.get_by_label("Notities bij deze stap").fill("Eerst luisteren, dan uitleggen.")
    screenshot(page, "collaboration-session-last-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Sessie afronden").click()
    page.wait_for_load_state()
    assert page.get_by_text("Sessie afgerond.").is_visible()
    assert page.get_by_text("Eerst luisteren, dan uitleggen.").is_visible()
    screenshot(page, "collaboration-meeting-phone")
    assert_accessible(page)
    assert GroupMeeting.objects.get().step_notes == {
        "1": "Maandag bij het brengen, vader boos.",
        "5": "Eerst luisteren, dan uitleggen.",
    }


def test_visit_with_observation_and_feedback_on_a_phone(page, live_server, login, world):
    observer = member(world.org, Role.MEDEWERKER, team=world.other_team)
    visit = services.plan_visit(
        organisation=world.org,
        actor=observer,
        observed=world.staff,
        observers=[observer],
        kind="groepsobservatie",
        date=datetime.date.today(),
        rubric_key="interactievaardigheden",
        focus_question="Zie ik de stille kinderen ook?",
        team=world.team,
    )
    page.set_viewport_size(PHONE)
    login(observer)
    base = f"{live_server.url}/o/regenboog/samen/bezoeken/{visit.pk}/"
    page.goto(base)
    assert page.get_by_role("heading", name="Groepsobservatie").is_visible()
    screenshot(page, "collaboration-visit-planned-phone")
    assert_accessible(page)

    page.get_by_role("link", name="Observatie invullen").click()
    page.wait_for_load_state()
    page.get_by_role("radio", name="Zie ik deels").first.check()
    page.get_by_label("Wat zag je?").first.fill("Noor zat lang alleen bij de bouwhoek.")
    screenshot(page, "collaboration-observation-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Observatie opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Noor zat lang alleen bij de bouwhoek.").is_visible()

    page.get_by_role("link", name="Tops, tips en nagesprek").click()
    page.wait_for_load_state()
    page.get_by_label("Tops: wat ging goed").fill("Je stem bleef rustig bij het opruimen.")
    page.get_by_label("Tips: wat kan groeien").fill("Benoem wat de stille kinderen doen.")
    page.get_by_label("Notities van het nagesprek").fill("Volgende maand nog eens kijken.")
    page.get_by_label("Het bezoek heeft plaatsgevonden").check()
    screenshot(page, "collaboration-feedback-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Feedback opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je stem bleef rustig bij het opruimen.").is_visible()
    assert page.get_by_text("Alleen die kan het delen.", exact=False).is_visible()

    # The observed person reads it and shares it with the coach.
    page.context.clear_cookies()
    login(world.staff)
    page.goto(base)
    assert page.get_by_text("Benoem wat de stille kinderen doen.").is_visible()
    assert page.get_by_text(
        "Alleen jij en de observatoren zien dit bezoek.", exact=False
    ).is_visible()
    pick(page, "Delen met", world.coach.name)
    page.get_by_role("button", name="Delen", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Gedeeld. Je kunt het altijd weer intrekken.").is_visible()
    screenshot(page, "collaboration-visit-observed-phone")
    assert_accessible(page)

    visit = Visit.objects.get()
    assert visit.status == "gehouden"
    assert list(Observation.objects.values_list("item_key", "level")) == [
        ("sensitieve-responsiviteit.signalen", "deels")
    ]
    assert list(visit.shares.values_list("person_id", flat=True)) == [world.coach.pk]
