import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.improvement import services as improvement
from lerend.learning import services as learning
from lerend.learning import services as learning_services
from lerend.monitoring.services import indicators as indicator_services
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import TODAY, make_indicator
from .test_wellbeing import make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(world):
    return improvement.create_goal(
        organisation=world.org,
        actor=world.teamleader,
        level="team",
        team=world.team,
        owner=world.teamleader,
        title="Rust in de groep",
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=200),
    )


def test_chain_personas(client, world, url, goal):
    page = url("monitoring:chain", goal_id=goal.pk)
    for person in (world.teamleader, world.manager, world.coach, world.board):
        client.force_login(person)
        assert client.get(page).status_code == 200, person
    client.force_login(world.staff)
    assert client.get(page).status_code == 403
    other_leader = member(world.org, Role.TEAMLEIDER, team=world.other_team)
    client.force_login(other_leader)
    assert client.get(page).status_code == 403
    client.force_login(world.outsider)
    assert client.get(page).status_code == 404


def test_chain_lines_up_the_five_levels_without_small_numbers(client, world, url, goal):
    for _ in range(2):
        member(world.org, Role.MEDEWERKER, team=world.team)
    learning.get_or_create_plan(organisation=world.org, owner=world.staff, year=TODAY.year)
    make_round(world, children=10)
    indicator = make_indicator(
        world.org, world.teamleader, level="team", team=world.team, title="Rustmomenten"
    )
    indicator_services.update_indicator(indicator=indicator, actor=world.board, goal_ids=[goal.pk])
    activity = learning_services.create_pd_activity(
        organisation=world.org,
        actor=world.board,
        title="Cursus",
        kind="course",
        hours=4,
        cost=0,
        starts_on=TODAY,
    )
    access = resolve_access(world.staff, world.org)
    participation = learning_services.register(
        access=access, actor=world.staff, activity=activity, person=world.staff
    )
    participation.applied = "ja"
    participation.save()
    client.force_login(world.teamleader)
    html = client.get(url("monitoring:chain", goal_id=goal.pk)).content.decode()
    assert "25% van de mensen heeft dit jaar een POP." in html
    # One answer to "did you apply it?": below learning's minimum of three, so not shown.
    assert "Te weinig antwoorden" in html
    assert "Laatste ronde van 1 groep: 50% van de observaties op welbevinden 4–5" in html
    assert "Rustmomenten" in html
    assert "geen bewijs" in html


def _queries(client, url, goal):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("monitoring:chain", goal_id=goal.pk)).status_code == 200
    return len(queries)


def test_chain_query_count_does_not_grow_with_groups_or_indicators(client, world, url, goal):
    client.force_login(world.board)
    make_round(world, children=10)
    first = make_indicator(world.org, world.board, level="team", team=world.team, title="I")
    indicator_services.update_indicator(indicator=first, actor=world.board, goal_ids=[goal.pk])
    one = _queries(client, url, goal)
    make_round(world, team=world.other_team, children=12)
    for n in range(2):
        indicator = make_indicator(
            world.org,
            world.board,
            level="team",
            team=world.team,
            title=f"I{n}",
            baseline=Decimal(1),
            target=Decimal(2),
        )
        indicator_services.update_indicator(
            indicator=indicator, actor=world.board, goal_ids=[goal.pk]
        )
    assert _queries(client, url, goal) == one
