"""Pages that used to scroll sideways on a phone: the model explorer's diagram and the board's
session history. At PHONE size the page must not be wider than the screen."""

import datetime

import pytest

from lerend.improvement.models import BoardSession

from .conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"

# Rendered size of every label in a visible diagram: font-size in user units times the scale
# from the viewBox to the drawn width.
SMALLEST_LABEL_PX = """(selector) => {
  const svg = document.querySelector(selector);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map(
    (t) => parseFloat(t.getAttribute('font-size')) * scale);
  return Math.min(...sizes);
}"""


def test_frameworks_diagram_fits_a_phone(page, login, live_server, world):
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/model/")
    stack = page.locator("svg.fw-diagram--stack")
    assert stack.is_visible()
    assert not page.locator("svg.fw-diagram--blocks").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert page.evaluate(SMALLEST_LABEL_PX, "svg.fw-diagram--stack") >= 12
    assert stack.locator("a.fw-node").count() == 12
    # The text alternative stays.
    assert page.locator("ol.fw-blocklist > li").count() == 12
    screenshot(page, "phone-layout-frameworks-phone")
    assert_accessible(page)

    stack.locator('a[data-block="cultuur"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/o/regenboog/model/bouwsteen/cultuur/")


def test_frameworks_diagram_stays_a_circle_on_desktop(page, login, live_server, world):
    page.set_viewport_size(DESKTOP)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/model/")
    assert page.locator("svg.fw-diagram--blocks").is_visible()
    assert not page.locator("svg.fw-diagram--stack").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, "phone-layout-frameworks-desktop")
    assert_accessible(page)


def test_board_session_history_fits_a_phone(page, login, live_server, world):
    today = datetime.date.today()
    for weeks, notes in ((0, "Buitenspelen besproken."), (1, "Overdracht aan ouders."), (2, "")):
        BoardSession.objects.create(
            team=world.team,
            held_on=today - datetime.timedelta(weeks=weeks),
            notes=notes,
            created_by=world.teamleader,
        )
    page.set_viewport_size(PHONE)
    login(world.teamleader)
    page.goto(f"{live_server.url}/o/regenboog/verbeteren/team/{world.team.pk}/bord/sessies/")
    assert page.get_by_text("Overdracht aan ouders.").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, "phone-layout-board-sessions-phone")
    assert_accessible(page)
