"""Each main flow on a phone (390×844): the page is never wider than the screen, the main menu
folds behind "Menu" (and opens without JavaScript), and the controls people need are on the
screen. Screenshots go to test-output/screenshots/phone-flow-*.png."""

import datetime

import pytest

from lerend.coaching.models import Assignment
from lerend.improvement import services as board_services
from tests.coaching.records import make_records as make_coaching_records
from tests.factories import PASSWORD
from tests.learning.records import make_records as make_learning_records
from tests.monitoring.records import make_records as make_monitoring_records
from tests.scans.test_campaign_support import invitation_of, launched, token_of

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

FITS = "document.documentElement.scrollWidth <= window.innerWidth"
# Elements sticking out past the right edge of the screen (what a person cannot reach).
OFF_SCREEN = """() => [...document.querySelectorAll('a, button, input, select, textarea, summary')]
  .filter((el) => el.offsetParent !== null && !el.closest('.table-wrap, .visually-hidden'))
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
  .map((el) => el.outerHTML.slice(0, 80))"""


def _check(page, name):
    assert page.evaluate(FITS), f"{name}: the page scrolls sideways"
    assert page.evaluate(OFF_SCREEN) == [], name
    screenshot(page, f"phone-flow-{name}")
    assert_accessible(page)


def _flows(world):
    org = "/o/regenboog"
    learning = make_learning_records(world.org, world.staff, world.coach)
    coaching = make_coaching_records(world.org, world.staff, world.coach, world.manager)
    monitoring = make_monitoring_records(world.org, world.staff, world.board, world.team)
    campaign = launched(world)
    token = token_of(invitation_of(campaign, world.staff))
    assignment = Assignment.objects.filter(organisation=world.org).first()
    # A board with a card in each column and a problem to take up ("Maak er een actie van"
    # sat off-screen on a phone).
    for title, status in (("Rustmoment na het eten", "te_doen"), ("Buitenspelen", "klaar")):
        action = board_services.create_action(
            organisation=world.org,
            actor=world.teamleader,
            team=world.team,
            title=title,
            owner=world.staff,
            due_on=datetime.date.today(),
        )
        if status != "te_doen":
            board_services.move_action(action=action, status=status, version=action.version)
    board_services.add_board_item(
        team=world.team,
        actor=world.teamleader,
        kind="probleem",
        text="De overdracht aan ouders bij het ophalen loopt vaak uit en dan is het onrustig.",
    )
    return {
        "questionnaire": (world.staff, f"/vragenlijst/{token}/1/"),
        "questionnaire-review": (world.staff, f"/vragenlijst/{token}/controleren/"),
        "team-board": (world.teamleader, f"{org}/verbeteren/team/{world.team.pk}/bord/"),
        "journal": (world.staff, f"{org}/leren/dagboek/{learning['entry_id']}/"),
        "pop": (world.staff, f"{org}/leren/pop/{learning['plan_id']}/"),
        "results": (world.board, f"{org}/scans/{campaign.pk}/resultaten/"),
        "coaching-session": (
            world.coach,
            f"{org}/coaching/begeleiding/{assignment.pk}/gesprek/",
        ),
        "coaching-session-log": (
            world.coach,
            f"{org}/coaching/gesprekken/{coaching['session_id']}/",
        ),
        "wellbeing-round": (world.staff, f"{org}/monitoren/welbevinden/{monitoring['round_id']}/"),
    }


def test_every_main_flow_fits_a_phone(page, login, live_server, world):
    flows = _flows(world)
    page.set_viewport_size(PHONE)
    logged_in = None
    for name, (person, path) in flows.items():
        if person != logged_in:
            page.context.clear_cookies()
            if not path.startswith("/vragenlijst/"):
                login(person)
                logged_in = person
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state()
        assert page.title() and "niet gevonden" not in page.title().lower(), (name, path)
        _check(page, name)
        if name == "questionnaire-review":
            # Issue 12: "Aanpassen" was cut off at the screen's edge.
            change = page.get_by_role("link", name="Aanpassen").first
            box = change.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_main_menu_folds_on_a_phone_and_opens_without_javascript(browser, live_server, world):
    context = browser.new_context(locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(world.staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    menu = page.locator("nav.main-nav summary")
    assert menu.is_visible()
    first = page.locator("nav.main-nav ul a").first
    assert not first.is_visible()
    menu.click()
    assert first.is_visible()
    assert page.evaluate(FITS)
    screenshot(page, "phone-flow-menu-open")
    context.close()


def test_main_menu_is_a_plain_row_on_a_wide_screen(page, login, live_server, world):
    login(world.staff)
    assert not page.locator("nav.main-nav summary").is_visible()
    assert page.locator("nav.main-nav ul a").first.is_visible()
    assert page.evaluate(FITS)
