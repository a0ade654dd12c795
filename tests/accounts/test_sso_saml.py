"""Sign-in with the organisation's own account over SAML 2.0 (Entree Federatie), against
pysaml2's identity provider in-process (saml_idp.py): signed responses and assertions."""

import base64

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from lerend.accounts.models import SsoConnection, User
from lerend.organisations.models import AuditEntry, Membership, Role
from tests.factories import member

from .conftest import connect_saml, start_sso
from .saml_idp import OTHER_SP, MetadataServer

pytestmark = pytest.mark.django_db

ACS = reverse("accounts:sso:saml_acs")
USED = "Deze aanmelding is al gebruikt of niet hier begonnen"
CHECK = "Het antwoord van je organisatie kon niet worden gecontroleerd"
NO_ACCOUNT = "Er is in Lerend geen account voor dit e-mailadres bij je organisatie"


@pytest.fixture(autouse=True)
def _log_refusals(caplog):
    caplog.set_level("INFO", logger="lerend.accounts.sso")


def reason(caplog) -> str:
    return " ".join(r.getMessage() for r in caplog.records if "refused" in r.getMessage())


def begin(client, email="anne@regenboog.nl") -> str:
    page = start_sso(client, email)
    assert page.status_code == 200, page.content.decode()
    return page.context["url"]


def post_and_finish(client, data):
    """The browser posting the IdP's answer to Lerend (no cookies: SameSite=Lax keeps the
    session cookie off a cross-site POST) and following on to the finish page."""
    acs = Client().post(ACS, data)  # a client without this browser's session
    if acs.status_code != 302:
        return acs
    assert acs["Location"].startswith(reverse("accounts:sso:saml_finish"))
    return client.get(acs["Location"])


