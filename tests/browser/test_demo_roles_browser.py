"""The demo as a newcomer meets it: every demo log-in works and lands on a home page that
fits the role; the model explorer opens; the language switch turns the page English."""

import pytest

from lerend.demo import builder

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

LEADERS = {"teamleider", "locatiemanager", "coach", "bestuurder", "beheerder"}


@pytest.fixture
def demo():
    builder.build(builder.childcare_plan())
    builder.build(builder.school_plan())
    return builder.demo_logins()


def _log_in(page, base, entry):
    page.goto(f"{base}/account/inloggen/")
    page.get_by_label("E-mailadres").fill(entry["email"])
    page.get_by_label("Wachtwoord").fill(entry["password"])
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_every_demo_role_logs_in_and_sees_its_home(page, live_server, demo):
    assert len(demo) == 12
    for entry in demo:
        page.context.clear_cookies()
        _log_in(page, live_server.url, entry)
        assert page.url == f"{live_server.url}/o/{entry['slug']}/", entry["email"]
        assert page.get_by_role("heading", name="Mijn rollen").is_visible()
        overview = page.get_by_role("heading", name="Organisatieoverzicht")
        assert overview.is_visible() == (entry["role"] in LEADERS), entry["role"]
        screenshot(page, f"demo-home-{entry['slug']}-{entry['role']}")
        assert_accessible(page)


def test_demo_staff_opens_model_and_switches_language_on_phone(page, live_server, demo):
    page.set_viewport_size(PHONE)
    staff = next(e for e in demo if e["role"] == "medewerker")
    _log_in(page, live_server.url, staff)
    page.locator("nav.main-nav summary").click()  # on a phone the menu folds behind "Menu"
    page.get_by_role("link", name="Model lerende organisatie").first.click()
    page.wait_for_load_state()
    assert "/model/" in page.url
    screenshot(page, "demo-model-phone-nl")
    assert_accessible(page)
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Wissel").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("nav.main-nav summary").click()  # the folded menu, now in English
    assert page.get_by_role("link", name="Learning-organisation model").first.is_visible()
    screenshot(page, "demo-model-phone-en")
    assert_accessible(page)
    # The choice sticks: the next page is English too.
    page.get_by_role("link", name="Home").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="My teams").is_visible()
