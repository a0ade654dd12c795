"""Error pages as production shows them (DEBUG=False): Lerend's layout, Dutch (or English for
someone who chose English), the status code kept, and what to do next."""

import pytest
from django.test import Client

from lerend.organisations.models import Role
from tests.factories import member

pytestmark = pytest.mark.django_db

DUTCH = {
    400: ("Dit verzoek werd niet begrepen", "Ga terug"),
    403: ("Je hebt geen toegang tot deze pagina", "beheerder"),
    404: ("Pagina niet gevonden", "Controleer het adres"),
    405: ("Dit opent niet als pagina", "gebruik daar de knop"),
    410: ("Deze link is niet meer geldig", "nieuwe link"),
    500: ("Er ging bij ons iets mis", "Probeer het zo opnieuw"),
}
ENGLISH = {
    403: "You do not have access to this page",
    404: "Page not found",
    405: "This does not open as a page",
    410: "This link is no longer valid",
    500: "Something went wrong on our side",
}


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.error_urls"


def _get(client, status, world):
    if status == 403:
        client.force_login(world.staff)
        return client.get("/o/regenboog/beheer/")
    if status == 404:
        return client.get("/bestaat-niet/")
    return client.get(f"/test-fout/{status}/")


def _assert_page(response, status, words):
    html = response.content.decode()
    assert response.status_code == status
    assert '<main id="main"' in html and 'class="brand"' in html  # Lerend's layout
    for word in words:
        assert word in html, (status, word)
    assert "Forbidden" not in html and "Not Found" not in html and "Server Error" not in html
    return html


@pytest.mark.parametrize("status", sorted(DUTCH))
def test_error_pages_are_dutch_and_branded(production, world, status):
    client = Client(raise_request_exception=False)
    response = _get(client, status, world)
    html = _assert_page(response, status, DUTCH[status])
    assert '<html lang="nl">' in html
    assert "Wat je kunt doen" in html
    if status == 405:
        assert response["Allow"] == "POST"


@pytest.mark.parametrize("status", sorted(ENGLISH))
def test_error_pages_follow_the_chosen_language(production, world, status):
    client = Client(raise_request_exception=False)
    client.cookies["lerend_language"] = "en"
    response = _get(client, status, world)
    html = _assert_page(response, status, [ENGLISH[status], "What you can do"])
    assert '<html lang="en">' in html


def test_outsider_gets_the_dutch_404_page_for_another_organisation(production, world):
    client = Client(raise_request_exception=False)
    client.force_login(member(world.other_org, Role.MEDEWERKER))
    _assert_page(client.get("/o/regenboog/"), 404, DUTCH[404])


def test_csrf_failure_is_the_dutch_403_page(production, world):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post("/account/inloggen/", {"email": "a@b.nl", "password": "x"})
    _assert_page(response, 403, ["beveiligingscontrole", "Laad de pagina opnieuw"])


def test_api_and_htmx_errors_keep_their_own_body(production, world):
    client = Client(raise_request_exception=False)
    client.force_login(world.staff)
    response = client.get("/test-fout/405/", HTTP_HX_REQUEST="true")
    assert response.status_code == 405 and response.content == b""
