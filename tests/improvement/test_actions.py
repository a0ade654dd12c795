import datetime

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

from lerend.improvement import services, tasks_home
from lerend.improvement.models import Action
from lerend.improvement.tasks import ask_follow_ups
from lerend.organisations.access import resolve_access

from .conftest import ActionFactory, GoalFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _action_post(world, **overrides):
    data = {
        "team": world.team.pk,
        "title": "Buitenspeelschema maken",
        "owner": world.staff.pk,
        "due_on": (TODAY() + datetime.timedelta(days=7)).isoformat(),
        "pdca_phase": "do",
        "origin": "bord",
    }
    data.update(overrides)
    return data


def test_action_create_from_scan_prefills_origin_and_block(client, world, url):
    client.force_login(world.staff)
    response = client.get(url("improvement:action_create") + "?origin=scan&block=cultuur")
    form = response.context["form"]
    assert form.initial["origin"] == "scan"
    assert form.initial["building_blocks"] == ["cultuur"]
    assert form.initial["team"] == world.team.pk  # the only team staff works on
    assert form.initial["owner"] == world.staff.pk


def test_action_create_ignores_unknown_prefill(client, world, url):
    client.force_login(world.staff)
    response = client.get(url("improvement:action_create") + "?origin=hack&block=onzin")
    assert "origin" not in response.context["form"].initial
    assert "building_blocks" not in response.context["form"].initial


def test_action_create_lands_in_to_do(client, world, url):
    goal = GoalFactory(team=world.team)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_create"),
        _action_post(world, goal=goal.pk, building_blocks=["cultuur"], origin="scan"),
    )
    assert response.status_code == 302
    assert response["Location"] == url("improvement:board", team_id=world.team.pk)
    action = Action.objects.get()
    assert (action.status, action.version, action.goal, action.origin, action.created_by) == (
        "te_doen",
        1,
        goal,
        "scan",
        world.staff,
    )


def test_action_without_owner_gets_dutch_message(client, world, url):
    client.force_login(world.staff)
    response = client.post(url("improvement:action_create"), _action_post(world, owner=""))
    assert response.context["form"].errors["owner"] == [
        "Elke actie heeft een eigenaar nodig: kies wie het doet."
    ]
    assert Action.objects.count() == 0


def test_action_due_in_the_past_gets_dutch_message(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_create"), _action_post(world, due_on="2020-01-01")
    )
    assert response.context["form"].errors["due_on"] == [
        "Deze deadline ligt in het verleden. Kies vandaag of een latere datum."
    ]


def test_action_for_team_not_on_my_board_is_refused(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_create"), _action_post(world, team=world.other_team.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["team"] == [
        "Je kunt geen acties toevoegen aan dat team."
    ]
    assert Action.objects.count() == 0


def test_action_edit_stale_version_is_refused(client, world, url):
    action = ActionFactory(team=world.team, owner=world.staff, version=2)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_edit", action_id=action.pk),
        {**_action_post(world, title="Nieuwe titel"), "version": 1},
    )
    assert response.status_code == 302
    assert response["Location"] == url("improvement:action_edit", action_id=action.pk)
    action.refresh_from_db()
    assert (action.title, action.version) != ("Nieuwe titel", 3)
    assert action.version == 2


def test_action_edit_current_version_saves(client, world, url):
    action = ActionFactory(team=world.team, owner=world.staff)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:action_edit", action_id=action.pk),
        {**_action_post(world, title="Nieuwe titel"), "version": 1},
    )
    assert response.status_code == 302, response.context["form"].errors
    action.refresh_from_db()
    assert (action.title, action.version) == ("Nieuwe titel", 2)


def test_follow_up_task_asks_owner_after_due_date_plus_weeks(world):
    due = TODAY() - datetime.timedelta(weeks=2)
    asked = ActionFactory(
        team=world.team, owner=world.staff, due_on=due, title="Rustmoment", status="klaar"
    )
    too_early = ActionFactory(
        team=world.team,
        owner=world.staff,
        due_on=TODAY() - datetime.timedelta(days=3),
        status="klaar",
    )
    result = ask_follow_ups.enqueue()
    assert result.return_value == 1
    asked.refresh_from_db()
    too_early.refresh_from_db()
    assert asked.follow_up_asked_on == TODAY()
    assert too_early.follow_up_asked_on is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.staff.email]
    assert mail.outbox[0].subject == "Heeft het gewerkt? Rustmoment"
    assert f"/o/regenboog/verbeteren/acties/{asked.pk}/gewerkt/" in mail.outbox[0].body
    # A second run asks nobody twice.
    assert ask_follow_ups.enqueue().return_value == 0
    assert len(mail.outbox) == 1


