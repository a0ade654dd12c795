import pytest
from django.utils import translation

from lerend.organisations.models import AuditEntry, Location, Membership, Team
from tests.factories import LocationFactory, TeamFactory, member

pytestmark = pytest.mark.django_db

READ_ONLY = ["staff", "teamleader", "manager", "coach", "board"]


def _pages(world):
    membership = Membership.objects.get(person=world.staff)
    return [
        ("organisations:overview", {}),
        ("organisations:locations", {}),
        ("organisations:location_create", {}),
        ("organisations:location_edit", {"location_id": world.location.pk}),
        ("organisations:location_delete", {"location_id": world.location.pk}),
        ("organisations:teams", {}),
        ("organisations:team_create", {}),
        ("organisations:team_edit", {"team_id": world.team.pk}),
        ("organisations:team_delete", {"team_id": world.team.pk}),
        ("organisations:person", {"person_id": world.staff.pk}),
        ("organisations:membership_create", {"person_id": world.staff.pk}),
        ("organisations:membership_edit", {"membership_id": membership.pk}),
        ("organisations:person_deactivate", {"person_id": world.staff.pk}),
        ("organisations:settings", {}),
        ("organisations:audit_log", {}),
        ("organisations:invitations", {}),
        ("organisations:invite", {}),
        ("organisations:import_upload", {}),
    ]


def test_management_pages_admin_gets_200(client, world, url):
    client.force_login(world.admin)
    for name, kwargs in _pages(world):
        assert client.get(url(name, **kwargs)).status_code == 200, name


@pytest.mark.parametrize("persona", READ_ONLY)
def test_management_pages_other_members_get_403(client, world, url, persona):
    client.force_login(getattr(world, persona))
    for name, kwargs in _pages(world):
        assert client.get(url(name, **kwargs)).status_code == 403, name
        assert client.post(url(name, **kwargs), {}).status_code == 403, name


def test_management_pages_outsider_gets_404(client, world, url):
    client.force_login(world.outsider)
    for name, kwargs in _pages(world):
        assert client.get(url(name, **kwargs)).status_code == 404, name


def test_post_only_actions_refuse_get(client, world, url):
    client.force_login(world.admin)
    membership = Membership.objects.get(person=world.staff)
    assert (
        client.get(url("organisations:membership_end", membership_id=membership.pk)).status_code
        == 405
    )
    assert (
        client.get(url("organisations:person_reactivate", person_id=world.staff.pk)).status_code
        == 405
    )


def test_other_organisations_location_gives_404(client, world, url):
    elsewhere = LocationFactory(organisation=world.other_org)
    client.force_login(world.admin)
    assert (
        client.get(url("organisations:location_edit", location_id=elsewhere.pk)).status_code == 404
    )
    response = client.post(url("organisations:location_delete", location_id=elsewhere.pk))
    assert response.status_code == 404
    assert Location.objects.filter(pk=elsewhere.pk).exists()


def test_overview_shows_counts(client, world, url):
    client.force_login(world.admin)
    response = client.get(url("organisations:overview"))
    assert response.context["counts"]["locations"] == 1
    assert response.context["counts"]["teams"] == 2
    assert response.context["teams_without_leader"] == 1


# --- locations -----------------------------------------------------------------------------


def test_location_create_writes_location_and_audit(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:location_create"),
        {"name": "De Zon", "kind": "school", "brin": "12ab", "lrk_number": "", "place": "Gouda"},
    )
    assert response.status_code == 302
    location = Location.objects.get(name="De Zon")
    assert location.brin == "12AB"
    entry = AuditEntry.objects.get(action="location.create")
    assert entry.actor == world.admin
    assert entry.after["name"] == "De Zon"


def test_location_create_bad_codes_explained_in_dutch(client, world, url):
    client.force_login(world.admin)
    with translation.override("nl"):
        response = client.post(
            url("organisations:location_create"),
            {"name": "De Zon", "kind": "school", "brin": "1234", "lrk_number": "12"},
            HTTP_ACCEPT_LANGUAGE="nl",
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Een BRIN-code" in body
    assert "Een LRK-nummer" in body
    assert not Location.objects.filter(name="De Zon").exists()


def test_location_duplicate_name_refused(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:location_create"), {"name": "de vlinder", "kind": "school"}
    )
    assert response.status_code == 200
    assert "Er is al een locatie met deze naam." in response.content.decode()


def test_location_edit_audits_only_changed_fields(client, world, url):
    client.force_login(world.admin)
    client.post(
        url("organisations:location_edit", location_id=world.location.pk),
        {"name": "De Vlinder", "kind": "kindercentrum", "place": "Amersfoort"},
    )
    entry = AuditEntry.objects.get(action="location.update")
    assert entry.before == {"place": "Utrecht"}
    assert entry.after == {"place": "Amersfoort"}


def test_location_delete_with_people_refused_in_dutch(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:location_delete", location_id=world.location.pk), follow=True
    )
    assert Location.objects.filter(pk=world.location.pk).exists()
    assert "kan niet worden verwijderd" in response.content.decode()


def test_location_delete_empty_location(client, world, url):
    empty = LocationFactory(organisation=world.org, name="Leeg")
    client.force_login(world.admin)
    response = client.post(url("organisations:location_delete", location_id=empty.pk))
    assert response.status_code == 302
    assert not Location.objects.filter(pk=empty.pk).exists()
    assert AuditEntry.objects.get(action="location.delete").before["name"] == "Leeg"


def test_locations_list_query_count_constant(client, world, url, django_assert_num_queries):
    client.force_login(world.admin)
    with django_assert_num_queries(7) as one:
        client.get(url("organisations:locations"))
    for n in range(2):
        loc = LocationFactory(organisation=world.org, name=f"Extra {n}")
        member(world.org, team=TeamFactory(location=loc))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("organisations:locations"))
    assert len(response.context["locations"]) == 3


