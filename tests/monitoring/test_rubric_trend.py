"""The chain's level 4 shows what visits and observations saw: collaboration's rubric
scores as a gated aggregate per half-year (offered through the kit, never per person, and a
half-year only with at least k different observed people)."""

import datetime

import pytest

from lerend.collaboration import catalogue
from lerend.collaboration import services as collaboration
from lerend.kit.contrib import offer
from lerend.monitoring.selectors.chain import rubric_trend
from lerend.monitoring.sources import Area
from lerend.organisations.models import Role
from tests.factories import member

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
NOTE = "Juf Anna zat vandaag niet lekker in haar vel"


def _observe(world, observed, observer, level, day):
    rubric = catalogue.rubric("interactievaardigheden")
    visit = collaboration.plan_visit(
        organisation=world.org,
        actor=observer,
        observed=observed,
        observers=[observer],
        kind="groepsobservatie",
        date=day,
        rubric_key=rubric.key,
    )
    first = rubric.domains[0].items[0].key
    collaboration.record_observation(visit=visit, rubric=rubric, entries={first: (level, NOTE)})
    collaboration.record_feedback(visit=visit, tops="Goed", held=True)
    return visit


def test_a_half_year_shows_only_from_k_observed_people_and_never_a_note(world, client, url):
    world.org.anonymity_threshold = 3
    world.org.save(update_fields=["anonymity_threshold"])
    observer = member(world.org, Role.COACH, location=world.location)
    day = TODAY - datetime.timedelta(days=1)
    people = [world.staff, member(world.org, Role.MEDEWERKER, team=world.team)]
    for person in people:
        _observe(world, person, observer, "zie-ik", day)
    area = Area(world.org, team=world.team)
    found = rubric_trend(area)
    assert len(found) == 1 and found[0]["visible"] is False and found[0]["domains"] == []
    assert "people" not in found[0]  # a hidden half-year does not even say how many

    third = member(world.org, Role.MEDEWERKER, team=world.team)
    _observe(world, third, observer, "nog-niet", day)
    found = rubric_trend(area)
    assert found[0]["visible"] is True and found[0]["people"] == 3
    (name, share), *_ = found[0]["domains"]
    assert name == "Sensitieve responsiviteit"
    assert str(share) == "66.7"  # two of three observations "zie ik"


def test_the_chain_page_shows_the_trend_without_names_or_notes(world, client, url):
    from lerend.improvement import services as improvement

    world.org.anonymity_threshold = 3
    world.org.save(update_fields=["anonymity_threshold"])
    observer = member(world.org, Role.COACH, location=world.location)
    people = [world.staff] + [member(world.org, Role.MEDEWERKER, team=world.team) for _ in "ab"]
    for person in people:
        _observe(world, person, observer, "zie-ik", TODAY - datetime.timedelta(days=2))
    goal = improvement.create_goal(
        organisation=world.org,
        actor=world.teamleader,
        owner=world.teamleader,
        title="Warme sfeer",
        team=world.team,
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=90),
    )
    client.force_login(world.teamleader)
    page = client.get(url("monitoring:chain", goal_id=goal.pk)).text
    assert "Sensitieve responsiviteit" in page
    assert "100%" in page
    assert NOTE not in page
    for person in people:
        assert person.name not in page


def test_the_offer_exists_and_gives_nothing_for_a_sector_without_a_rubric(world):
    assert offer("rubric_trend") is not None
    assert (
        offer("observation_focus")(world.org)[0][0]
        == "interactievaardigheden.sensitieve-responsiviteit"
    )
    world.org.sector = "anders"
    assert offer("observation_focus")(world.org) == []
