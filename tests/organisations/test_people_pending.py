"""People who were imported but have not activated their account yet: badge and filter on
the people list, invitation details on the person page."""

import datetime

import pytest
from django.utils import timezone

from lerend.kit.tokens import hash_token
from lerend.organisations.invitations import services as invitation_services
from lerend.organisations.models import Invitation, Role, Scope
from tests.factories import member

pytestmark = pytest.mark.django_db


def _import(world, *rows):
    """People through the real staff import: an account without a password, a membership
    and an invitation each."""
    raw = [{"line": i + 2, "fte": "", "role": "", **row} for i, row in enumerate(rows)]
    invitation_services.import_staff(organisation=world.org, actor=world.admin, raw_rows=raw)


def _pending_person(world, name, team=None, **invitation):
    """A pending person made by hand, with an invitation whose dates the test chooses."""
    person = member(world.org, team=team or world.team, person__name=name)
    person.set_unusable_password()
    person.save()
    if invitation:
        now = timezone.now()
        Invitation.objects.create(
            organisation=world.org,
            email=person.email,
            name=name,
            role=Role.MEDEWERKER,
            scope=Scope.TEAM,
            team=team or world.team,
            token_hash=f"hash-{person.pk}",
            created_at=invitation.get("created_at", now - datetime.timedelta(days=2)),
            expires_at=invitation.get("expires_at", now + datetime.timedelta(days=12)),
            revoked_at=invitation.get("revoked_at"),
        )
    return person


def _rows(response):
    return {p.name: p for p in response.context["page"]}


def test_people_pending_imported_person_has_badge_with_expiry(client, world, url):
    _import(world, {"name": "Ida Import", "email": "ida@example.nl", "team": "Groep Rups"})
    client.force_login(world.teamleader)
    response = client.get(url("organisations:people"))
    rows = _rows(response)
    assert rows["Ida Import"].is_pending is True
    assert rows["Ida Import"].invitation_open is True
    assert rows[world.staff.name].is_pending is False
    body = response.content.decode()
    assert body.count("Nog niet geactiveerd</span>") == 1
    expires = Invitation.objects.get(email="ida@example.nl").expires_at
    local = timezone.localtime(expires)
    assert f"uitnodiging geldig tot {local.day} " in body


def test_people_pending_expired_or_revoked_invitation_says_no_valid_invitation(client, world, url):
    past = timezone.now() - datetime.timedelta(days=1)
    _pending_person(world, "Eef Expired", expires_at=past)
    _pending_person(world, "Rob Revoked", revoked_at=past)
    _pending_person(world, "Nina Nothing")
    client.force_login(world.admin)
    response = client.get(url("organisations:people"))
    rows = _rows(response)
    for name in ("Eef Expired", "Rob Revoked", "Nina Nothing"):
        assert rows[name].is_pending is True
        assert rows[name].invitation_open is False
    assert response.content.decode().count("geen geldige uitnodiging") == 3


def test_people_pending_accepted_person_is_active(client, world, url):
    """Accepting the invitation sets a password: the badge goes."""
    _import(world, {"name": "Ida Import", "email": "ida@example.nl", "team": "Groep Rups"})
    invitation = Invitation.objects.get(email="ida@example.nl")
    token = "known-token"
    invitation.token_hash = hash_token(token)
    invitation.save()
    invitation_services.accept_invitation(token=token, name="Ida Import", password="x-Long-pw-42")
    client.force_login(world.admin)
    response = client.get(url("organisations:people"))
    assert _rows(response)["Ida Import"].is_pending is False
    assert "Nog niet geactiveerd</span>" not in response.content.decode()


def test_people_pending_filter_open(client, world, url):
    _pending_person(world, "Pim Pending", created_at=timezone.now())
    client.force_login(world.board)
    response = client.get(url("organisations:people") + "?status=open")
    assert set(_rows(response)) == {"Pim Pending"}
    assert '<option value="open" selected>' in response.content.decode()


def test_people_pending_filter_stays_within_teamleader_scope(client, world, url):
    _pending_person(world, "Pia Pop", team=world.other_team, created_at=timezone.now())
    _pending_person(world, "Rita Rups", created_at=timezone.now())
    client.force_login(world.teamleader)
    response = client.get(url("organisations:people") + "?status=open")
    assert set(_rows(response)) == {"Rita Rups"}
    assert "Pia Pop" not in response.content.decode()


def test_people_pending_former_option_only_for_beheerder(client, world, url):
    client.force_login(world.teamleader)
    body = client.get(url("organisations:people")).content.decode()
    assert '<option value="open"' in body and '<option value="oud"' not in body
    # status=oud from a teamleader is ignored: the current list, not the former people.
    response = client.get(url("organisations:people") + "?status=oud")
    assert response.context["filters"]["former"] is False


@pytest.mark.parametrize("count", [1, 3])
def test_people_pending_list_query_count(client, world, url, django_assert_num_queries, count):
    """Rows, memberships and pending state: no query per person, pending or not."""
    for i in range(count):
        _pending_person(world, f"Pending {i}", created_at=timezone.now())
        member(world.org, team=world.team, person__name=f"Active {i}")
    client.force_login(world.teamleader)
    # session, user, 2FA roles, organisation, access, count, rows, memberships, teams (the
    # teamleader has no location filter, so that choice needs no query)
    with django_assert_num_queries(9):
        response = client.get(url("organisations:people") + "?status=open")
    assert len(response.context["page"]) == count
    with django_assert_num_queries(9):
        response = client.get(url("organisations:people"))
    assert len(response.context["page"]) == 2 * count + 2


def test_person_page_shows_open_invitation(client, world, url):
    sent = timezone.now() - datetime.timedelta(days=3)
    until = timezone.now() + datetime.timedelta(days=11)
    person = _pending_person(world, "Ida Import", created_at=sent, expires_at=until)
    client.force_login(world.admin)
    response = client.get(url("organisations:person", person_id=person.pk))
    body = response.content.decode()
    assert response.context["pending"] is True
    assert response.context["invitation"].email == person.email
    assert "Nog niet geactiveerd" in body
    assert "Verstuurd" in body and "Geldig tot" in body and "Verlopen" not in body
    local_until = timezone.localtime(until)
    assert f"{local_until.day} " in body
    resend = url("organisations:invitation_resend", invitation_id=response.context["invitation"].pk)
    assert f'action="{resend}"' in body


def test_person_page_shows_expired_invitation(client, world, url):
    person = _pending_person(
        world, "Eef Expired", expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(world.admin)
    body = client.get(url("organisations:person", person_id=person.pk)).content.decode()
    assert "Verlopen" in body and "Geldig tot" not in body


def test_person_page_pending_without_invitation_here(client, world, url):
    """Another organisation's invitation to the same address is not shown."""
    person = _pending_person(world, "Nina Nothing")
    Invitation.objects.create(
        organisation=world.other_org,
        email=person.email,
        name="Nina",
        role=Role.MEDEWERKER,
        scope=Scope.ORGANISATION,
        token_hash="elsewhere",
        expires_at=timezone.now() + datetime.timedelta(days=5),
    )
    client.force_login(world.admin)
    response = client.get(url("organisations:person", person_id=person.pk))
    assert response.context["invitation"] is None
    assert "heeft geen uitnodiging voor dit adres" in response.content.decode()


def test_person_page_active_person_has_no_invitation_section(client, world, url):
    client.force_login(world.admin)
    response = client.get(url("organisations:person", person_id=world.staff.pk))
    assert response.context["pending"] is False
    assert 'id="activation"' not in response.content.decode()
