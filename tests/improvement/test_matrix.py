"""The tenancy matrix for the improvement URLs seen from inside: with the records of the people
who own them (the global tests/test_tenancy_matrix.py checks every URL as beheerder, outsider
and anonymous). The route count is pinned so that a new URL is noticed here too."""

import re

import pytest
from django.urls import get_resolver

from tests.factories import LocationFactory, TeamFactory, member
from tests.test_tenancy_matrix import _walk

from .conftest import ActionFactory, GoalFactory, SteeringMemberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

PREFIX = "o/<slug:org_slug>/verbeteren/"


def _routes():
    routes = sorted(r for r in _walk(get_resolver().url_patterns) if r.startswith(PREFIX))
    assert len(routes) == 37
    return routes


@pytest.fixture
def objects(world):
    location = LocationFactory(organisation=world.other_org)
    team = TeamFactory(location=location)
    member(world.other_org, team=team)
    own = {
        "team_id": world.team.pk,
        "location_id": world.location.pk,
        "goal_id": GoalFactory(team=world.team).pk,
        "action_id": ActionFactory(team=world.team).pk,
        "theme_id": ThemeFactory(organisation=world.org).pk,
        "steering_member_id": SteeringMemberFactory(organisation=world.org, person=world.staff).pk,
    }
    other = {
        "team_id": team.pk,
        "location_id": location.pk,
        "goal_id": GoalFactory(team=team).pk,
        "action_id": ActionFactory(team=team).pk,
        "theme_id": ThemeFactory(organisation=world.other_org).pk,
        "steering_member_id": SteeringMemberFactory(
            organisation=world.other_org, person=world.outsider
        ).pk,
    }
    return own, other


def _build(route, values):
    url = "/" + route.replace("<slug:org_slug>", "regenboog")
    for conv, name in re.findall(r"<(?:(\w+):)?(\w+)>", url):
        url = url.replace(f"<{conv}:{name}>", str(values[name]))
    return url


def test_matrix_outsider_gets_404(client, world, objects):
    client.force_login(world.outsider)
    for route in _routes():
        url = _build(route, objects[0])
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


@pytest.mark.parametrize("persona", ["staff", "teamleader", "manager", "coach", "board", "admin"])
def test_matrix_members_never_get_a_server_error(client, world, objects, persona):
    client.force_login(getattr(world, persona))
    for route in _routes():
        url = _build(route, objects[0])
        assert client.get(url).status_code in (200, 302, 403, 404, 405), url
        assert client.post(url, {}).status_code in (200, 302, 400, 403, 404, 405), url


def test_matrix_other_organisations_ids_give_404(client, world, objects):
    client.force_login(world.admin)
    for route in _routes():
        if "_id>" not in route:
            continue
        url = _build(route, objects[1])
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {}).status_code in (404, 405), url


def test_matrix_anonymous_is_sent_to_log_in(client, world, objects):
    for route in _routes():
        response = client.get(_build(route, objects[0]))
        assert response.status_code == 302
        assert response["Location"].startswith("/account/inloggen/")
