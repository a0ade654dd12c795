"""Computed sources offered by other apps: coaching coverage (through the kit's ``measures``
slot, never an import of coaching) and the response rate of the latest staff scan (through
scans' own plan)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lerend.kit.contrib import measure
from lerend.monitoring.models import CheckIn
from lerend.monitoring.services import indicators as services
from lerend.monitoring.sources import Area, coaching_coverage, response_rate
from lerend.organisations.models import Role
from tests.coaching.records import make_records
from tests.factories import member
from tests.improvement.scan_helpers import add_staff, closed_pulse

from .conftest import TODAY, make_indicator

pytestmark = pytest.mark.django_db

ANSWERS = {"cultuur": 3, "innovatie": 3, "monitoring-evaluatie": 3, "team": 4, "coaching": 4}


def test_coaching_coverage_is_offered_through_the_kit(world):
    assert measure("coaching_coverage") is not None
    area = Area(world.org, team=world.team)
    make_records(world.org, world.staff, world.coach)
    # world.team: one pedagogisch medewerker (the teamleader is not staff) — below the minimum.
    assert coaching_coverage(area, TODAY.year) is None
    member(world.org, Role.MEDEWERKER, team=world.team)
    member(world.org, Role.MEDEWERKER, team=world.team)
    member(world.org, Role.MEDEWERKER, team=world.team)
    assert coaching_coverage(area, TODAY.year) == Decimal("25.00")
    # Another year: nobody coached yet.
    assert coaching_coverage(area, TODAY.year + 1) in (None, Decimal("0.00"))


def test_a_coverage_indicator_is_measured_now(client, world, url):
    for _ in range(3):
        member(world.org, Role.MEDEWERKER, team=world.team)
    make_records(world.org, world.staff, world.coach)
    indicator = make_indicator(
        world.org, world.board, level="team", team=world.team, source="coaching", unit="%"
    )
    client.force_login(world.board)
    client.post(url("monitoring:measure_now", indicator_id=indicator.pk))
    check_in = CheckIn.objects.get(indicator=indicator)
    assert check_in.value == Decimal("25.00")


def test_response_rate_follows_the_scans_plan(world):
    people = [world.staff, *add_staff(world, world.team, 5)]
    others = add_staff(world, world.other_team, 6)
    # Everyone in world.team answers; nobody in other_team.
    closed_pulse(world, dict.fromkeys(people, ANSWERS))
    team_rate = response_rate(Area(world.org, team=world.team))
    assert team_rate is not None and team_rate > Decimal(50)
    organisation_rate = response_rate(Area(world.org))
    assert organisation_rate is not None and organisation_rate < team_rate
    assert len(others) == 6


def test_response_rate_of_a_small_team_is_hidden(world):
    small = add_staff(world, world.other_team, 1)
    people = [world.staff, *add_staff(world, world.team, 6)]
    closed_pulse(world, dict.fromkeys([*people, *small], ANSWERS))
    # other_team has two invited people: below the scan's k, so no rate.
    assert response_rate(Area(world.org, team=world.other_team)) is None


def test_no_scan_no_response_rate(world):
    assert response_rate(Area(world.org)) is None


def test_computed_sources_refuse_a_hand_check_in(world):
    indicator = make_indicator(world.org, world.board, source="respons")
    with pytest.raises(ValidationError):
        services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=TODAY - datetime.timedelta(days=1),
            value=Decimal(1),
            confidence="hoog",
        )
