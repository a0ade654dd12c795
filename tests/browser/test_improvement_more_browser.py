"""Development themes, advice that follows the model and the dashboard in Chromium, with
axe-core on every page on the way."""

import pytest

from lerend.improvement.models import DevelopmentTheme, SteeringGroupMember, ThemeSupport
from tests.improvement.scan_helpers import add_staff, closed_pulse

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_theme_proposed_supported_and_decided(page, login, world, live_server):
    SteeringGroupMember.objects.create(organisation=world.org, person=world.teamleader)
    base = f"{live_server.url}/o/regenboog/verbeteren"
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{base}/themas/")
    page.get_by_role("link", name="Thema voorstellen").click()
    page.get_by_label("Titel").fill("Buiten leren")
    page.get_by_label("Waar gaat het over, en waarom nu?").fill("Kinderen leren buiten anders.")
    page.get_by_label("Innovatie").check()
    screenshot(page, "theme-form-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Voorstellen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Dank je. Collega's kunnen je thema nu steunen.").is_visible()
    theme = DevelopmentTheme.objects.get()

    # Support with htmx: only the button area is swapped.
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name="Steunen Buiten leren").click()
    page.get_by_text("Jij steunt dit").wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert ThemeSupport.objects.filter(theme=theme, person=world.staff).count() == 1
    screenshot(page, "theme-detail-phone")
    assert_accessible(page)

    # The steering group (a teamleader here) decides, with a reason.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(world.teamleader)
    page.goto(f"{base}/themas/{theme.pk}/")
    page.get_by_role("link", name="Besluiten").click()
    page.get_by_label("Aangenomen").check()
    page.get_by_label("Reden").fill("Past bij onze visie; veel collega's willen dit.")
    assert_accessible(page)
    page.get_by_role("button", name="Besluit opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Past bij onze visie; veel collega's willen dit.").is_visible()
    page.goto(f"{base}/themas/")
    screenshot(page, "themes-list")
    assert_accessible(page)


def test_advice_to_goal_and_dashboard(page, login, world, live_server):
    people = [world.staff, *add_staff(world, world.team, 4)]
    answers = {"cultuur": 2, "innovatie": 2, "monitoring-evaluatie": 2, "team": 4}
    closed_pulse(world, dict.fromkeys(people, answers))
    base = f"{live_server.url}/o/regenboog/verbeteren"
    login(world.board)
    page.goto(f"{base}/advies/")
    assert page.get_by_text("Cultuur scoort laag (2,0)").is_visible()
    screenshot(page, "advice")
    assert_accessible(page)
    page.get_by_role("link", name="Maak er een doel van: Intervisie").first.click()
    page.wait_for_load_state()
    assert page.get_by_label("Titel").input_value() == "Intervisie"
    assert page.get_by_label("Cultuur").is_checked()

    page.goto(f"{base}/dashboard/")
    assert page.get_by_role("heading", name="Scantrend per bouwsteen").is_visible()
    screenshot(page, "dashboard")
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    screenshot(page, "dashboard-phone")
    assert_accessible(page)
