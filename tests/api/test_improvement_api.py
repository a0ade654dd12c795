"""Goals and actions through the API: goals for every member, actions only on the boards
the person may view — the same rule as the board pages (rules.can_view_board)."""

import pytest

from lerend.improvement import rules
from lerend.improvement.models import ActionStatus, GoalStatus
from tests.factories import LocationFactory, TeamFactory
from tests.improvement.conftest import ActionFactory, GoalFactory


@pytest.fixture
def boards(world):
    """Actions on Rups, Pop and on a team of another location; goals at every level, and a
    goal plus an action in the other organisation (which must never show)."""
    far_location = LocationFactory(organisation=world.org, name="De Kikker")
    far_team = TeamFactory(location=far_location, name="Groep Kikkervisje")
    actions = {
        team.name: ActionFactory(team=team, title=f"Actie {team.name}")
        for team in (world.team, world.other_team, far_team)
    }
    goals = [
        GoalFactory(organisation=world.org, title="Samen leren"),
        GoalFactory(location=world.location, organisation=world.org, title="Vlinder leert"),
        GoalFactory(team=world.team, title="Rups deelt", status=GoalStatus.BEHIND),
    ]
    elsewhere = TeamFactory(location=LocationFactory(organisation=world.other_org))
    ActionFactory(team=elsewhere, title="GEHEIM elders")
    GoalFactory(team=elsewhere, title="GEHEIM doel elders")
    return actions, goals, far_team


def _titles(response) -> list[str]:
    assert response.status_code == 200
    return sorted(row["title"] for row in response.json()["items"])


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("staff", ["Actie Groep Rups"]),
        ("teamleader", ["Actie Groep Rups"]),
        ("manager", ["Actie Groep Pop", "Actie Groep Rups"]),
        ("coach", ["Actie Groep Pop", "Actie Groep Rups"]),
        ("board", ["Actie Groep Kikkervisje", "Actie Groep Pop", "Actie Groep Rups"]),
    ],
)
def test_actions_are_those_on_boards_the_person_may_view(
    world, boards, make_key, api_get, persona, expected
):
    person = getattr(world, persona)
    assert _titles(api_get("/o/regenboog/actions", make_key(person))) == expected
    # The same answer as the board pages' rule, team by team.
    actions, _goals, _far = boards
    access_teams = {a.team for a in actions.values()}
    from lerend.organisations.access import resolve_access

    access = resolve_access(person, world.org)
    allowed = sorted(f"Actie {t.name}" for t in access_teams if rules.can_view_board(access, t))
    assert allowed == expected


def test_goals_every_member_reads_and_filters(world, boards, make_key, api_get):
    key = make_key(world.staff)
    assert _titles(api_get("/o/regenboog/goals", key)) == [
        "Rups deelt",
        "Samen leren",
        "Vlinder leert",
    ]
    assert _titles(api_get("/o/regenboog/goals", key, status="achter")) == ["Rups deelt"]
    assert _titles(api_get("/o/regenboog/goals", key, level="location")) == ["Vlinder leert"]
    located = api_get("/o/regenboog/goals", key, location_id=world.location.pk)
    assert _titles(located) == ["Rups deelt", "Vlinder leert"]


def test_a_filter_value_that_does_not_exist_is_a_clear_422(world, boards, make_key, api_get):
    response = api_get("/o/regenboog/goals", make_key(world.staff), status="misschien")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "status"]


def test_an_id_beyond_64_bits_is_a_422_not_a_server_error(world, boards, make_key, api_get):
    key = make_key(world.board)
    assert api_get("/o/regenboog/actions", key, team_id=2**70).status_code == 422
    path = f"/o/regenboog/scans/{2**70}/results/organisation"
    assert api_get(path, key).status_code == 422


def test_action_fields_and_pagination(world, boards, make_key, api_get):
    key = make_key(world.board)
    page = api_get("/o/regenboog/actions", key, limit=2, offset=0).json()
    assert page["count"] == 3 and len(page["items"]) == 2
    rest = api_get("/o/regenboog/actions", key, limit=2, offset=2).json()
    assert len(rest["items"]) == 1
    done = api_get("/o/regenboog/actions", key, status=ActionStatus.DONE).json()
    assert done == {"items": [], "count": 0}
    row = page["items"][0]
    assert set(row) >= {"team_id", "location_id", "overdue", "owner", "outcome", "learned"}


def test_lists_take_the_same_number_of_queries_for_more_rows(
    world, make_key, api_get, django_assert_num_queries
):
    key = make_key(world.board)
    ActionFactory(team=world.team)
    GoalFactory(team=world.team)
    api_get("/o/regenboog/actions", key)
    with django_assert_num_queries(8):
        api_get("/o/regenboog/actions", key)

    with django_assert_num_queries(8):
        api_get("/o/regenboog/goals", key)
    for _ in range(2):
        ActionFactory(team=world.other_team)
        GoalFactory(team=world.other_team)
    with django_assert_num_queries(8):
        assert len(api_get("/o/regenboog/actions", key).json()["items"]) == 3
    with django_assert_num_queries(8):
        assert len(api_get("/o/regenboog/goals", key).json()["items"]) == 3
