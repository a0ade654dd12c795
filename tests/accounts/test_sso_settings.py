"""The beheerder's page for the organisation's sign-in connection."""

import pytest
from django.urls import reverse

from lerend.accounts.models import SsoConnection
from lerend.accounts.sso import secrets
from lerend.organisations.models import AuditEntry, Role
from tests.factories import member

from .conftest import connect_oidc

pytestmark = pytest.mark.django_db


def url(org):
    return reverse("sso_admin:settings", args=[org.slug])


def oidc_form(provider, **extra):
    return {
        "provider": "entra",
        "domains": "Regenboog.nl, @leiding.regenboog.nl",
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "enabled": "on",
        **extra,
    }


def test_sso_settings_personas(client, orgs):
    admin = member(orgs.a, Role.BEHEERDER)
    client.force_login(admin)
    page = client.get(url(orgs.a))
    assert page.status_code == 200
    assert reverse("accounts:sso:oidc_callback") in page.content.decode()
    assert 'aria-current="page">Inloggen</a>' in page.content.decode()
    client.force_login(orgs.anne)  # staff member of A
    assert client.get(url(orgs.a)).status_code == 403
    client.force_login(orgs.only_b)  # beheerder of B
    assert client.get(url(orgs.a)).status_code == 404


def test_sso_settings_saves_and_never_shows_the_secret_again(client, orgs, oidc_provider):
    admin = member(orgs.a, Role.BEHEERDER)
    client.force_login(admin)
    response = client.post(url(orgs.a), oidc_form(oidc_provider, required="on"))
    assert response.status_code == 302
    connection = SsoConnection.objects.get(organisation=orgs.a)
    assert sorted(connection.domains.values_list("domain", flat=True)) == [
        "leiding.regenboog.nl",
        "regenboog.nl",
    ]
    assert connection.required is True
    assert oidc_provider.client_secret not in connection.client_secret_encrypted
    assert secrets.decrypt(connection.client_secret_encrypted) == oidc_provider.client_secret
    page = client.get(url(orgs.a)).content.decode()
    assert oidc_provider.client_secret not in page
    assert "Er is een geheim opgeslagen" in page
    # Saving again without a secret keeps the stored one.
    form = oidc_form(oidc_provider, client_secret="", enabled="", required="on")
    assert client.post(url(orgs.a), form).status_code == 302
    connection.refresh_from_db()
    assert connection.enabled is False
    assert secrets.decrypt(connection.client_secret_encrypted) == oidc_provider.client_secret
    entries = list(AuditEntry.objects.filter(organisation=orgs.a).order_by("pk"))
    assert [e.action for e in entries] == ["sso.create", "sso.update"]
    assert entries[0].actor == admin
    assert entries[0].after["client_secret"].startswith("******** (")
    assert entries[1].before == {"enabled": True}
    assert entries[1].after == {"enabled": False}
    assert all(oidc_provider.client_secret not in str(e.after) for e in entries)


def test_sso_settings_checks_the_issuer_before_saving(client, orgs, oidc_provider):
    client.force_login(member(orgs.a, Role.BEHEERDER))
    form = oidc_form(oidc_provider, issuer=oidc_provider.issuer + "/elders")
    response = client.post(url(orgs.a), form)
    assert response.status_code == 200
    assert "Geen OpenID Connect-provider gevonden" in response.content.decode()
    plain_http = oidc_form(oidc_provider, issuer="http://idp.example.nl")
    assert "Geen OpenID Connect-provider" in client.post(url(orgs.a), plain_http).content.decode()
    assert not SsoConnection.objects.exists()


def test_sso_settings_refuses_a_domain_of_another_organisation(
    client, orgs, oidc_provider, other_oidc_provider
):
    connect_oidc(orgs.b, other_oidc_provider, domains=["regenboog.nl"])
    client.force_login(member(orgs.a, Role.BEHEERDER))
    response = client.post(url(orgs.a), oidc_form(oidc_provider))
    assert response.status_code == 200
    assert "regenboog.nl is al gekoppeld aan een andere organisatie" in response.content.decode()
    assert not SsoConnection.objects.filter(organisation=orgs.a).exists()


def test_sso_settings_just_in_time_needs_a_team_of_this_organisation(client, orgs, oidc_provider):
    from tests.factories import LocationFactory, TeamFactory

    foreign_team = TeamFactory(location=LocationFactory(organisation=orgs.b))
    client.force_login(member(orgs.a, Role.BEHEERDER))
    no_team = client.post(url(orgs.a), oidc_form(oidc_provider, allow_jit="on"))
    assert "Kies het team waar nieuwe mensen bij komen" in no_team.content.decode()
    foreign = client.post(
        url(orgs.a), oidc_form(oidc_provider, allow_jit="on", jit_team=foreign_team.pk)
    )
    assert foreign.status_code == 200
    assert not SsoConnection.objects.exists()
    ok = client.post(url(orgs.a), oidc_form(oidc_provider, allow_jit="on", jit_team=orgs.team.pk))
    assert ok.status_code == 302
    assert SsoConnection.objects.get().jit_team == orgs.team


def test_sso_settings_remove(client, orgs, oidc_provider):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    client.force_login(member(orgs.a, Role.BEHEERDER))
    response = client.post(reverse("sso_admin:delete", args=[orgs.a.slug]))
    assert response.status_code == 302
    assert not SsoConnection.objects.exists()
    assert AuditEntry.objects.filter(action="sso.delete", organisation=orgs.a).count() == 1
