import pytest
from django.urls import reverse

from lerend.learning import services
from lerend.learning.models import DevelopmentPlan
from lerend.organisations.models import Role
from tests.factories import member

SECRET = "Vandaag schreeuwde ik tegen Jesse en dat zit me niet lekker"


@pytest.fixture
def url():
    """reverse() for the regenboog organisation."""

    def _url(name, **kwargs):
        return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})

    return _url


@pytest.fixture
def teammate(world):
    return member(world.org, Role.MEDEWERKER, team=world.team)


@pytest.fixture
def entry(world):
    """A private entry of staff A: the record that must not leak."""
    return services.create_entry(
        organisation=world.org,
        owner=world.staff,
        title="Moeilijk moment",
        body=SECRET,
        phase="looking_back",
        building_blocks=["cultuur"],
    )


@pytest.fixture
def plan(world) -> DevelopmentPlan:
    plan = services.get_or_create_plan(organisation=world.org, owner=world.staff, year=2026)
    services.add_goal(plan=plan, title="Rustig blijven bij conflicten", start_score=2)
    return plan


def access_of(user, org):
    from lerend.organisations.access import resolve_access

    return resolve_access(user, org)
