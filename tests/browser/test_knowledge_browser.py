"""A pedagogisch medewerker searches on a phone from the menu: the shared entry is found by
a word it only holds in another form ("betrokken" -> "betrokkenheid"), highlighted; a
colleague's private journal entry with the same word is not. 0 serious axe findings."""

import pytest

from lerend.knowledge import services
from lerend.learning import services as learning
from tests.knowledge.conftest import write

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_on_a_phone(page, live_server, login, world):
    write(
        world.teamleader,
        world.org,
        visibility="organisation",
        title="Rustig opruimen met de zandloper",
        learned="De betrokkenheid van de peuters steeg toen ze zelf de zandloper omdraaiden.",
        building_blocks=["pedagogisch-professionals"],
    )
    learning.create_entry(organisation=world.org, owner=world.teamleader, body="Privé betrokken")
    services.reindex_organisation(organisation=world.org)
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_text("Menu").click()  # on a phone the menu folds behind "Menu"
    menu.get_by_role("link", name="Zoeken").click()
    page.wait_for_load_state()
    page.get_by_label("Zoeken").fill("betrokken")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    results = page.locator(".search-result")
    results.first.wait_for()
    assert results.count() == 1
    assert page.locator(".search-result mark").first.inner_text() == "betrokkenheid"
    assert page.get_by_text("Privé").count() == 0
    screenshot(page, "knowledge-search-phone")
    assert_accessible(page)
    results.first.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Rustig opruimen met de zandloper").is_visible()
    assert_accessible(page)
