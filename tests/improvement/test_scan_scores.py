"""Block scores read from closed scans, through the anonymity plan."""

import pytest

from lerend.improvement import scan_scores

from .scan_helpers import add_staff, closed_pulse

pytestmark = pytest.mark.django_db


def _answers(cultuur, innovatie):
    return {"cultuur": cultuur, "innovatie": innovatie, "team": 4}


def test_block_scores_without_a_closed_campaign_is_none(world):
    assert scan_scores.block_scores(world.org) is None
    assert scan_scores.trend(world.org) == []


def test_block_scores_of_a_visible_team_and_the_organisation(world):
    people = [world.staff, *add_staff(world, world.team, 4)]
    values = [(1, 2), (2, 2), (2, 3), (3, 3), (2, 5)]
    closed_pulse(world, {p: _answers(*v) for p, v in zip(people, values, strict=True)})

    team = scan_scores.block_scores(world.org, team=world.team)
    assert team == {"cultuur": 2.0, "innovatie": 3.0, "team": 4.0}
    assert scan_scores.block_scores(world.org) == team
    assert scan_scores.block_scores(world.org, location=world.location) == team


def test_block_scores_hides_a_team_below_k_and_the_team_it_would_expose(world):
    rups = [world.staff, *add_staff(world, world.team, 4)]
    pop = add_staff(world, world.other_team, 2)
    closed_pulse(world, {p: _answers(2, 2) for p in rups + pop})

    # Pop has 2 (< k = 5); showing Rups would give Pop as "location minus Rups".
    assert scan_scores.block_scores(world.org, team=world.other_team) is None
    assert scan_scores.block_scores(world.org, team=world.team) is None
    assert scan_scores.block_scores(world.org) == {"cultuur": 2.0, "innovatie": 2.0, "team": 4.0}


def test_block_scores_ignores_open_campaigns_and_other_organisations(world):
    from tests.scans.test_campaign_support import launched

    people = [world.staff, *add_staff(world, world.team, 4)]
    closed = closed_pulse(world, {p: _answers(3, 3) for p in people})
    launched(world, title="Nog open")
    assert scan_scores.latest_closed_campaign(world.org) == closed
    assert scan_scores.block_scores(world.other_org) is None
    assert scan_scores.block_scores(world.other_org, campaign=closed) is None


def test_trend_gives_each_campaign_with_its_own_plan_oldest_first(world):
    people = [world.staff, *add_staff(world, world.team, 4)]
    first = closed_pulse(
        world, {p: _answers(2, 2) for p in people}, closed_days_ago=100, title="Voorjaar"
    )
    second = closed_pulse(world, {p: _answers(4, 3) for p in people[:3]}, title="Najaar")
    points = scan_scores.trend(world.org)
    assert [(c, s and s["cultuur"]) for c, s in points] == [(first, 2.0), (second, None)]
