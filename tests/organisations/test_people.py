import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lerend.organisations.models import AuditEntry, Membership, Role
from tests.factories import LocationFactory, TeamFactory, member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("admin", 200),
        ("board", 200),
        ("manager", 200),
        ("teamleader", 200),
        ("staff", 403),
        ("coach", 403),
        ("outsider", 404),
    ],
)
def test_people_list_personas(client, world, url, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(url("organisations:people")).status_code == status


def _names(response):
    return {p.name for p in response.context["page"]}


@pytest.fixture
def spread(world):
    """People who could leak: another team at the same location, another location, and
    another organisation."""
    other_location = LocationFactory(organisation=world.org, name="De Mier")
    far_team = TeamFactory(location=other_location, name="Groep Kever")
    member(world.org, team=world.other_team, person__name="Pia Pop")
    member(world.org, team=far_team, person__name="Karel Kever")
    member(world.other_org, person__name="Eva Elders")
    member(world.org, team=world.team, person__name="Rita Rups")
    return other_location


def test_people_list_teamleader_sees_only_own_team(client, world, url, spread):
    client.force_login(world.teamleader)
    response = client.get(url("organisations:people"))
    names = _names(response)
    assert names == {"Rita Rups", world.staff.name, world.teamleader.name}
    body = response.content.decode()
    assert "Pia Pop" not in body and "Karel Kever" not in body and "Eva Elders" not in body
    assert reverse("organisations:person", args=["regenboog", world.staff.pk]) not in body


def test_people_list_manager_sees_own_location(client, world, url, spread):
    client.force_login(world.manager)
    names = _names(client.get(url("organisations:people")))
    assert "Pia Pop" in names and "Rita Rups" in names
    assert "Karel Kever" not in names and "Eva Elders" not in names
    assert world.board.name not in names


def test_people_list_board_sees_everyone_in_org(client, world, url, spread):
    client.force_login(world.board)
    names = _names(client.get(url("organisations:people")))
    assert {"Pia Pop", "Karel Kever", "Rita Rups", world.admin.name} <= names
    assert "Eva Elders" not in names


def test_people_list_teamleader_cannot_widen_with_filters(client, world, url, spread):
    client.force_login(world.teamleader)
    response = client.get(url("organisations:people") + f"?locatie={spread.pk}")
    assert _names(response) == set()


def test_people_list_search_and_filters(client, world, url, spread):
    client.force_login(world.admin)
    base = url("organisations:people")
    assert _names(client.get(base + "?q=kever")) == {"Karel Kever"}
    assert _names(client.get(base + f"?team={world.other_team.pk}")) == {"Pia Pop"}
    assert _names(client.get(base + f"?locatie={spread.pk}")) == {"Karel Kever"}
    assert _names(client.get(base + "?rol=bestuurder")) == {world.board.name}
    email = world.manager.email
    assert _names(client.get(base + f"?q={email}")) == {world.manager.name}


def test_people_list_shows_roles_and_teams(client, world, url):
    client.force_login(world.admin)
    body = client.get(url("organisations:people")).content.decode()
    assert "Groep Rups" in body
    assert "Beheerder" in body


def test_people_list_paginates(client, world, url):
    for i in range(30):
        member(world.org, team=world.team, person__name=f"Zz {i:02}")
    client.force_login(world.admin)
    first = client.get(url("organisations:people"))
    assert len(first.context["page"].object_list) == 25
    second = client.get(url("organisations:people") + "?page=2")
    assert len(second.context["page"].object_list) == 36 - 25


def test_people_list_query_count_constant(client, world, url, django_assert_num_queries):
    client.force_login(world.teamleader)
    with django_assert_num_queries(9) as one:
        response = client.get(url("organisations:people"))
    assert len(response.context["page"].object_list) == 2
    for _ in range(2):
        member(world.org, team=world.team)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("organisations:people"))
    assert len(response.context["page"].object_list) == 4


def test_person_detail_other_org_person_404(client, world, url):
    client.force_login(world.admin)
    assert client.get(url("organisations:person", person_id=world.outsider.pk)).status_code == 404


def test_membership_create_with_scope_and_audit(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:membership_create", person_id=world.staff.pk),
        {
            "role": Role.COACH,
            "scope": "location",
            "location": world.location.pk,
            "fte": "0,4",
            "start_date": "2026-01-01",
        },
    )
    assert response.status_code == 302
    created = Membership.objects.get(person=world.staff, role=Role.COACH)
    assert str(created.fte) == "0.40"
    entry = AuditEntry.objects.get(action="membership.create")
    assert entry.after["fte"] == "0.40"
    assert entry.after["location"] == f"De Vlinder (#{world.location.pk})"


def test_membership_create_errors_in_dutch(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:membership_create", person_id=world.staff.pk),
        {"role": Role.COACH, "scope": "team", "fte": "1,5", "start_date": "2026-01-01"},
    )
    body = response.content.decode()
    assert "Kies het team voor deze rol." in body
    assert "Geef een FTE van 0 tot 1,2, bijvoorbeeld 0,8." in body
    assert not Membership.objects.filter(person=world.staff, role=Role.COACH).exists()


def test_membership_end_stops_access(client, world, url):
    client.force_login(world.admin)
    membership = Membership.objects.get(person=world.staff)
    response = client.post(url("organisations:membership_end", membership_id=membership.pk))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == timezone.localdate() - datetime.timedelta(days=1)
    client.force_login(world.staff)
    assert client.get(reverse("web:org_home", args=["regenboog"])).status_code == 404


def test_deactivate_removes_access_keeps_other_org(client, world, url):
    elsewhere = Membership.objects.create(
        person=world.staff,
        organisation=world.other_org,
        role=Role.MEDEWERKER,
        scope="organisation",
        start_date=timezone.localdate() - datetime.timedelta(days=5),
    )
    client.force_login(world.admin)
    response = client.post(url("organisations:person_deactivate", person_id=world.staff.pk))
    assert response.status_code == 302
    world.staff.refresh_from_db()
    assert world.staff.is_active is True
    elsewhere.refresh_from_db()
    assert elsewhere.end_date is None
    entry = AuditEntry.objects.get(action="person.deactivate")
    assert entry.after["is_active"] is True
    client.force_login(world.staff)
    assert client.get(reverse("web:org_home", args=["regenboog"])).status_code == 404
    assert client.get(url("organisations:people")).status_code == 404
    assert client.get(reverse("web:org_home", args=["elders"])).status_code == 200


def test_deactivate_without_other_membership_makes_inactive_and_reactivate(client, world, url):
    client.force_login(world.admin)
    client.post(url("organisations:person_deactivate", person_id=world.staff.pk))
    world.staff.refresh_from_db()
    assert world.staff.is_active is False
    assert Membership.objects.filter(person=world.staff).count() == 1  # nothing deleted
    former = client.get(url("organisations:people") + "?status=oud")
    assert [p.pk for p in former.context["page"]] == [world.staff.pk]
    response = client.post(url("organisations:person_reactivate", person_id=world.staff.pk))
    assert response.status_code == 302
    world.staff.refresh_from_db()
    assert world.staff.is_active is True
    assert AuditEntry.objects.filter(action="person.reactivate").count() == 1


def test_deactivate_self_refused(client, world, url):
    client.force_login(world.admin)
    client.post(url("organisations:person_deactivate", person_id=world.admin.pk))
    world.admin.refresh_from_db()
    assert world.admin.is_active is True
