import pytest

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_logs_in_and_sees_home_on_phone(page, login, world):
    page.set_viewport_size(PHONE)
    login(world.staff)
    assert page.url.endswith("/o/regenboog/")
    assert page.get_by_role("heading", name="Mijn teams").is_visible()
    assert page.get_by_role("region", name="Mijn teams").get_by_text("Groep Rups").is_visible()
    screenshot(page, "home-staff-phone")
    assert_accessible(page)
