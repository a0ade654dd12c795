"""Sign-in with the organisation's own account over OpenID Connect, against a real provider
on 127.0.0.1 (oidc_provider.py): signed ID tokens, PKCE, state and nonce."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from joserfc.jwk import RSAKey

from lerend.accounts.middleware import SESSION_2FA_OK
from lerend.accounts.models import SsoRequest, User
from lerend.organisations.models import AuditEntry, Membership, Role

from .conftest import connect_oidc, follow_back, start_sso

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _log_refusals(caplog):
    caplog.set_level("INFO", logger="lerend.accounts.sso")


REFUSED_CHECK = "Het antwoord van je organisatie kon niet worden gecontroleerd"
NO_ACCOUNT = "Er is in Lerend geen account voor dit e-mailadres bij je organisatie"
USED = "Deze aanmelding is al gebruikt of niet hier begonnen"


def reason(caplog) -> str:
    """Why the last sign-in was refused, as logged: the test checks the check that failed."""
    return " ".join(r.getMessage() for r in caplog.records if "refused" in r.getMessage())


def sign_in(client, provider, email, **person):
    """The whole round trip for ``email``: start, the provider, back. Returns the last
    response and the authorisation URL the provider was sent."""
    provider.person = {"sub": email, "email": email, "email_verified": True, **person}
    page = start_sso(client, email)
    assert page.status_code == 200, page.content.decode()
    url = page.context["url"]
    return follow_back(client, provider.sign_in(url)), url


def test_oidc_member_signs_in_and_only_that_organisation_opens(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    response, url = sign_in(client, oidc_provider, "bram@regenboog.nl", name="Bram")
    assert response.status_code == 302
    assert response["Location"] == reverse("web:org_home", args=["regenboog"])
    assert client.session[SESSION_KEY] == str(orgs.both.pk)
    assert client.session[SESSION_2FA_OK] is True
    # The request went out with PKCE, state and nonce, to the configured client.
    query = parse_qs(urlsplit(url).query)
    assert query["client_id"] == ["lerend"]
    assert query["code_challenge_method"] == ["S256"]
    assert {"state", "nonce", "code_challenge"} <= set(query)
    assert oidc_provider.token_requests == 1
    assert client.get("/o/regenboog/").status_code == 200
    # Bram is a member of B too, but this session came through A's provider.
    assert client.get("/o/elders/").status_code == 404
    assert client.get("/o/elders/beheer/").status_code == 404


def test_oidc_wrong_audience_is_refused(client, orgs, oidc_provider, caplog):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    oidc_provider.tamper = {"aud": "another-application"}
    response, _ = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert response.status_code == 403
    assert "'aud'" in reason(caplog)
    assert REFUSED_CHECK in response.content.decode()
    assert SESSION_KEY not in client.session


def test_oidc_expired_id_token_is_refused(client, orgs, oidc_provider, caplog):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    now = int(time.time())
    oidc_provider.tamper = {"iat": now - 900, "exp": now - 300}  # past the 60 s leeway
    response, _ = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert response.status_code == 403
    assert "expired" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_oidc_token_signed_by_another_key_is_refused(client, orgs, oidc_provider, caplog):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    # Another key under the published key's id: only the signature check can catch it.
    oidc_provider.signing_key = RSAKey.generate_key(2048, parameters={"kid": oidc_provider.key.kid})
    response, _ = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert response.status_code == 403
    assert "bad_signature" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_oidc_token_from_another_organisations_provider_is_refused(
    client, orgs, oidc_provider, other_oidc_provider, caplog
):
    """B's provider is a real provider with its own issuer and keys; a token naming it as
    issuer never passes for A, even when A's endpoint hands it over."""
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    connect_oidc(orgs.b, other_oidc_provider, domains=["elders.nl"])
    oidc_provider.tamper = {"iss": other_oidc_provider.issuer}
    response, _ = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert response.status_code == 403
    assert "'iss'" in reason(caplog)
    oidc_provider.tamper = {"iss": other_oidc_provider.issuer}
    oidc_provider.signing_key = other_oidc_provider.key
    response, _ = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


