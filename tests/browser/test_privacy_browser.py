"""The erasure flow in a real browser, on a phone: a person asks from their profile, the
beheerder finds the request, sees what would be erased, confirms, and the pages are axe
clean (issue 16 §2)."""

import re

import pytest

from lerend.organisations.models import AuditEntry, ErasureRequest, Membership

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_person_asks_and_beheerder_erases_on_phone(page, login, world, live_server):
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/account/profiel/")
    button = page.get_by_role("button", name=f"Vraag {world.org.name} mijn gegevens te wissen")
    screenshot(page, "privacy-profile-phone")
    assert_accessible(page)
    button.click()
    page.wait_for_load_state()
    assert ErasureRequest.objects.filter(person=world.staff).exists()

    page.context.clear_cookies()
    login(world.admin)
    base = f"{live_server.url}/o/regenboog/beheer/privacy"
    page.goto(f"{base}/")
    assert page.get_by_role("heading", name="Verzoeken om te wissen").is_visible()
    screenshot(page, "privacy-overview-phone")
    assert_accessible(page)
    # The name is a visually hidden ": Persoon 0"; Chromium reads it with a space before
    # the colon, as it does for every such link.
    erase = re.compile(rf"^Bekijk wat gewist zou worden\s?: {re.escape(world.staff.name)}$")
    page.get_by_role("link", name=erase).click()
    page.wait_for_load_state()
    screenshot(page, "privacy-erase-phone")
    assert page.get_by_role("cell", name="lidmaatschappen", exact=True).is_visible()
    assert_accessible(page)
    page.get_by_label("Ik begrijp dat dit niet ongedaan kan worden gemaakt.").check()
    page.get_by_role("button", name="Definitief wissen").click()
    page.wait_for_load_state()
    assert page.get_by_text("De gegevens van de persoon zijn gewist.").is_visible()
    assert not Membership.objects.filter(person=world.staff, organisation=world.org).exists()
    assert AuditEntry.objects.filter(action="person.erase").count() == 1

    for path in ("bewaartermijnen/", "verwerkingsregister/"):
        page.goto(f"{base}/{path}")
        screenshot(page, f"privacy-{path.strip('/')}-phone")
        assert_accessible(page)