# --- teams ---------------------------------------------------------------------------------


def test_team_create_in_other_organisations_location_refused(client, world, url):
    elsewhere = LocationFactory(organisation=world.other_org)
    client.force_login(world.admin)
    response = client.post(
        url("organisations:team_create"), {"location": elsewhere.pk, "name": "X", "kind": "groep"}
    )
    assert response.status_code == 200
    assert not Team.objects.filter(name="X").exists()


def test_team_create_and_duplicate(client, world, url):
    client.force_login(world.admin)
    data = {"location": world.location.pk, "name": "Groep Vlieg", "kind": "groep"}
    assert client.post(url("organisations:team_create"), data).status_code == 302
    assert AuditEntry.objects.get(action="team.create").after["name"] == "Groep Vlieg"
    response = client.post(url("organisations:team_create"), data)
    assert "Deze locatie heeft al een team met deze naam." in response.content.decode()


def test_team_delete_with_people_refused(client, world, url):
    client.force_login(world.admin)
    response = client.post(url("organisations:team_delete", team_id=world.team.pk), follow=True)
    assert Team.objects.filter(pk=world.team.pk).exists()
    assert "kan niet worden verwijderd" in response.content.decode()


def test_team_delete_empty_team(client, world, url):
    client.force_login(world.admin)
    client.post(url("organisations:team_delete", team_id=world.other_team.pk))
    assert not Team.objects.filter(pk=world.other_team.pk).exists()


def test_teams_list_grouped_and_query_count_constant(client, world, url, django_assert_num_queries):
    client.force_login(world.admin)
    world.other_team.delete()
    with django_assert_num_queries(7) as one:
        client.get(url("organisations:teams"))
    for n in range(2):
        member(world.org, team=TeamFactory(location=world.location, name=f"Extra {n}"))
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("organisations:teams"))
    ((location, teams),) = response.context["groups"]
    assert location == world.location
    assert [t.name for t in teams] == ["Extra 0", "Extra 1", "Groep Rups"]
    assert teams[2].people_count == 2


# --- settings and audit log ----------------------------------------------------------------


def test_settings_update_audited(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:settings"),
        {"name": "De Regenboog", "anonymity_threshold": 7, "two_factor_roles": ["beheerder"]},
    )
    assert response.status_code == 302
    world.org.refresh_from_db()
    assert world.org.anonymity_threshold == 7
    assert world.org.two_factor_roles == ["beheerder"]
    entry = AuditEntry.objects.get(action="settings.update")
    assert entry.before == {
        "name": "Kinderopvang De Regenboog",
        "anonymity_threshold": 5,
        "two_factor_roles": [],
    }
    assert entry.after["anonymity_threshold"] == 7


@pytest.mark.parametrize("k", [2, 11])
def test_settings_threshold_out_of_range_refused(client, world, url, k):
    client.force_login(world.admin)
    response = client.post(url("organisations:settings"), {"name": "X", "anonymity_threshold": k})
    assert response.status_code == 200
    world.org.refresh_from_db()
    assert world.org.anonymity_threshold == 5
    assert "Kies een getal van 3 tot 10." in response.content.decode()


def _audit(world, n):
    for i in range(n):
        AuditEntry.objects.create(
            organisation=world.org,
            actor=world.admin,
            action="team.update",
            target_type="team",
            target_repr=f"Team {i}",
            before={"name": "a"},
            after={"name": "b"},
        )


def test_audit_log_query_count_constant(client, world, url, django_assert_num_queries):
    client.force_login(world.admin)
    _audit(world, 1)
    with django_assert_num_queries(7) as one:
        client.get(url("organisations:audit_log"))
    _audit(world, 2)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("organisations:audit_log"))
    assert len(response.context["page"].object_list) == 3


def test_audit_log_filters_by_action_and_hides_other_org(client, world, url):
    _audit(world, 1)
    AuditEntry.objects.create(
        organisation=world.org, actor=world.admin, action="location.create", target_type="location"
    )
    AuditEntry.objects.create(
        organisation=world.other_org,
        action="team.update",
        target_type="team",
        target_repr="Geheim team",
    )
    client.force_login(world.admin)
    response = client.get(url("organisations:audit_log") + "?actie=team.update")
    entries = list(response.context["page"])
    assert [e.target_repr for e in entries] == ["Team 0"]
    body = response.content.decode()
    assert "Geheim team" not in body
    assert entries[0].changes == [("naam", "a", "b")]  # the field's Dutch label
