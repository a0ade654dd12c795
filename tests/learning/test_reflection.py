"""Team reflection: a team record for the team and its leaders; outcomes become actions in
the improvement app."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.improvement.models import Action, Origin
from lerend.learning import services
from lerend.learning.models import TeamReflection
from lerend.organisations.models import Role
from tests.factories import TeamFactory, member

from .conftest import access_of


def _reflection(world, team=None, title="Terugblik project Buitenspelen"):
    return services.create_reflection(
        access=access_of(world.manager, world.org),
        actor=world.manager,
        team=team or world.team,
        title=title,
        period="Voorjaar 2026",
        held_on=datetime.date(2026, 6, 1),
        went_well="Kinderen kozen zelf",
        learned="Minder regels werkt",
        change="Vaker naar buiten bij regen",
        participants=[world.staff, world.teamleader],
    )


@pytest.fixture
def reflection(world):
    return _reflection(world)


def test_reflection_personas(client, world, reflection, url):
    other_team_member = member(world.org, Role.MEDEWERKER, team=world.other_team)
    addresses = [
        url("learning:reflection_detail", reflection_id=reflection.pk),
        url("learning:reflection_edit", reflection_id=reflection.pk),
        url("learning:reflection_action", reflection_id=reflection.pk),
    ]
    for person in (world.staff, world.teamleader, world.manager, world.board, world.admin):
        client.force_login(person)
        for address in addresses:
            assert client.get(address).status_code == 200, (person, address)
    for person in (world.coach, other_team_member):
        client.force_login(person)
        for address in addresses:
            assert client.get(address).status_code == 403
    client.force_login(world.outsider)
    for address in addresses:
        assert client.get(address).status_code == 404


def test_reflection_list_shows_own_teams_only(client, world, reflection, url):
    _reflection(world, team=world.other_team, title="Andere groep")
    client.force_login(world.staff)
    html = client.get(url("learning:reflection_list")).content.decode()
    assert "Terugblik project Buitenspelen" in html
    assert "Andere groep" not in html
    client.force_login(world.manager)
    html = client.get(url("learning:reflection_list")).content.decode()
    assert "Andere groep" in html


def test_reflection_create_through_the_page(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("learning:reflection_create"),
        {
            "team": world.team.pk,
            "title": "Na de wenperiode",
            "held_on": "2026-09-30",
            "participants": [world.staff.pk],
            "went_well": "Rust bij het brengen",
        },
    )
    assert response.status_code == 302
    reflection = TeamReflection.objects.get()
    assert (reflection.team, reflection.created_by, list(reflection.participants.all())) == (
        world.team,
        world.staff,
        [world.staff],
    )


def test_reflection_create_refuses_teams_not_yours(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("learning:reflection_create"),
        {"team": world.other_team.pk, "title": "X", "held_on": "2026-09-30"},
    )
    assert response.status_code == 200
    assert TeamReflection.objects.count() == 0
    client.force_login(world.coach)
    assert client.get(url("learning:reflection_create")).status_code == 403


def test_reflection_outcome_becomes_an_improvement_action(client, world, reflection, url):
    client.force_login(world.staff)
    response = client.post(
        url("learning:reflection_action", reflection_id=reflection.pk),
        {"title": "Regenkleding regelen", "owner": world.staff.pk, "due_on": "2026-11-01"},
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.title, action.team, action.owner, action.origin, action.created_by) == (
        "Regenkleding regelen",
        world.team,
        world.staff,
        Origin.REFLECTION,
        world.staff,
    )
    assert list(reflection.actions.all()) == [action]
    html = client.get(url("learning:reflection_detail", reflection_id=reflection.pk)).content
    assert "Regenkleding regelen" in html.decode()


def test_reflection_action_owner_must_be_in_the_team(client, world, reflection, url):
    outside = member(world.org, Role.MEDEWERKER, team=world.other_team)
    client.force_login(world.staff)
    response = client.post(
        url("learning:reflection_action", reflection_id=reflection.pk),
        {"title": "X", "owner": outside.pk, "due_on": "2026-11-01"},
    )
    assert response.status_code == 200
    assert Action.objects.count() == 0


def test_reflection_list_query_count_same_for_one_and_three(
    client, world, reflection, url, django_assert_num_queries
):
    client.force_login(world.manager)
    address = url("learning:reflection_list")
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    _reflection(world, team=world.other_team, title="Twee")
    _reflection(world, team=TeamFactory(location=world.location), title="Drie")
    with django_assert_num_queries(len(one)):
        assert client.get(address).status_code == 200
