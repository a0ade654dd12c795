"""A session opened through one organisation's sign-in reaches nothing of another: not the
choice of organisations, not a new API key, and a password set while accepting an invitation
never opens an organisation that requires its own sign-in. Each test first makes the thing
that could leak."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from lerend.accounts.sso.selectors import SESSION_SCOPE
from lerend.api.models import ApiToken
from lerend.organisations.invitations import services as invitations
from lerend.organisations.models import Membership, Role, Scope
from tests.factories import member

from .conftest import connect_oidc

pytestmark = pytest.mark.django_db


def _signed_in_through_a(client, person, orgs):
    """As after a sign-in through A's provider: the session may open A only."""
    client.force_login(person)
    session = client.session
    session[SESSION_SCOPE] = [orgs.a.pk]
    session.save()


def test_home_offers_only_the_organisations_the_session_may_open(client, orgs):
    # Bram works at A and B; without a scope he chooses between them.
    client.force_login(orgs.both)
    page = client.get(reverse("web:home"))
    assert page.status_code == 200 and "Stichting Elders" in page.content.decode()
    _signed_in_through_a(client, orgs.both, orgs)
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"] == "/o/regenboog/"


def test_api_key_cannot_reach_an_organisation_outside_the_session(client, orgs):
    _signed_in_through_a(client, orgs.both, orgs)
    page = client.get(reverse("api_keys:tokens")).content.decode()
    assert "Kinderopvang De Regenboog" in page
    assert "Stichting Elders" not in page
    response = client.post(
        reverse("api_keys:tokens"),
        {"organisation": str(orgs.b.pk), "name": "Dashboard", "days": "30"},
    )
    assert response.status_code == 200
    assert not ApiToken.objects.filter(organisation=orgs.b).exists()
    # The organisation the session may open still works.
    client.post(
        reverse("api_keys:tokens"),
        {"organisation": str(orgs.a.pk), "name": "Dashboard", "days": "30"},
    )
    assert ApiToken.objects.filter(organisation=orgs.a, person=orgs.both).count() == 1


def test_password_chosen_on_an_invitation_does_not_open_an_organisation_with_own_sign_in(
    client, orgs, oidc_provider, django_capture_on_commit_callbacks
):
    connect_oidc(orgs.a, oidc_provider, domains=["regenboog.nl"], required=True)
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite_person(
            organisation=orgs.a,
            actor=member(orgs.a, Role.BEHEERDER),
            email="nina@regenboog.nl",
            name="Nina Nieuw",
            role=Role.MEDEWERKER,
            scope=Scope.TEAM,
            team=orgs.team,
            fte="0.6",
        )
    token = re.search(r"/uitnodiging/([\w-]+)/", mail.outbox[-1].body).group(1)
    password = "lange-wandeling-op-zondag"
    response = client.post(
        reverse("invitations:accept", args=[token]),
        {"name": "Nina Nieuw", "password1": password, "password2": password},
    )
    # The membership exists, but the password opens nothing of A: on to the log-in page,
    # where A's own sign-in is offered.
    assert Membership.objects.filter(organisation=orgs.a, person__email="nina@regenboog.nl")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    if SESSION_KEY in client.session:
        assert client.get("/o/regenboog/").status_code == 404
