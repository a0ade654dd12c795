import datetime

import pytest

from lerend.networks import services
from lerend.organisations.models import Role
from tests.factories import LocationFactory, TeamFactory, member


def build_team(org, location, name, size, *, leader=False):
    team = TeamFactory(location=location, name=name)
    people = [member(org, Role.MEDEWERKER, team=team) for _ in range(size - (1 if leader else 0))]
    if leader:
        people.append(member(org, Role.TEAMLEIDER, team=team))
    return team, people


def new_round(
    org, actor, *, previous=None, title="Wie leert van wie", purposes=("een lastige situatie",)
):
    today = datetime.date.today()
    network_round = services.create_round(
        organisation=org,
        actor=actor,
        title=title,
        purposes=list(purposes),
        purpose_statement="We willen leergroepen koppelen.",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        previous=previous,
    )
    services.launch_round(network_round=network_round, actor=actor)
    return network_round


def answer(network_round, person, *named, purpose=1):
    services.submit_answers(
        network_round=network_round,
        person=person,
        chosen={purpose: [p.pk for p in named]},
        consent=True,
    )


@pytest.fixture
def net(world):
    """Location De Vlinder: team Rups (world.team: staff + teamleader) gets 4 more staff;
    a big team Zon (6) and a small team Maan (3) in a second location."""
    org = world.org
    extra = [member(org, Role.MEDEWERKER, team=world.team) for _ in range(4)]
    location2 = LocationFactory(organisation=org, name="De Egel")
    zon, zon_people = build_team(org, location2, "Zon", 6)
    maan, maan_people = build_team(org, location2, "Maan", 3)
    world.rups_people = [world.staff, world.teamleader, *extra]
    world.location2, world.zon, world.zon_people, world.maan, world.maan_people = (
        location2,
        zon,
        zon_people,
        maan,
        maan_people,
    )
    return world
