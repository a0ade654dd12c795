import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.improvement.models import Action
from lerend.monitoring import tasks
from lerend.monitoring.models import WellbeingRound, WellbeingScore
from lerend.monitoring.selectors import wellbeing as selectors
from lerend.monitoring.services import indicators as indicator_services
from lerend.monitoring.services import wellbeing as services
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import TODAY

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def make_round(world, team=None, children=0, first_on=None, actor=None):
    """A round with ``children`` children scored at both moments: even tokens high (5/4),
    odd tokens low (2/1)."""
    round_ = services.start_round(
        organisation=world.org,
        actor=actor or world.staff,
        team=team or world.team,
        first_on=first_on or TODAY - 3 * DAY,
        second_on=(first_on or TODAY - 3 * DAY) + DAY,
    )
    for child in range(1, children + 1):
        for moment in (1, 2):
            high = child % 2 == 0
            services.record_score(
                round=round_,
                actor=world.staff,
                child=str(child),
                moment=moment,
                wellbeing=5 if high else 2,
                involvement=4 if high else 1,
            )
    return round_


def test_round_personas(client, world, url):
    round_ = make_round(world, children=10)
    page = url("monitoring:round", round_id=round_.pk)
    other = member(world.org, Role.MEDEWERKER, team=world.other_team)
    for person in (world.staff, world.teamleader, world.manager, world.coach, world.board):
        client.force_login(person)
        assert client.get(page).status_code == 200, person
    client.force_login(other)
    assert client.get(page).status_code == 403
    client.force_login(world.outsider)
    assert client.get(page).status_code == 404


def test_staff_enter_a_score_on_their_phone_form(client, world, url):
    round_ = make_round(world)
    client.force_login(world.staff)
    response = client.post(
        url("monitoring:score_create", round_id=round_.pk),
        {"child": "k12", "moment": "1", "wellbeing": "4", "involvement": "5"},
    )
    assert response.status_code == 302
    score = WellbeingScore.objects.get(round=round_)
    assert (score.child, score.moment, score.wellbeing, score.involvement) == ("K12", 1, 4, 5)


def test_a_name_is_refused_as_child_token(client, world, url):
    round_ = make_round(world)
    client.force_login(world.staff)
    response = client.post(
        url("monitoring:score_create", round_id=round_.pk),
        {"child": "Jan de Vries", "moment": "1", "wellbeing": "4", "involvement": "5"},
    )
    assert response.status_code == 200
    assert "nooit een naam" in response.content.decode()
    assert not WellbeingScore.objects.exists()


def test_coach_reads_but_cannot_enter(client, world, url):
    round_ = make_round(world)
    client.force_login(world.coach)
    response = client.post(
        url("monitoring:score_create", round_id=round_.pk),
        {"child": "1", "moment": "1", "wellbeing": "4", "involvement": "5"},
    )
    assert response.status_code == 403


def test_two_moments_on_the_same_day_are_refused(world):
    with pytest.raises(ValidationError):
        services.start_round(
            organisation=world.org,
            actor=world.staff,
            team=world.team,
            first_on=TODAY,
            second_on=TODAY,
        )


def test_a_future_moment_takes_no_scores(world):
    round_ = services.start_round(
        organisation=world.org,
        actor=world.staff,
        team=world.team,
        first_on=TODAY,
        second_on=TODAY + 2 * DAY,
    )
    services.record_score(
        round=round_, actor=world.staff, child="1", moment=1, wellbeing=3, involvement=3
    )
    with pytest.raises(ValidationError):
        services.record_score(
            round=round_, actor=world.staff, child="1", moment=2, wellbeing=3, involvement=3
        )


def test_profile_hidden_below_the_threshold_and_shown_from_it(client, world, url):
    round_ = make_round(world, children=9)
    client.force_login(world.manager)
    html = client.get(url("monitoring:round", round_id=round_.pk)).content.decode()
    assert "nog 1 kind nodig" in html
    assert "welbevinden op 4–5" not in html
    services.record_score(
        round=round_, actor=world.staff, child="10", moment=1, wellbeing=5, involvement=4
    )
    html = client.get(url("monitoring:round", round_id=round_.pk)).content.decode()
    # 19 observations: 9 high (children 2,4,6,8 twice + child 10 once), 10 low.
    assert "<strong>47,4%</strong><br>welbevinden op 4–5" in html
    assert "<strong>52,6%</strong><br>welbevinden op 1–2" in html


def test_the_organisation_may_raise_the_threshold(world):
    round_ = make_round(world, children=10)
    indicator_services.update_settings(
        organisation=world.org, actor=world.board, wellbeing_threshold=12
    )
    k = 12
    found = selectors.profile_of(
        selectors.round_for_viewer(resolve_access(world.board, world.org), round_.pk), k
    )
    assert (found.visible, found.missing) == (False, 2)


