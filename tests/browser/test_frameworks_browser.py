import pytest

from .conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_explores_blocks_on_phone(page, login, live_server, world):
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/model/")
    assert page.get_by_role("heading", name="De twaalf bouwstenen", level=1).is_visible()
    screenshot(page, "frameworks-explorer-phone")
    assert_accessible(page)

    page.locator('svg a[data-block="coaching"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/o/regenboog/model/bouwsteen/coaching/")
    assert page.get_by_role("heading", name="Coaching", level=1).is_visible()
    screenshot(page, "frameworks-block-phone")
    assert_accessible(page)

    page.get_by_role("link", name="Ontwikkelhuis", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("img", name="Het Ontwikkelhuis").is_visible()
    screenshot(page, "frameworks-house-phone")
    assert_accessible(page)


def test_staff_filters_practices_on_desktop(page, login, live_server, world):
    page.set_viewport_size(DESKTOP)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/model/")
    screenshot(page, "frameworks-explorer-desktop")
    page.goto(f"{live_server.url}/o/regenboog/model/praktijken/")
    page.get_by_label("Bouwsteen").select_option("coaching")
    page.get_by_label("Niveau").select_option("team")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_load_state()
    assert "block=coaching" in page.url
    assert page.get_by_role("link", name="Coachingtraject").is_visible()
    screenshot(page, "frameworks-practices-desktop")
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/model/ontwikkelhuis/")
    screenshot(page, "frameworks-house-desktop")
