"""Making, listing and revoking API keys on the pages: a person's own keys on their
account, every key of the organisation for its beheerder."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerend.api import services
from lerend.api.models import ApiToken
from lerend.organisations.models import AuditEntry, Role
from tests.factories import member

KEY = re.compile(r'value="(lerend_[A-Za-z0-9_-]+)"')


def _make(client, world, **data):
    data = {"organisation": world.org.pk, "name": "Dashboard", "days": 90} | data
    return client.post(reverse("api_keys:tokens"), data)


def test_the_keys_page_needs_a_log_in(client, world):
    response = client.get(reverse("api_keys:tokens"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_a_new_key_is_shown_once_and_works(client, world, api_get):
    client.force_login(world.teamleader)
    response = _make(client, world)
    assert response.status_code == 302
    shown = client.get(reverse("api_keys:tokens"))
    assert "no-store" in shown["Cache-Control"]
    key = KEY.search(shown.content.decode()).group(1)
    assert key not in str(dict(client.session))  # shown once, then gone from the session
    assert api_get("/o/regenboog/me", key).status_code == 200
    token = ApiToken.objects.get(person=world.teamleader)
    assert (token.name, token.organisation, token.hint) == ("Dashboard", world.org, key[:11])
    again = client.get(reverse("api_keys:tokens")).content.decode()  # a reload
    assert key not in again and token.hint in again
    entry = AuditEntry.objects.get(action="api_token.create")
    assert (entry.organisation, entry.actor, entry.target_repr) == (
        world.org,
        world.teamleader,
        "Dashboard",
    )


def test_a_key_for_an_organisation_you_are_not_in_is_refused(client, world):
    client.force_login(world.teamleader)
    response = _make(client, world, organisation=world.other_org.pk)
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(("field", "value"), [("days", 7), ("name", "")])
def test_bad_input_explains_in_dutch_and_writes_nothing(client, world, field, value):
    client.force_login(world.teamleader)
    response = _make(client, world, **{field: value}, HTTP_ACCEPT_LANGUAGE="nl")
    assert field in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_at_most_ten_keys_in_use(client, world):
    for n in range(services.MAX_ACTIVE_PER_PERSON):
        services.create_token(person=world.staff, organisation=world.org, name=f"k{n}", days=30)
    client.force_login(world.staff)
    response = _make(client, world)
    assert "10" in str(response.context["form"].non_field_errors())
    assert ApiToken.objects.count() == services.MAX_ACTIVE_PER_PERSON


def test_you_revoke_your_own_key_but_not_someone_elses(client, world, make_key, api_get):
    mine, theirs = make_key(world.teamleader), make_key(world.staff)
    own = ApiToken.objects.get(person=world.teamleader)
    other = ApiToken.objects.get(person=world.staff)
    client.force_login(world.teamleader)
    assert client.post(reverse("api_keys:revoke", args=[other.pk])).status_code == 404
    assert client.post(reverse("api_keys:revoke", args=[own.pk])).status_code == 302
    assert api_get("/o/regenboog/me", mine).status_code == 401
    assert api_get("/o/regenboog/me", theirs).status_code == 200
    assert AuditEntry.objects.filter(action="api_token.revoke").count() == 1


def test_the_beheerder_sees_and_revokes_the_organisations_keys(client, world, make_key, api_get):
    staff_key = make_key(world.staff, name="Mijn grafiek")
    make_key(world.outsider, organisation=world.other_org, name="GEHEIM elders")
    elsewhere = ApiToken.objects.get(organisation=world.other_org)
    url = reverse("api_org:tokens", kwargs={"org_slug": "regenboog"})
    client.force_login(world.admin)
    page = client.get(url).content.decode()
    assert "Mijn grafiek" in page and world.staff.name in page and "GEHEIM" not in page
    token = ApiToken.objects.get(person=world.staff)
    revoke = reverse("api_org:revoke", kwargs={"org_slug": "regenboog", "token_id": token.pk})
    assert client.post(revoke).status_code == 302
    assert api_get("/o/regenboog/me", staff_key).status_code == 401
    far = reverse("api_org:revoke", kwargs={"org_slug": "regenboog", "token_id": elsewhere.pk})
    assert client.post(far).status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("teamleader", 403), ("board", 403)])
def test_only_the_beheerder_opens_the_organisations_keys(client, world, persona, status):
    client.force_login(getattr(world, persona))
    url = reverse("api_org:tokens", kwargs={"org_slug": "regenboog"})
    assert client.get(url).status_code == status


def test_the_keys_list_takes_the_same_queries_for_more_keys(client, world):
    url = reverse("api_org:tokens", kwargs={"org_slug": "regenboog"})
    client.force_login(world.admin)
    counts = []
    for extra in (1, 2):
        for n in range(extra):
            person = member(world.org, Role.MEDEWERKER, team=world.team)
            services.create_token(person=person, organisation=world.org, name=f"k{n}", days=30)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]  # 1 key, then 3 keys


def test_own_data_download_lists_keys_without_their_secret(client, world, make_key):
    key = make_key(world.staff, name="Mijn grafiek")
    digest = ApiToken.objects.get(person=world.staff).digest
    client.force_login(world.staff)
    response = client.get(reverse("accounts:export"))
    keys = response.json()["api_keys"]
    assert [(k["name"], k["organisation"], k["revoked_at"]) for k in keys] == [
        ("Mijn grafiek", "Kinderopvang De Regenboog", None)
    ]
    assert key not in response.content.decode() and digest not in response.content.decode()
