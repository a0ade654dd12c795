"""The people picker in Chromium: with the keyboard only (a combobox with a listbox, chips
that are removed with the keyboard, a live region that says what happened), axe clean with
the list open; and without JavaScript, as a search-then-select step."""

import re

import pytest
from playwright.sync_api import expect

from lerend.learning.models import FeedbackRequest
from lerend.organisations.models import Role
from tests.factories import PASSWORD, member

from .conftest import PHONE, assert_accessible, assert_accessible_as_html, pick, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def colleagues(world):
    own = [
        member(world.org, Role.MEDEWERKER, team=world.team, person__name=f"Zeger Rups {n}")
        for n in range(3)
    ]
    others = [
        member(world.org, Role.MEDEWERKER, team=world.other_team, person__name=f"Zeger Pop {n}")
        for n in range(12)
    ]
    member(world.other_org, person__name="Zeger Elders")
    return own, others


def test_picker_with_the_keyboard_only(page, live_server, login, world, colleagues):
    own, others = colleagues
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/leren/feedback/vragen/")
    page.get_by_label("Je vraag").fill("Wat zie je mij doen?")
    # Tab from the question into the picker: the combobox is reached by the keyboard.
    box = page.get_by_role("combobox", name="Wie vraag je?")
    for _ in range(5):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    assert box.evaluate("el => el === document.activeElement")
    # On focus the list offers the own team first, before anything is typed.
    page.get_by_role("option", name="Zeger Rups 0", exact=False).wait_for()
    assert (
        page.get_by_role("listbox")
        .get_by_role("option")
        .first.inner_text()
        .startswith(("Zeger Rups", "Persoon"))
    )
    assert page.locator(".picker__button").is_hidden()  # the no-JS button gives way
    box.press_sequentially("zeger", delay=20)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    expect(options).to_have_count(11)  # the typed search's answer, not the focus list
    expect(options.first).to_have_text(re.compile("^Zeger Rups 0"))
    # Own team first; ten per page and a "more" option; never the other organisation.
    names = [o.inner_text() for o in options.all()]
    assert [n[: len("Zeger Rups 0")] for n in names[:3]] == [
        "Zeger Rups 0",
        "Zeger Rups 1",
        "Zeger Rups 2",
    ]
    assert len(names) == 11 and names[-1] == "Meer mensen tonen…"
    assert not any("Elders" in n for n in names)
    status = page.locator("[data-picker-status]")
    expect(status).to_contain_text("10 mensen getoond")
    screenshot(page, "picker-open-phone")
    assert_accessible(page)

    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").inner_text().startswith("Zeger Rups 1")
    box.press("Enter")
    chip = page.locator(".chip", has_text="Zeger Rups 1")
    chip.wait_for()
    expect(status).to_contain_text("Zeger Rups 1 gekozen.")
    assert box.input_value() == ""

    # The "more" option loads the next page into the same list, with the keyboard.
    box.press_sequentially("zeger pop", delay=20)
    page.get_by_role("option", name="Meer mensen tonen…").wait_for()
    box.press("End")
    box.press("Enter")
    page.get_by_role("option", name="Zeger Pop 11", exact=False).wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.locator(".chip", has_text="Zeger Pop").wait_for()
    # "2" also matches other people's e-mail addresses: arrow down to the one meant.
    pick(page, "Wie vraag je?", "Zeger Rups 2")
    box.press_sequentially("rups 0", delay=20)
    page.get_by_role("option", name="Zeger Rups 0", exact=False).wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.fill("")
    # Remove a chip with the keyboard: its button is named after the person.
    remove = page.get_by_role("button", name="Zeger Rups 2 verwijderen")
    remove.focus()
    page.keyboard.press("Enter")
    assert page.locator(".chip", has_text="Zeger Rups 2").count() == 0
    expect(status).to_contain_text("Zeger Rups 2 verwijderd.")
    screenshot(page, "picker-chosen-phone")
    assert_accessible(page)

    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je vraag is verstuurd.").is_visible()
    request = FeedbackRequest.objects.get()
    asked = set(request.invites.values_list("person__name", flat=True))
    assert len(asked) == 2 and "Zeger Rups 1" in asked
    assert all(n.startswith("Zeger Rups 1") or n.startswith("Zeger Pop") for n in asked)


def test_picker_without_javascript(browser, live_server, world, colleagues):
    """No script: the search button posts the form back; the matches come as checkboxes
    beside the people chosen so far; what was typed stays; saving sends the question."""
    own, others = colleagues
    context = browser.new_context(java_script_enabled=False, locale="nl-NL", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(90_000)  # a loaded CI machine: the live server can be slow
    page.goto(f"{live_server.url}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(world.staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/o/regenboog/leren/feedback/vragen/")
    page.get_by_label("Je vraag").fill("Wat zie je mij doen?")
    page.get_by_role("searchbox", name="Wie vraag je?").fill("rups")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert page.get_by_label("Je vraag").input_value() == "Wat zie je mij doen?"
    found = page.get_by_role("group", name="Gevonden mensen voor “rups”")
    assert found.get_by_role("checkbox").count() == 3
    assert page.get_by_text("Zeger Elders").count() == 0
    found.get_by_label("Zeger Rups 0").check()
    found.get_by_label("Zeger Rups 2").check()
    screenshot(page, "picker-nojs-found-phone")
    assert_accessible_as_html(browser, page)
    # Search again: the two chosen stay chosen, now as ticked chips.
    page.get_by_role("searchbox", name="Wie vraag je?").fill("pop 1")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    chosen = page.get_by_role("list", name="Gekozen mensen")
    assert chosen.get_by_role("checkbox", checked=True).count() == 2
    page.get_by_role("group", name="Gevonden mensen voor “pop 1”").get_by_label(
        "Zeger Pop 10"
    ).check()
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je vraag is verstuurd.").is_visible()
    asked = set(FeedbackRequest.objects.get().invites.values_list("person__name", flat=True))
    assert asked == {"Zeger Rups 0", "Zeger Rups 2", "Zeger Pop 10"}
    context.close()
