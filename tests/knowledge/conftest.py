import datetime

import pytest
from django.urls import reverse

from lerend.knowledge import services
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import member


@pytest.fixture
def url():
    def _url(name, **kwargs):
        return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})

    return _url


@pytest.fixture
def teammate(world):
    return member(world.org, Role.MEDEWERKER, team=world.team)


@pytest.fixture
def other_team_staff(world):
    return member(world.org, Role.MEDEWERKER, team=world.other_team)


def write(person, org, *, publish=True, visibility="team", team=None, location=None, **fields):
    access = resolve_access(person, org)
    data = {"title": "Iets geleerd", "learned": "Iets", **fields}
    entry = services.create_entry(
        access=access,
        actor=person,
        visibility=visibility,
        team=team,
        location=location,
        review_on=fields.pop("review_on", None)
        or datetime.date.today() + datetime.timedelta(days=90),
        **{k: v for k, v in data.items() if k != "review_on"},
    )
    if publish:
        services.publish_entry(access=access, actor=person, entry=entry)
    return entry
