"""The steering view walked in Chromium as a bestuurder (home signal → organisation →
location) and as a teamleider on a phone: axe clean, no sideways scrolling on a phone."""

import pytest

from lerend.organisations.models import Role
from tests.factories import member
from tests.steering.records import build, two_rounds

from .conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def steered(world):
    return two_rounds(build(world.org, world.admin, locations=2, first=world.location))


def test_board_walks_from_home_to_a_location(page, login, live_server, world, steered):
    page.set_viewport_size(DESKTOP)
    login(world.board)
    # Home: the steering view's top signals, with a link to the view.
    card = page.locator("section", has=page.get_by_role("heading", name="Waar handelen"))
    assert card.is_visible()
    assert card.locator(".steering-signal").count() >= 1
    card.get_by_role("link", name="Naar het stuurbeeld").click()
    page.wait_for_load_state()
    assert page.url.endswith("/o/regenboog/sturen/")
    assert page.get_by_role("heading", name="Sturen: Kinderopvang De Regenboog").is_visible()
    assert page.locator("svg.chart--lines").count() == 12
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, "steering-organisation-desktop")
    assert_accessible(page)

    # A chart's table alternative opens.
    page.locator(".steering-chart details summary").first.click()
    assert page.locator(".steering-chart details table").first.is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="De Vlinder").last.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Sturen: De Vlinder").is_visible()
    assert page.get_by_text("Niet getoond, om de anonimiteit te beschermen.").first.is_visible()
    screenshot(page, "steering-location-desktop")
    assert_accessible(page)


def test_steering_on_a_phone(page, login, live_server, world, steered):
    page.set_viewport_size(PHONE)
    login(world.board)
    page.goto(f"{live_server.url}/o/regenboog/sturen/")
    assert page.get_by_role("heading", name="Signalen").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, "steering-organisation-phone")
    assert_accessible(page)

    leader = member(world.org, Role.TEAMLEIDER, team=steered.big[0])
    page.context.clear_cookies()
    login(leader)
    page.locator("nav.main-nav summary").click()  # on a phone the menu folds behind "Menu"
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sturen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/o/regenboog/sturen/team/{steered.big[0].pk}/")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, "steering-team-phone")
    assert_accessible(page)
