import datetime

import pytest
from django.urls import reverse

from lerend.organisations.models import Role
from tests.factories import member

from .records import NOTES, make_records


@pytest.fixture
def url():
    """reverse() for the regenboog organisation."""

    def _url(name, **kwargs):
        return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})

    return _url


@pytest.fixture
def teammate(world):
    """A colleague of the coachee in the same team: must never read the coachee's notes."""
    return member(world.org, Role.MEDEWERKER, team=world.team)


@pytest.fixture
def records(world):
    """The staff member coached by the location's coach, with notes that could leak; the
    plan is NOT shared. The other organisation has the same, to check tenancy."""
    return make_records(world.org, world.staff, world.coach)


@pytest.fixture
def today():
    return datetime.date.today()


__all__ = ["NOTES"]
