"""Sign-in with the organisation account in Chromium: the log-in page, the page that moves
on to the identity provider under the strict CSP (no script), a real OpenID Connect
provider on 127.0.0.1, and back into the organisation."""

import pytest

from lerend.organisations.models import Role
from tests.accounts.conftest import connect_oidc
from tests.accounts.oidc_provider import OidcProvider
from tests.factories import LocationFactory, OrganisationFactory, TeamFactory, member

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def oidc_provider():
    provider = OidcProvider()
    yield provider
    provider.stop()


def test_sso_oidc_round_trip_in_the_browser(page, live_server, settings, oidc_provider):
    settings.SITE_URL = live_server.url  # the redirect URI the provider sends the browser to
    org = OrganisationFactory(name="Kinderopvang De Regenboog", slug="regenboog")
    other = OrganisationFactory(name="Stichting Elders", slug="elders")
    team = TeamFactory(location=LocationFactory(organisation=org))
    anne = member(org, Role.MEDEWERKER, team=team, person__email="anne@regenboog.nl")
    member(other, Role.MEDEWERKER, person=anne)
    connect_oidc(org, oidc_provider, domains=["regenboog.nl"], required=True)
    oidc_provider.person = {"sub": "a", "email": anne.email, "email_verified": True}
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))

    page.goto(f"{live_server.url}/account/inloggen/")
    assert_accessible(page)
    page.get_by_label("Je e-mail bij je organisatie").fill(anne.email)
    screenshot(page, "sso-login")
    with page.expect_navigation(url=f"{live_server.url}/o/regenboog/"):
        page.get_by_role("button", name="Verder met je organisatie-account").click()
    page.wait_for_load_state()
    screenshot(page, "sso-home")
    assert page.url == f"{live_server.url}/o/regenboog/"
    assert violations == []
    assert oidc_provider.token_requests == 1
    # Anne works at Elders too, but this session came through De Regenboog's provider.
    assert page.goto(f"{live_server.url}/o/elders/").status == 404