def test_overview_shows_groups_in_scope_alphabetically_never_ranked(client, world, url):
    make_round(world, team=world.team, children=10)
    make_round(world, team=world.other_team, children=12)
    client.force_login(world.manager)
    html = client.get(url("monitoring:wellbeing")).content.decode()
    assert html.index("De Vlinder – Groep Pop") < html.index("De Vlinder – Groep Rups")
    client.force_login(world.staff)
    html = client.get(url("monitoring:wellbeing")).content.decode()
    assert "Groep Rups" in html
    assert "Groep Pop" not in html


def _overview_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("monitoring:wellbeing")).status_code == 200
    return len(queries)


def test_overview_query_count_is_constant(client, world, url):
    from tests.factories import TeamFactory

    client.force_login(world.board)
    make_round(world, children=10)
    one = _overview_queries(client, url)
    for n in range(2):
        team = TeamFactory(location=world.location, name=f"Groep {n}")
        make_round(world, team=team, children=11, actor=world.board)
    assert _overview_queries(client, url) == one


def test_trend_lists_rounds_oldest_first(client, world, url):
    first = make_round(world, children=10, first_on=TODAY - 200 * DAY)
    services.close_round(round=first, actor=world.staff)
    make_round(world, children=3)
    client.force_login(world.teamleader)
    html = client.get(url("monitoring:group_trend", team_id=world.team.pk)).content.decode()
    assert html.count("Te weinig kinderen om te tonen") == 1
    assert "50%" in html


def test_reflection_and_action_to_the_team_board(client, world, url):
    round_ = make_round(world, children=10)
    client.force_login(world.teamleader)
    client.post(
        url("monitoring:round_reflect", round_id=round_.pk),
        {"reflection": "Veel wisselingen", "context_factors": ["bezetting", "dagritme"]},
    )
    response = client.post(
        url("monitoring:round_action", round_id=round_.pk),
        {
            "title": "Vaste gezichten bij het brengen",
            "owner": world.staff.pk,
            "due_on": (TODAY + 14 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.context_factors == ["bezetting", "dagritme"]
    action = Action.objects.get(team=world.team)
    assert (action.title, action.owner, action.origin) == (
        "Vaste gezichten bij het brengen",
        world.staff,
        "reflectie",
    )


def test_reminder_mails_a_group_due_once(world):
    old = make_round(world, children=1, first_on=TODAY - 200 * DAY)
    services.close_round(round=old, actor=world.staff)
    assert tasks.remind_wellbeing_rounds.call() == 2  # staff and teamleader of Groep Rups
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.staff.email, world.teamleader.email]
    )
    assert "welbevindenronde" in mail.outbox[0].subject
    assert tasks.remind_wellbeing_rounds.call() == 0


def test_home_task_for_a_group_due(client, world):
    old = make_round(world, children=1, first_on=TODAY - 200 * DAY)
    services.close_round(round=old, actor=world.staff)
    client.force_login(world.staff)
    html = client.get("/o/regenboog/").content.decode()
    assert "Tijd voor een nieuwe welbevindenronde in Groep Rups" in html
    WellbeingRound.objects.filter(pk=old.pk).update(first_on=TODAY - 10 * DAY)
    html = client.get("/o/regenboog/").content.decode()
    assert "welbevindenronde" not in html


def test_profiles_csv_has_no_numbers_for_a_hidden_group(client, world, url):
    make_round(world, team=world.team, children=10)
    make_round(world, team=world.other_team, children=4)
    client.force_login(world.manager)
    text = client.get(url("monitoring:profiles_csv")).getvalue().decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Locatie;Groep;Laatste ronde;Kinderen;Welbevinden op 4–5")
    assert lines[1].endswith(";te weinig kinderen om te tonen;;;;")
    assert lines[1].startswith("De Vlinder;Groep Pop;")
    assert lines[2].endswith(";10;50;50;50;50")
    client.force_login(world.outsider)
    assert client.get(url("monitoring:profiles_csv")).status_code == 404


def test_a_school_sees_classes_and_pupils(client, world, url):
    world.org.sector = "po"
    world.org.save()
    round_ = make_round(world)
    client.force_login(world.staff)
    html = client.get(url("monitoring:round", round_id=round_.pk)).content.decode()
    assert "Leerling (nummer of schuilnaam — nooit een naam)" in html
    assert "Een leerling scoren" in html
    html = client.get(url("monitoring:wellbeing")).content.decode()
    assert "Jouw klassen, op alfabet — geen ranglijst." in html
    response = client.post(
        url("monitoring:score_create", round_id=round_.pk),
        {"child": "3", "moment": "1", "wellbeing": "3", "involvement": "3"},
        follow=True,
    )
    assert "Opgeslagen voor leerling 3. Volgende leerling." in response.content.decode()