def test_saml_member_signs_in_and_only_that_organisation_opens(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    url = begin(client, "bram@regenboog.nl")
    assert url.startswith("https://idp-a.example.nl/saml/sso?SAMLRequest=")
    response = post_and_finish(client, saml_idp.answer(url, "bram@regenboog.nl"))
    assert response.status_code == 302
    assert response["Location"] == reverse("web:org_home", args=["regenboog"])
    assert client.session[SESSION_KEY] == str(orgs.both.pk)
    assert client.get("/o/regenboog/").status_code == 200
    assert client.get("/o/elders/").status_code == 404  # Bram is a member there too


def test_saml_wrong_audience_is_refused(client, orgs, saml_idp, caplog):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    url = begin(client)
    data = saml_idp.answer(url, "anne@regenboog.nl", audience=OTHER_SP)
    response = post_and_finish(client, data)
    assert response.status_code == 403
    assert CHECK in response.content.decode()
    assert "AudienceRestrictions conditions not satisfied" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_saml_expired_assertion_is_refused(client, orgs, saml_idp, caplog):
    """Issued 17 minutes ago with a lifetime of 15: past it, and past the 60 s leeway."""
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    data = saml_idp.answer(begin(client), "anne@regenboog.nl", issued_minutes_ago=17)
    response = post_and_finish(client, data)
    assert response.status_code == 403
    assert CHECK in response.content.decode()
    assert "ResponseLifetimeExceed" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_saml_assertion_from_a_clock_a_little_behind_is_accepted(client, orgs, saml_idp):
    """The counterpart: issued 10 minutes ago, still within its 15 minutes."""
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    data = saml_idp.answer(begin(client), "anne@regenboog.nl", issued_minutes_ago=10)
    assert post_and_finish(client, data).status_code == 302


def test_saml_replayed_response_is_refused(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    data = saml_idp.answer(begin(client), "anne@regenboog.nl")
    assert post_and_finish(client, data).status_code == 302
    client.post(reverse("accounts:logout"))
    replay = Client().post(ACS, data)
    assert replay.status_code == 403
    assert USED in replay.content.decode()
    # Posted by the same browser again, with its session: still nothing.
    assert client.post(ACS, data).status_code == 403
    assert SESSION_KEY not in client.session


def test_saml_finish_page_used_twice_is_refused(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    acs = Client().post(ACS, saml_idp.answer(begin(client), "anne@regenboog.nl"))
    assert client.get(acs["Location"]).status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(acs["Location"]).status_code == 403
    assert SESSION_KEY not in client.session


def test_saml_answer_finished_in_another_browser_is_refused(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    acs = Client().post(ACS, saml_idp.answer(begin(client), "anne@regenboog.nl"))
    victim = Client()
    assert victim.get(acs["Location"]).status_code == 403
    assert SESSION_KEY not in victim.session


def test_saml_response_to_another_request_is_refused(client, orgs, saml_idp, caplog):
    """An answer carrying our RelayState but answering a request we never made."""
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    data = saml_idp.answer(begin(client), "anne@regenboog.nl", in_response_to="id-not-ours")
    response = post_and_finish(client, data)
    assert response.status_code == 403
    assert "UnsolicitedResponse" in reason(caplog)


def test_saml_unsolicited_response_without_request_is_refused(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    data = saml_idp.answer(begin(Client()), "anne@regenboog.nl")
    data["RelayState"] = "id-made-up"
    response = Client().post(ACS, data)
    assert response.status_code == 403
    assert USED in response.content.decode()


def test_saml_tampered_assertion_is_refused(client, orgs, saml_idp, caplog):
    """Anne changes the signed address to Bram's: the signature no longer holds."""
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    data = saml_idp.answer(begin(client), "anne@regenboog.nl")
    xml = base64.b64decode(data["SAMLResponse"]).decode()
    assert xml.count("anne@regenboog.nl") >= 1
    data["SAMLResponse"] = base64.b64encode(
        xml.replace("anne@regenboog.nl", "bram@regenboog.nl").encode()
    ).decode()
    response = post_and_finish(client, data)
    assert response.status_code == 403
    assert "SignatureError" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_saml_answer_from_another_organisations_idp_is_refused(
    client, orgs, saml_idp, other_saml_idp, caplog
):
    """B's identity provider (its own key and entity ID) answers a request made for A."""
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    connect_saml(orgs.b, other_saml_idp, domains=["elders.nl"])
    data = other_saml_idp.answer(begin(client), "anne@regenboog.nl", reader=saml_idp)
    response = post_and_finish(client, data)
    assert response.status_code == 403
    assert "MissingKey: https://idp-b.example.nl/saml/idp" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_saml_unknown_person_is_refused(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    response = post_and_finish(client, saml_idp.answer(begin(client), "nieuw@regenboog.nl"))
    assert response.status_code == 403
    assert NO_ACCOUNT in response.content.decode()
    assert not User.objects.filter(email="nieuw@regenboog.nl").exists()


def test_saml_unknown_person_joins_the_chosen_team_when_allowed(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"], jit_team=orgs.team)
    response = post_and_finish(client, saml_idp.answer(begin(client), "nieuw@regenboog.nl"))
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@regenboog.nl")
    assert user.name == "Test Persoon"
    membership = Membership.objects.get(person=user)
    assert (membership.organisation, membership.role, membership.team) == (
        orgs.a,
        Role.MEDEWERKER,
        orgs.team,
    )
    assert AuditEntry.objects.filter(action="sso.jit_create", organisation=orgs.a).count() == 1


def test_saml_person_of_another_organisation_is_never_matched_or_added(client, orgs, saml_idp):
    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"], jit_team=orgs.team)
    response = post_and_finish(client, saml_idp.answer(begin(client), "kees@regenboog.nl"))
    assert response.status_code == 403
    assert not Membership.objects.filter(person=orgs.only_b, organisation=orgs.a).exists()
    # And an address of B through A's identity provider:
    response = post_and_finish(client, saml_idp.answer(begin(client), "els@elders.nl"))
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


def test_saml_metadata_of_lerend(client):
    response = client.get(reverse("accounts:sso:saml_metadata"))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/samlmetadata+xml"
    assert 'entityID="http://127.0.0.1:8000/account/sso/saml/metadata/"' in body
    assert 'Location="http://127.0.0.1:8000/account/sso/saml/acs/"' in body
    assert 'WantAssertionsSigned="true"' in body


def test_saml_settings_fetch_the_metadata_url(client, orgs, saml_idp):
    server = MetadataServer(saml_idp.metadata())
    try:
        client.force_login(member(orgs.a, Role.BEHEERDER))
        form = {
            "provider": "entree",
            "domains": "regenboog.nl",
            "metadata_url": server.url,
            "enabled": "on",
        }
        response = client.post(reverse("sso_admin:settings", args=["regenboog"]), form)
    finally:
        server.stop()
    assert response.status_code == 302
    connection = SsoConnection.objects.get(organisation=orgs.a)
    assert connection.idp_entity_id == saml_idp.entity_id
    assert "EntityDescriptor" in connection.metadata_xml
    # And it works: Anne signs in through it, in her own browser.
    browser = Client()
    response = post_and_finish(browser, saml_idp.answer(begin(browser), "anne@regenboog.nl"))
    assert response.status_code == 302
    assert browser.session[SESSION_KEY] == str(orgs.anne.pk)


def test_saml_settings_refuse_metadata_without_an_identity_provider(client, orgs):
    client.force_login(member(orgs.a, Role.BEHEERDER))
    form = {
        "provider": "entree",
        "domains": "regenboog.nl",
        "metadata_xml": (
            "<md:EntityDescriptor xmlns:md='urn:oasis:names:tc:SAML:2.0:metadata' entityID='x'/>"
        ),
    }
    response = client.post(reverse("sso_admin:settings", args=["regenboog"]), form)
    assert response.status_code == 200
    assert "Geen geldige SAML-metadata" in response.content.decode()
    assert not SsoConnection.objects.exists()


def test_saml_verdict_not_collected_in_time_is_refused(client, orgs, saml_idp):
    from datetime import timedelta

    from django.utils import timezone

    from lerend.accounts.models import SsoRequest

    connect_saml(orgs.a, saml_idp, domains=["regenboog.nl"])
    acs = Client().post(ACS, saml_idp.answer(begin(client), "anne@regenboog.nl"))
    SsoRequest.objects.update(consumed_at=timezone.now() - timedelta(minutes=11))
    assert client.get(acs["Location"]).status_code == 403
    assert SESSION_KEY not in client.session
