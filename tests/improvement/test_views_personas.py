"""Every page of the improvement app for every persona: who may (200), who may only read
(403 on what they may not do), the outsider (404)."""

import pytest

from .conftest import ActionFactory, BoardItemFactory, GoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(world):
    team_goal = GoalFactory(team=world.team, owner=world.teamleader)
    org_goal = GoalFactory(organisation=world.org, owner=world.board)
    action = ActionFactory(team=world.team, owner=world.staff, goal=team_goal)
    BoardItemFactory(team=world.team)
    return {"team_goal": team_goal, "org_goal": org_goal, "action": action}


def _read_pages(world, o):
    """Pages every member may open."""
    return [
        ("improvement:overview", {}),
        ("improvement:goal_detail", {"goal_id": o["team_goal"].pk}),
        ("improvement:goal_detail", {"goal_id": o["org_goal"].pk}),
        ("improvement:team_goals", {"team_id": world.team.pk}),
        ("improvement:team_goals", {"team_id": world.other_team.pk}),
        ("improvement:location_goals", {"location_id": world.location.pk}),
    ]


def _board_pages(world, o):
    """Pages of the team's board (members of the team, leaders covering it, coaches)."""
    return [
        ("improvement:board", {"team_id": world.team.pk}),
        ("improvement:session_mode", {"team_id": world.team.pk}),
        ("improvement:sessions", {"team_id": world.team.pk}),
    ]


def _work_pages(world, o):
    return [
        ("improvement:action_create", {}),
        ("improvement:action_edit", {"action_id": o["action"].pk}),
    ]


def _team_edit_pages(world, o):
    return [
        ("improvement:team_goal_create", {"team_id": world.team.pk}),
        ("improvement:team_vision_edit", {"team_id": world.team.pk}),
        ("improvement:goal_edit", {"goal_id": o["team_goal"].pk}),
        ("improvement:schedule", {"team_id": world.team.pk}),
    ]


def _location_edit_pages(world, o):
    return [
        ("improvement:location_goal_create", {"location_id": world.location.pk}),
        ("improvement:location_vision_edit", {"location_id": world.location.pk}),
    ]


def _org_edit_pages(world, o):
    return [
        ("improvement:vision_edit", {}),
        ("improvement:goal_create", {}),
        ("improvement:goal_edit", {"goal_id": o["org_goal"].pk}),
        ("improvement:settings", {}),
    ]


ALL = ["staff", "teamleader", "manager", "coach", "board", "admin"]
EXPECT = {
    # persona: which page groups give 200 (every other group gives 403)
    "staff": {"read", "board", "work"},
    "teamleader": {"read", "board", "work", "team"},
    "manager": {"read", "board", "work", "team", "location"},
    "coach": {"read", "board"},
    "board": {"read", "board", "work", "team", "location", "org"},
    "admin": {"read", "board", "work", "team", "location", "org"},
}
GROUPS = {
    "read": _read_pages,
    "board": _board_pages,
    "work": _work_pages,
    "team": _team_edit_pages,
    "location": _location_edit_pages,
    "org": _org_edit_pages,
}


@pytest.mark.parametrize("persona", ALL)
def test_pages_give_200_or_403_per_persona(client, world, url, objects, persona):
    client.force_login(getattr(world, persona))
    for group, pages in GROUPS.items():
        expected = 200 if group in EXPECT[persona] else 403
        for name, kwargs in pages(world, objects):
            assert client.get(url(name, **kwargs)).status_code == expected, (group, name)


def test_pages_outsider_gets_404(client, world, url, objects):
    client.force_login(world.outsider)
    for pages in GROUPS.values():
        for name, kwargs in pages(world, objects):
            assert client.get(url(name, **kwargs)).status_code == 404, name


def test_board_member_of_other_team_reads_goals_but_not_board(
    client, world, url, objects, other_team_member
):
    client.force_login(other_team_member)
    assert client.get(url("improvement:team_goals", team_id=world.team.pk)).status_code == 200
    assert client.get(url("improvement:board", team_id=world.team.pk)).status_code == 403
    assert client.get(url("improvement:sessions", team_id=world.team.pk)).status_code == 403
    response = client.post(
        url("improvement:action_move", action_id=objects["action"].pk),
        {"status": "bezig", "version": 1},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ["coach"])
def test_board_read_only_persona_cannot_change_it(client, world, url, objects, persona):
    client.force_login(getattr(world, persona))
    team_id = world.team.pk
    posts = [
        ("improvement:action_move", {"action_id": objects["action"].pk}),
        ("improvement:board_item_add", {"team_id": team_id}),
        ("improvement:board_item_close", {"team_id": team_id}),
        ("improvement:session_notes", {"team_id": team_id}),
        ("improvement:regenerate_feed", {"team_id": team_id}),
        ("improvement:action_create", {}),
    ]
    for name, kwargs in posts:
        assert client.post(url(name, **kwargs), {"text": "x"}).status_code == 403, name


def test_objects_of_another_organisation_give_404(client, world, url):
    from tests.factories import LocationFactory, TeamFactory

    elsewhere = TeamFactory(location=LocationFactory(organisation=world.other_org))
    goal = GoalFactory(team=elsewhere)
    action = ActionFactory(team=elsewhere)
    client.force_login(world.admin)
    pages = [
        ("improvement:goal_detail", {"goal_id": goal.pk}),
        ("improvement:goal_edit", {"goal_id": goal.pk}),
        ("improvement:action_edit", {"action_id": action.pk}),
        ("improvement:follow_up", {"action_id": action.pk}),
        ("improvement:board", {"team_id": elsewhere.pk}),
        ("improvement:team_goals", {"team_id": elsewhere.pk}),
        ("improvement:location_goals", {"location_id": elsewhere.location_id}),
    ]
    for name, kwargs in pages:
        assert client.get(url(name, **kwargs)).status_code == 404, name
    response = client.post(
        url("improvement:action_move", action_id=action.pk), {"status": "bezig", "version": 1}
    )
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == "te_doen"
