"""Improvement's goals show the status computed from their indicators (through the kit's
``goal_status`` slot); the hand-set status only for goals without indicators, saying so."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.improvement import services as improvement
from lerend.kit.contrib import goal_statuses
from lerend.monitoring.services import indicators as services

from .conftest import TODAY, make_indicator

pytestmark = pytest.mark.django_db


def _goal(world, title, status="op_koers", **kwargs):
    return improvement.create_goal(
        organisation=world.org,
        actor=world.board,
        owner=world.board,
        title=title,
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=200),
        status=status,
        **kwargs,
    )


def _measure(indicator, world, value):
    services.add_check_in(
        indicator=indicator,
        actor=world.board,
        measured_on=TODAY,
        value=Decimal(value),
        confidence="hoog",
    )


def test_the_goal_shows_the_worst_indicator_not_its_hand_set_status(client, world, url):
    # Set by hand to "reached", but one of its two indicators is behind.
    goal = _goal(world, "Meer buiten spelen", status="behaald")
    ahead = make_indicator(world.org, world.board, title="Kinderen buiten")
    behind = make_indicator(world.org, world.board, title="Uren buiten", baseline=Decimal(40))
    for indicator in (ahead, behind):
        services.update_indicator(indicator=indicator, actor=world.board, goal_ids=[goal.pk])
    _measure(ahead, world, 61)  # target 60: reached
    _measure(behind, world, 35)  # baseline 40, target 60: moved the wrong way
    found = goal_statuses(world.org, [goal.pk])
    assert found[goal.pk].status == "achter"
    assert {(i.title, i.status) for i in found[goal.pk].items} == {
        ("Kinderen buiten", "behaald"),
        ("Uren buiten", "achter"),
    }
    client.force_login(world.board)
    page = client.get(url("improvement:goal_detail", goal_id=goal.pk)).text
    # The goal's own badge (the first) is the computed one, not the hand-set "behaald".
    first = page.index("badge goal-status goal-status--")
    assert page[first:].startswith("badge goal-status goal-status--achter")
    assert url("monitoring:indicator", indicator_id=behind.pk) in page
    # The edit form says the hand-set status does not count while there are indicators.
    form = client.get(url("improvement:goal_edit", goal_id=goal.pk)).text
    assert "Dit doel heeft indicatoren" in form and "nu: Achter" in form


def test_unmeasured_indicators_say_not_measured_and_goals_without_say_by_hand(client, world, url):
    measured_goal = _goal(world, "Rust in de groep", status="behaald")
    indicator = make_indicator(world.org, world.board, title="Rustmeter")
    services.update_indicator(indicator=indicator, actor=world.board, goal_ids=[measured_goal.pk])
    plain = _goal(world, "Samen lezen", status="op_koers")
    found = goal_statuses(world.org, [measured_goal.pk, plain.pk])
    assert found[measured_goal.pk].status == "geen"
    assert plain.pk not in found
    client.force_login(world.board)
    page = client.get(url("improvement:overview")).text
    assert "goal-status--geen" in page
    # The goal without indicators keeps its own status and says it is set by hand.
    assert "goal-status--op_koers" in page
    assert "met de hand" in page


def test_another_organisations_indicator_never_sets_a_goals_status(world):
    goal = _goal(world, "Meer buiten")
    foreign = make_indicator(world.other_org, world.outsider, title="Elders")
    # A link to a goal id of another organisation is ignored by the status.
    foreign.links.create(kind="goal", target_id=goal.pk)
    assert goal_statuses(world.org, [goal.pk]) == {}


def test_the_overview_stays_flat_with_more_measured_goals(client, world, url):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("improvement:overview")).status_code == 200
        return len(ctx)

    client.force_login(world.board)
    goal = _goal(world, "Doel 0")
    indicator = make_indicator(world.org, world.board, title="Meter 0")
    services.update_indicator(indicator=indicator, actor=world.board, goal_ids=[goal.pk])
    _measure(indicator, world, 50)
    one = queries()
    for n in (1, 2, 3):
        goal = _goal(world, f"Doel {n}")
        indicator = make_indicator(world.org, world.board, title=f"Meter {n}")
        services.update_indicator(indicator=indicator, actor=world.board, goal_ids=[goal.pk])
        _measure(indicator, world, 50)
    assert queries() == one
