"""A team leader makes an API key on a phone, uses it, and the documentation page works
under the strict Content-Security-Policy (no CDN, no inline script)."""

import json
import urllib.request

import pytest

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_leader_makes_a_key_on_a_phone_and_reads_the_api_with_it(page, login, live_server, world):
    page.set_viewport_size(PHONE)
    login(world.teamleader)
    page.goto(f"{live_server.url}/account/profiel/")
    page.get_by_role("link", name="Beheer je API-sleutels").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="API-sleutels", exact=True).is_visible()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Teamdashboard")
    page.get_by_label("Geldig gedurende").select_option("30")
    page.get_by_role("button", name="Maak sleutel").click()
    page.wait_for_load_state()
    key = page.get_by_label("Sleutel", exact=True).input_value()
    assert key.startswith("lerend_")
    screenshot(page, "api-key-made-phone")
    assert_accessible(page)

    request = urllib.request.Request(
        f"{live_server.url}/api/v1/o/regenboog/me", headers={"Authorization": f"Bearer {key}"}
    )
    with urllib.request.urlopen(request) as response:
        assert json.load(response)["email"] == world.teamleader.email

    page.reload()  # shown once: a reload neither shows it again nor makes a second key
    assert page.get_by_label("Sleutel", exact=True).count() == 0
    assert page.get_by_role("row", name="Teamdashboard").count() == 1
    row = page.get_by_role("row", name="Teamdashboard")
    row.get_by_role("button", name="Intrekken").click()
    page.wait_for_load_state()
    assert page.get_by_text("De sleutel “Teamdashboard” werkt niet meer.").is_visible()
    assert page.get_by_role("row", name="Teamdashboard").get_by_text("Ingetrokken").is_visible()


def test_api_documentation_renders_under_the_content_security_policy(page, live_server):
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.get_by_text("Lerend API").first.wait_for()
    assert page.get_by_text("/api/v1/o/{org}/scans/{campaign_id}/results/teams/{team_id}").count()
    screenshot(page, "api-docs-desktop")
    assert blocked == []
