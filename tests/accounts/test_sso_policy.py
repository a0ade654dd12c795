"""Password log-in beside sign-in with the organisation account: refused where the
organisation requires its own sign-in, scoped for people who also work elsewhere."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from lerend.accounts.models import AttemptCounter
from lerend.organisations.models import Role
from tests.factories import OrganisationFactory, member

from .conftest import code_at, connect_oidc, enrol, post_login, start_sso

pytestmark = pytest.mark.django_db

USE_SSO = "Je organisatie laat je inloggen met je organisatie-account"


def test_password_still_works_where_the_connection_is_not_required(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=False)
    response = post_login(client, "anne@regenboog.nl")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(orgs.anne.pk)
    assert client.get("/o/regenboog/").status_code == 200


def test_password_refused_when_the_organisation_requires_its_own_sign_in(
    client, orgs, oidc_provider
):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    response = post_login(client, "anne@regenboog.nl")
    assert response.status_code == 200
    body = response.content.decode()
    assert USE_SSO in body
    assert 'id="sso_email"' in body and 'value="anne@regenboog.nl"' in body
    assert SESSION_KEY not in client.session
    # Nothing was checked, so nothing was counted.
    assert not AttemptCounter.objects.exists()


def test_password_refusal_says_the_same_for_an_address_without_account(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    known = post_login(client, "anne@regenboog.nl", password="wrong")
    unknown = post_login(client, "niemand@regenboog.nl", password="wrong")
    assert known.status_code == unknown.status_code == 200
    assert USE_SSO in known.content.decode() and USE_SSO in unknown.content.decode()


def test_password_of_a_person_in_two_organisations_opens_only_the_other(
    client, orgs, oidc_provider
):
    """Bram works at A (own sign-in required) and B (password): his password opens B,
    never A."""
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    response = post_login(client, "bram@regenboog.nl")
    assert response.status_code == 302
    assert client.get("/o/elders/").status_code == 200
    assert client.get("/o/regenboog/").status_code == 404


def test_password_scope_holds_after_the_second_step(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    secret, _codes = enrol(orgs.both)
    assert post_login(client, "bram@regenboog.nl")["Location"] == reverse("accounts:login_code")
    assert client.post(reverse("accounts:login_code"), {"code": code_at(secret)}).status_code == 302
    assert client.get("/o/elders/").status_code == 200
    assert client.get("/o/regenboog/").status_code == 404


def test_person_with_another_address_keeps_the_password(client, orgs, oidc_provider):
    """An external coach with a gmail address cannot use A's sign-in: the requirement is
    for the addresses in A's domains."""
    coach = member(orgs.a, Role.COACH, person__email="coach@gmail.example")
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    assert post_login(client, coach.email).status_code == 302
    assert client.get("/o/regenboog/").status_code == 200


def test_organisations_without_sign_in_are_untouched(client, orgs):
    other = OrganisationFactory(slug="derde")
    person = member(other, Role.MEDEWERKER, person__email="iemand@derde.nl")
    assert post_login(client, person.email).status_code == 302
    assert "lerend_org_scope" not in client.session
    assert client.get("/o/derde/").status_code == 200


def test_start_with_an_address_without_connection_points_to_the_password(client, orgs):
    page = start_sso(client, "anne@regenboog.nl")
    assert page.status_code == 200
    assert "Log in met je wachtwoord" in page.content.decode()


def test_login_page_offers_the_organisation_account_without_inline_code(client):
    body = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen met je organisatie-account" in body
    assert f'action="{reverse("accounts:sso:start")}"' in body
    assert " style=" not in body and "<script>" not in body


def test_redirect_page_sends_on_without_script(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    page = start_sso(client, "anne@regenboog.nl")
    body = page.content.decode()
    url = page.context["url"]
    assert url.startswith(oidc_provider.issuer + "/authorize?")
    assert f'<meta http-equiv="refresh" content="0; url={url.replace("&", "&amp;")}">' in body
    assert "<script>" not in body and " style=" not in body
