"""The team chooser in Chromium (decision 0023): the campaign's target teams with the keyboard
only — the people picker's combobox over the team search, each team labelled with its
location, own teams first, a chip for the chosen — and axe clean with the list open."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from lerend.organisations import team_picker
from lerend.scans.models import Campaign
from lerend.scans.services import shipped_version
from tests.factories import LocationFactory, TeamFactory

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def many_teams(world, monkeypatch):
    """More teams than a select should hold (the threshold lowered, as in a large
    organisation), one of them namesake in another organisation."""
    monkeypatch.setattr(team_picker, "SELECT_AT_MOST", 3)
    far = LocationFactory(organisation=world.org, name="De Zonnestraal")
    teams = [TeamFactory(location=far, name=f"Groep Zon {n}") for n in range(12)]
    TeamFactory(
        location=LocationFactory(organisation=world.other_org, name="Elders"), name="Groep Zon 0"
    )
    return teams


def test_choose_a_team_with_the_keyboard_only(page, live_server, login, world, many_teams):
    page.set_viewport_size(PHONE)
    login(world.admin)
    page.goto(f"{live_server.url}/o/regenboog/scans/nieuw/")
    version = shipped_version("pulse")
    page.locator("#id_instrument_version").select_option(str(version.pk))
    page.locator("#id_title").fill("Pulse voorjaar")
    today = datetime.date.today()
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=14)).isoformat())
    page.locator("input[name=role_groups][value=medewerkers]").check()
    # Tab from the last location into the chooser: the combobox is reached by the keyboard.
    page.locator("input[name=locations]").last.focus()
    box = page.get_by_role("combobox", name="Teams")
    for _ in range(5):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    assert box.evaluate("el => el === document.activeElement")
    assert page.locator(".picker__button").is_hidden()  # the no-JS button gives way
    box.press_sequentially("zonnestraal", delay=20)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    options = listbox.get_by_role("option")
    expect(options).to_have_count(11)  # ten teams and "Meer teams tonen…"
    expect(options.first).to_have_text(re.compile(r"^Groep Zon 0\s+De Zonnestraal"))
    expect(options.last).to_have_text("Meer teams tonen…")
    assert not any("Elders" in o.inner_text() for o in options.all())
    status = page.locator("[data-picker-status]")
    expect(status).to_contain_text("10 teams getoond")
    screenshot(page, "team-picker-open-phone")
    assert_accessible(page)

    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").inner_text().startswith("Groep Zon 1")
    box.press("Enter")
    page.locator(".chip", has_text="Groep Zon 1 (De Zonnestraal)").wait_for()
    expect(status).to_contain_text("Groep Zon 1 (De Zonnestraal) gekozen.")
    screenshot(page, "team-picker-chosen-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan als concept").click()
    page.wait_for_load_state()
    campaign = Campaign.objects.get()
    assert [t.name for t in campaign.teams.all()] == ["Groep Zon 1"]
