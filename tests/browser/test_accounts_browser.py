import time

import pyotp
import pytest

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/account/inloggen/")
    assert page.get_by_role("heading", name="Inloggen bij Lerend").is_visible()
    screenshot(page, "accounts-login-desktop")
    assert_accessible(page)


def test_staff_enrols_two_factor_on_phone_and_logs_in_with_code(page, login, live_server, world):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/account/inloggen/")
    screenshot(page, "accounts-login-phone")
    assert_accessible(page)

    login(world.staff)
    assert page.url.endswith("/o/regenboog/")
    page.goto(f"{live_server.url}/account/profiel/")
    assert page.get_by_role("heading", name="Profiel", exact=True).is_visible()
    screenshot(page, "accounts-profile-phone")
    assert_accessible(page)

    page.get_by_role("link", name="Inloggen in twee stappen aanzetten").click()
    page.wait_for_load_state()
    assert page.get_by_role(
        "img", name="QR-code om te scannen met je authenticator-app"
    ).is_visible()
    screenshot(page, "accounts-two-factor-enrol-phone")
    assert_accessible(page)
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    # Enrol with the previous step's code (still accepted) so that the log-in below can use
    # the current one: a code that was accepted once is never accepted again.
    page.get_by_label("Code van 6 cijfers uit je app").fill(pyotp.TOTP(secret).at(time.time() - 30))
    page.get_by_role("button", name="Aanzetten").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="Je herstelcodes").is_visible()
    assert page.get_by_text("Inloggen in twee stappen staat aan.").is_visible()
    assert page.get_by_role("list", name="Herstelcodes").get_by_role("listitem").count() == 8
    screenshot(page, "accounts-recovery-codes-phone")
    assert_accessible(page)
    page.get_by_role("link", name="Ik heb ze bewaard, verder").click()
    page.wait_for_load_state()
    assert page.get_by_text("Nog 8 ongebruikte herstelcodes.").is_visible()
    screenshot(page, "accounts-profile-two-factor-on-phone")
    assert_accessible(page)

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/account/inloggen/")

    login(world.staff)
    assert page.url.endswith("/account/inloggen/code/")
    assert page.get_by_role("heading", name="Inloggen in twee stappen").is_visible()
    screenshot(page, "accounts-login-code-phone")
    assert_accessible(page)
    page.get_by_label("Code", exact=True).fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.url.endswith("/o/regenboog/")
