"""The tenancy matrix for the learning URLs seen from inside: with the records of the people
who own them (the global tests/test_tenancy_matrix.py checks every URL as beheerder, outsider
and anonymous). The route count is pinned so that a new URL is noticed here too."""

import re

import pytest
from django.urls import get_resolver

from lerend.organisations.models import Role
from tests.factories import LocationFactory, TeamFactory, member
from tests.test_tenancy_matrix import _walk

from .records import make_records

PREFIX = "o/<slug:org_slug>/leren/"


def _routes():
    routes = sorted(r for r in _walk(get_resolver().url_patterns) if r.startswith(PREFIX))
    assert len(routes) == 41
    return routes


@pytest.fixture
def objects(world):
    team = TeamFactory(location=LocationFactory(organisation=world.other_org))
    other_owner = member(world.other_org, team=team)
    other_coach = member(world.other_org, Role.COACH)
    return (
        make_records(world.org, world.staff, world.coach),
        make_records(world.other_org, other_owner, other_coach),
    )


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


def test_matrix_other_organisations_ids_give_404(client, world, objects):
    """Even the owner of the own-organisation records, given another tenant's ids: 404."""
    client.force_login(world.staff)
    for route in _routes():
        if "_id>" not in route:
            continue
        url = _build(route, objects[1])
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {}).status_code in (404, 405), url
