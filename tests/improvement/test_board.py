import pytest
from django.contrib.messages import get_messages

from lerend.improvement import services
from lerend.improvement.models import Action, BoardItem, BoardSession

from .conftest import ActionFactory, BoardItemFactory, GoalFactory

pytestmark = pytest.mark.django_db


def test_board_shows_goals_actions_and_items_of_the_team_only(client, world, url):
    GoalFactory(team=world.team, title="Meer buitenspelen")
    GoalFactory(team=world.other_team, title="Doel van Pop")
    ActionFactory(team=world.team, title="Schema maken")
    ActionFactory(team=world.other_team, title="Actie van Pop")
    BoardItemFactory(team=world.team, text="Eerste buitendag gelukt")
    BoardItemFactory(team=world.other_team, text="Succes van Pop")
    client.force_login(world.staff)
    content = client.get(url("improvement:board", team_id=world.team.pk)).content.decode()
    assert "Meer buitenspelen" in content
    assert "Schema maken" in content
    assert "Eerste buitendag gelukt" in content
    assert "Doel van Pop" not in content
    assert "Actie van Pop" not in content
    assert "Succes van Pop" not in content


def test_move_without_javascript_redirects_back_to_board(client, world, url):
    action = ActionFactory(team=world.team)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_move", action_id=action.pk), {"status": "bezig", "version": 1}
    )
    assert response.status_code == 302
    assert response["Location"] == url("improvement:board", team_id=world.team.pk)
    action.refresh_from_db()
    assert (action.status, action.version) == ("bezig", 2)


def test_move_with_htmx_returns_board_partial(client, world, url):
    action = ActionFactory(team=world.team, title="Ouderavond voorbereiden")
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:action_move", action_id=action.pk),
        {"status": "klaar", "version": 1},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="board-body"')
    assert "<html" not in content
    assert "Ouderavond voorbereiden" in content
    assert Action.objects.get(pk=action.pk).status == "klaar"


def test_move_stale_version_is_refused_with_message(client, world, url):
    action = ActionFactory(team=world.team)
    client.force_login(world.staff)
    first = client.post(
        url("improvement:action_move", action_id=action.pk), {"status": "bezig", "version": 1}
    )
    second = client.post(
        url("improvement:action_move", action_id=action.pk), {"status": "klaar", "version": 1}
    )
    assert first.status_code == second.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.version) == ("bezig", 2)
    texts = [str(m) for m in get_messages(second.wsgi_request)]
    assert texts == [
        "Iemand anders heeft deze actie net verplaatst. Het bord is opnieuw geladen: "
        "kijk even en probeer het opnieuw."
    ]


def test_move_stale_with_htmx_asks_for_a_full_reload(client, world, url):
    action = ActionFactory(team=world.team, version=3)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_move", action_id=action.pk),
        {"status": "bezig", "version": 2},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert Action.objects.get(pk=action.pk).status == "te_doen"


def test_move_two_people_same_version_one_wins(world):
    """Both loaded version 1; whatever order they arrive in, the card ends in one column
    with version 2, and the loser is told."""
    action = ActionFactory(team=world.team)
    services.move_action(action=action, status="klaar", version=1)
    with pytest.raises(services.StaleAction):
        services.move_action(action=action, status="bezig", version=1)
    action.refresh_from_db()
    assert (action.status, action.version) == ("klaar", 2)


def test_move_unknown_column_is_bad_request(client, world, url):
    action = ActionFactory(team=world.team)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_move", action_id=action.pk), {"status": "weg", "version": 1}
    )
    assert response.status_code == 400
    assert Action.objects.get(pk=action.pk).version == 1


def test_move_refuses_get(client, world, url):
    action = ActionFactory(team=world.team)
    client.force_login(world.staff)
    assert client.get(url("improvement:action_move", action_id=action.pk)).status_code == 405


def test_board_item_add_and_close(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("improvement:board_item_add", team_id=world.team.pk),
        {"kind": "probleem", "text": "Te weinig tijd voor overdracht"},
    )
    assert response.status_code == 302
    item = BoardItem.objects.get(team=world.team)
    assert (item.kind, item.text, item.created_by) == (
        "probleem",
        "Te weinig tijd voor overdracht",
        world.staff,
    )
    client.post(url("improvement:board_item_close", team_id=world.team.pk), {"item": item.pk})
    item.refresh_from_db()
    assert item.closed_at is not None


def test_board_item_close_of_other_team_is_404(client, world, url):
    item = BoardItemFactory(team=world.other_team)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:board_item_close", team_id=world.team.pk), {"item": item.pk}
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.closed_at is None


def test_session_notes_saved_in_history(client, world, url):
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:session_notes", team_id=world.team.pk),
        {"notes": "Buitenspelen loopt goed."},
    )
    assert response.status_code == 302
    assert response["Location"] == url("improvement:sessions", team_id=world.team.pk)
    session = BoardSession.objects.get(team=world.team)
    assert session.notes == "Buitenspelen loopt goed."
    page = client.get(url("improvement:sessions", team_id=world.team.pk)).content.decode()
    assert "Buitenspelen loopt goed." in page


def test_session_mode_shows_steps_and_timer(client, world, url):
    services.update_schedule(team=world.team, actor=world.teamleader, duration_minutes=20)
    client.force_login(world.staff)
    content = client.get(url("improvement:session_mode", team_id=world.team.pk)).content.decode()
    assert 'data-minutes="20"' in content
    assert content.count('class="session__step" data-step') == 5
    assert "improvement/session.js" in content
    assert "<script>" not in content


def _board_data(world, n):
    for i in range(n):
        goal = GoalFactory(team=world.team)
        ActionFactory(team=world.team, goal=goal, status=["te_doen", "bezig", "klaar"][i % 3])
        BoardItemFactory(team=world.team, kind=["succes", "probleem", "afspraak"][i % 3])
    services.save_session_notes(team=world.team, actor=world.staff, notes="x")


def _board_queries(client, world, url, django_assert_max_num_queries, n):
    _board_data(world, n)
    client.force_login(world.staff)
    board_url = url("improvement:board", team_id=world.team.pk)
    client.get(board_url)  # warm up lazily created settings rows
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(board_url).status_code == 200
    return len(ctx.captured_queries)


def test_board_query_count_is_the_same_for_one_and_three(
    client, world, url, django_assert_max_num_queries
):
    one = _board_queries(client, world, url, django_assert_max_num_queries, 1)
    Action.objects.all().delete()
    BoardItem.objects.all().delete()
    from lerend.improvement.models import Goal

    Goal.objects.all().delete()
    three = _board_queries(client, world, url, django_assert_max_num_queries, 3)
    assert one == three
    assert three <= 14


def test_board_item_without_text_shows_message_in_htmx_partial(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("improvement:board_item_add", team_id=world.team.pk),
        {"kind": "succes", "text": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Schrijf een korte tekst voor het bord." in response.content.decode()
    assert BoardItem.objects.count() == 0
