"""Homes that lead to the next step (issue 17 §4): the questionnaire waiting for me, new
results, my team's board with its next session and — for its leader — the actions waiting
for "Did it work?", and what colleagues shared with me. Each is seen only by the person it
is for."""

import datetime

from django.urls import reverse
from django.utils import timezone

from lerend.improvement.home import next_session
from lerend.improvement.models import Action, ActionStatus, TeamBoard
from lerend.learning import services as learning_services
from lerend.organisations.models import Role
from tests.factories import member
from tests.learning.conftest import access_of
from tests.scans.test_campaign_support import invitation_of, launched, token_of
from tests.scans.test_results_support import FIRST, SECOND, answer, close


def _home(client, person):
    client.force_login(person)
    return client.get(reverse("web:org_home", args=["regenboog"])).content.decode()


def test_an_open_questionnaire_waits_on_my_home_until_i_answered(client, world):
    colleague = member(world.org, Role.MEDEWERKER, team=world.team)
    campaign = launched(world, role_groups=("medewerkers",))
    mine = token_of(invitation_of(campaign, world.staff))
    theirs = token_of(invitation_of(campaign, colleague))
    page = _home(client, world.staff)
    assert "Pulse najaar" in page and reverse("respond:start", args=[mine]) in page
    assert theirs not in page  # never another person's link
    assert client.get(reverse("respond:start", args=[mine])).status_code in (200, 302)

    answer(campaign, world.staff, {FIRST: 4, SECOND: 4})
    assert mine not in _home(client, world.staff)


def test_new_results_are_announced_once_a_campaign_closed(client, world):
    campaign = launched(world, role_groups=("medewerkers",))
    assert "Nieuwe uitkomsten" not in _home(client, world.board)
    close(campaign, world)
    assert "Nieuwe uitkomsten: “Pulse najaar”" in _home(client, world.board)


def test_the_team_board_card_shows_the_next_session_and_waiting_follow_ups(client, world):
    TeamBoard.objects.create(team=world.team, weekday=2, starts_at=datetime.time(14, 30))
    Action.objects.create(
        organisation=world.org,
        team=world.team,
        title="Voorleesmoment",
        due_on=timezone.localdate(),
        status=ActionStatus.DONE,
        follow_up_asked_on=timezone.localdate(),
    )
    Action.objects.create(
        organisation=world.org, team=world.team, title="Nog te doen", due_on=timezone.localdate()
    )
    leader_page = _home(client, world.teamleader)
    assert "Het bord van je team" in leader_page
    assert "14:30" in leader_page and "1 open actie" in leader_page
    assert "1 actie wacht op" in leader_page
    staff_page = _home(client, world.staff)
    assert "1 open actie" in staff_page and "wacht op" not in staff_page
    assert "Het bord van je team" not in _home(client, world.board)  # no team of their own


def test_next_session_is_the_boards_next_weekday():
    board = TeamBoard(weekday=0)  # Monday
    monday = datetime.date(2026, 12, 7)
    assert next_session(board, monday) == monday
    assert next_session(board, monday + datetime.timedelta(days=1)) == datetime.date(2026, 12, 14)
    assert next_session(TeamBoard(weekday=4), monday) == datetime.date(2026, 12, 11)


def test_shared_with_me_reaches_the_colleague_not_the_leader(client, world):
    """A share with "your team" reaches team colleagues; the team leader reads it only when
    the owner chooses them too — the home card keeps that promise."""
    teammate = member(world.org, Role.MEDEWERKER, team=world.team)
    entry = learning_services.create_entry(
        organisation=world.org,
        owner=world.staff,
        title="Moeilijk moment",
        body="Iets wat alleen mijn team mag lezen",
        phase="looking_back",
        building_blocks=[],
    )
    learning_services.share(
        access=access_of(world.staff, world.org), owner=world.staff, entry=entry, team=world.team
    )
    assert "Moeilijk moment" in _home(client, teammate)
    assert "Moeilijk moment" not in _home(client, world.teamleader)
    assert "Moeilijk moment" not in _home(client, world.staff)  # my own entry is not "shared"
    learning_services.share(
        access=access_of(world.staff, world.org),
        owner=world.staff,
        entry=entry,
        person=world.teamleader,
    )
    assert "Moeilijk moment" in _home(client, world.teamleader)