def test_oidc_callback_used_twice_is_refused(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    oidc_provider.person = {"sub": "1", "email": "anne@regenboog.nl", "email_verified": True}
    back = oidc_provider.sign_in(start_sso(client, "anne@regenboog.nl").context["url"])
    assert follow_back(client, back).status_code == 302
    client.post(reverse("accounts:logout"))
    replay = follow_back(client, back)
    assert replay.status_code == 403
    assert USED in replay.content.decode()
    assert SESSION_KEY not in client.session
    assert oidc_provider.token_requests == 1  # the replay never reached the provider


def test_oidc_token_with_an_earlier_nonce_is_refused(client, orgs, oidc_provider, caplog):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    first, url = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert first.status_code == 302
    client.post(reverse("accounts:logout"))
    oidc_provider.tamper = {"nonce": parse_qs(urlsplit(url).query)["nonce"][0]}
    second, _ = sign_in(client, oidc_provider, "anne@regenboog.nl")
    assert second.status_code == 403
    assert "'nonce'" in reason(caplog)
    assert SESSION_KEY not in client.session


def test_oidc_answer_in_another_browser_is_refused(client, orgs, oidc_provider):
    """Login CSRF: an attacker's own sign-in, finished in someone else's browser."""
    from django.test import Client

    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    oidc_provider.person = {"sub": "1", "email": "anne@regenboog.nl", "email_verified": True}
    back = oidc_provider.sign_in(start_sso(client, "anne@regenboog.nl").context["url"])
    victim = Client()
    response = follow_back(victim, back)
    assert response.status_code == 403
    assert SESSION_KEY not in victim.session


def test_oidc_unknown_person_is_refused_and_not_created(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    response, _ = sign_in(client, oidc_provider, "nieuw@regenboog.nl")
    assert response.status_code == 403
    assert NO_ACCOUNT in response.content.decode()
    assert not User.objects.filter(email="nieuw@regenboog.nl").exists()


def test_oidc_unknown_person_joins_the_chosen_team_when_allowed(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], jit_team=orgs.team)
    response, _ = sign_in(client, oidc_provider, "Nieuw@Regenboog.nl", name="Nina Nieuw")
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@regenboog.nl")
    assert user.name == "Nina Nieuw"
    assert not user.has_usable_password()
    assert client.session[SESSION_KEY] == str(user.pk)
    membership = Membership.objects.get(person=user)
    assert (membership.organisation, membership.role, membership.team) == (
        orgs.a,
        Role.MEDEWERKER,
        orgs.team,
    )
    entry = AuditEntry.objects.get(action="sso.jit_create")
    assert entry.organisation == orgs.a
    assert entry.after["email"] == "nieuw@regenboog.nl"
    assert client.get("/o/regenboog/").status_code == 200


def test_oidc_person_of_another_organisation_is_never_matched_or_added(client, orgs, oidc_provider):
    """Kees has an A-looking address but works only at B: A's provider vouching for him
    neither logs him in nor adds him to A, also with just-in-time creation on."""
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], jit_team=orgs.team)
    response, _ = sign_in(client, oidc_provider, "kees@regenboog.nl")
    assert response.status_code == 403
    assert SESSION_KEY not in client.session
    assert list(
        Membership.objects.filter(person=orgs.only_b).values_list("organisation__slug", flat=True)
    ) == ["elders"]
    assert not AuditEntry.objects.filter(action="sso.jit_create").exists()


def test_oidc_address_outside_the_organisations_domains_is_refused(client, orgs, oidc_provider):
    """A's provider cannot log in B's people: els@elders.nl is not in A's domains."""
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], jit_team=orgs.team)
    page = start_sso(client, "anne@regenboog.nl")
    oidc_provider.person = {"sub": "x", "email": "els@elders.nl", "email_verified": True}
    response = follow_back(client, oidc_provider.sign_in(page.context["url"]))
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


def test_oidc_unverified_address_is_refused(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    response, _ = sign_in(client, oidc_provider, "anne@regenboog.nl", email_verified=False)
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    ("kind", "claims", "logged_in"),
    [
        ("entra", {"email_verified": False, "xms_edov": True}, True),
        ("entra", {"email_verified": False}, False),
        ("google", {"hd": "regenboog.nl"}, True),
        ("google", {}, False),  # a consumer Google account, not the Workspace domain
    ],
)
def test_oidc_provider_specific_verification(client, orgs, oidc_provider, kind, claims, logged_in):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], provider_kind=kind)
    response, url = sign_in(client, oidc_provider, "anne@regenboog.nl", **claims)
    assert (response.status_code == 302) is logged_in
    assert (SESSION_KEY in client.session) is logged_in
    if kind == "google":
        assert parse_qs(urlsplit(url).query)["hd"] == ["regenboog.nl"]


def test_oidc_switched_off_connection_is_not_offered(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], enabled=False)
    page = start_sso(client, "anne@regenboog.nl")
    assert page.status_code == 200
    assert "url" not in page.context
    assert "geen inloggen met een organisatie-account" in page.content.decode()


def test_oidc_unreachable_provider_says_so(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    oidc_provider.stop()
    page = start_sso(client, "anne@regenboog.nl")
    assert page.status_code == 503
    assert "niet bereikbaar" in page.content.decode()
    assert not SsoRequest.objects.exists()


def test_oidc_expired_request_is_refused(client, orgs, oidc_provider):
    from datetime import timedelta

    from django.utils import timezone

    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    oidc_provider.person = {"sub": "1", "email": "anne@regenboog.nl", "email_verified": True}
    back = oidc_provider.sign_in(start_sso(client, "anne@regenboog.nl").context["url"])
    SsoRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = follow_back(client, back)
    assert response.status_code == 403
    assert SESSION_KEY not in client.session


def test_daily_purge_deletes_sign_in_requests_a_day_after_they_ended(client, orgs, oidc_provider):
    from datetime import timedelta

    from django.utils import timezone

    from lerend.accounts.tasks import purge_attempt_counters

    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"])
    start_sso(client, "anne@regenboog.nl")
    start_sso(client, "anne@regenboog.nl")
    old, recent = SsoRequest.objects.order_by("pk")
    SsoRequest.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=2))
    purge_attempt_counters.call()
    assert list(SsoRequest.objects.values_list("pk", flat=True)) == [recent.pk]