def test_follow_up_weeks_follow_the_organisation_setting(world):
    services.update_settings(organisation=world.org, actor=world.admin, follow_up_weeks=4)
    ActionFactory(team=world.team, due_on=TODAY() - datetime.timedelta(weeks=3), status="klaar")
    assert ask_follow_ups.enqueue().return_value == 0


def test_follow_up_shows_in_owners_task_list_until_answered(client, world, url):
    action = ActionFactory(
        team=world.team,
        owner=world.staff,
        follow_up_asked_on=TODAY(),
        title="Rustmoment",
        status="klaar",
    )
    ActionFactory(
        team=world.team, owner=world.teamleader, follow_up_asked_on=TODAY(), status="klaar"
    )
    request = RequestFactory().get("/")
    request.user = world.staff
    request.access = resolve_access(world.staff, world.org)
    tasks = tasks_home.tasks_for(request)
    assert [(t.text, t.url) for t in tasks] == [
        (
            "Heeft het gewerkt? Kijk terug op “Rustmoment”",
            url("improvement:follow_up", action_id=action.pk),
        )
    ]
    client.force_login(world.staff)
    response = client.post(
        url("improvement:follow_up", action_id=action.pk),
        {"outcome": "deels", "learned": "Werkt alleen met vaste tijden."},
    )
    assert response.status_code == 302
    assert tasks_home.tasks_for(request) == []
    board = client.get(url("improvement:board", team_id=world.team.pk)).content.decode()
    assert "Werkt alleen met vaste tijden." in board


@pytest.mark.parametrize("status", ["te_doen", "bezig"])
def test_did_it_work_is_never_asked_for_an_action_not_done(client, world, url, status):
    """Issue 12: "Heeft het gewerkt?" was asked for actions still to do. Neither the daily
    task, the home task, the card nor the page asks it before the action is done."""
    action = ActionFactory(
        team=world.team,
        owner=world.staff,
        due_on=TODAY() - datetime.timedelta(weeks=3),
        status=status,
        title="Nog te doen",
    )
    assert ask_follow_ups.enqueue().return_value == 0
    assert mail.outbox == []
    # Even when it was asked earlier and then moved back from done:
    Action.objects.filter(pk=action.pk).update(follow_up_asked_on=TODAY())
    request = RequestFactory().get("/")
    request.user = world.staff
    request.access = resolve_access(world.staff, world.org)
    assert tasks_home.tasks_for(request) == []
    client.force_login(world.staff)
    board = client.get(url("improvement:board", team_id=world.team.pk)).content.decode()
    assert "Heeft het gewerkt? Geef nu antwoord" not in board
    follow_up = url("improvement:follow_up", action_id=action.pk)
    page = client.get(follow_up).content.decode()
    assert "nog niet gedaan" in page and 'name="outcome"' not in page
    client.post(follow_up, {"outcome": "ja", "learned": "x"})
    action.refresh_from_db()
    assert action.outcome == ""


def test_follow_up_answer_shows_under_the_goal(client, world, url):
    goal = GoalFactory(team=world.team)
    ActionFactory(team=world.team, goal=goal, outcome="ja", learned="Kinderen rustiger.")
    client.force_login(world.staff)
    page = client.get(url("improvement:goal_detail", goal_id=goal.pk)).content.decode()
    assert "Kinderen rustiger." in page


def test_follow_up_without_choice_gets_message(client, world, url):
    action = ActionFactory(
        team=world.team, owner=world.staff, follow_up_asked_on=TODAY(), status="klaar"
    )
    client.force_login(world.staff)
    response = client.post(url("improvement:follow_up", action_id=action.pk), {"learned": ""})
    assert response.context["form"].errors["outcome"] == ["Kies ja, deels of nee."]


@pytest.mark.parametrize("persona", ["coach", "manager"])
def test_follow_up_of_someone_else(client, world, url, persona):
    """The team's leaders may answer for the owner; a coach may not."""
    action = ActionFactory(team=world.team, owner=world.staff, follow_up_asked_on=TODAY())
    client.force_login(getattr(world, persona))
    expected = 200 if persona == "manager" else 403
    assert client.get(url("improvement:follow_up", action_id=action.pk)).status_code == expected
