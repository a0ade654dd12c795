"""Advice-network rounds end to end, and the gate tried as a curious leader, colleague or
bestuurder would. Each test first builds the answers that could leak."""

import json

import pytest
from django.urls import reverse

from lerend.networks import selectors, services
from lerend.networks.models import CrossTies, Invitation, TeamResult, Tie
from lerend.organisations.access import resolve_access

from .conftest import answer, new_round

pytestmark = pytest.mark.django_db


def everyone_answers(network_round, world):
    """Rups: a ring; Zon: everyone goes to the first; Maan (3): all to one; some ties cross
    from Zon to Rups and from Maan to Zon."""
    rups = world.rups_people
    for i, person in enumerate(rups):
        answer(network_round, person, rups[(i + 1) % len(rups)])
    zon = world.zon_people
    for person in zon[1:]:
        answer(network_round, person, zon[0], rups[0])
    answer(network_round, zon[0], zon[1])
    for person in world.maan_people[1:]:
        answer(network_round, person, world.maan_people[0], zon[0])
    answer(network_round, world.maan_people[0], world.maan_people[1])


def visible_teams(network_round, person, org):
    results = selectors.results_for(network_round, resolve_access(person, org))
    return {row.team.name: row for row in results.teams}, results


def test_closing_keeps_only_aggregates_and_deletes_every_answer(net):
    network_round = new_round(net.org, net.board)
    assert Invitation.objects.filter(round=network_round).count() == 6 + 6 + 3 + 4  # + leaders
    everyone_answers(network_round, net)
    assert Tie.objects.filter(round=network_round).exists()
    services.close_round(network_round=network_round, actor=net.board)
    assert not Tie.objects.filter(round=network_round).exists()
    assert TeamResult.objects.filter(round=network_round, purpose=0).count() == 3
    zon = TeamResult.objects.get(round=network_round, team=net.zon, purpose=0)
    # Zon: 5 ties to person 0 and 0 -> 1: 6 of 30 possible; in-degrees 5,1,0,0,0,0:
    # Freeman (0+4+5*4)/25 = 24/25; one mutual pair (0<->1) = 2 of 6 ties.
    assert zon.density == pytest.approx(6 / 30)
    assert zon.centralisation == pytest.approx(24 / 25)
    assert zon.reciprocity == pytest.approx(2 / 6)
    assert zon.isolates_band == "none"
    assert (
        CrossTies.objects.get(
            round=network_round, level="team", sender=net.zon.pk, receiver=net.team.pk
        ).count
        == 5
    )


def test_the_board_sees_teams_of_k_not_the_small_team(net):
    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    services.close_round(network_round=network_round, actor=net.board)
    teams, results = visible_teams(network_round, net.board, net.org)
    assert results.ready
    assert set(teams) == {"Groep Rups", "Zon"}
    assert "Maan" not in teams and results.hidden_teams >= 1


def test_a_team_of_k_where_the_leader_answered_is_hidden_from_that_leader(net, world):
    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    # Rups has 6 on the roster; one does not answer -> 5 respondents = k.
    services.withdraw(network_round=network_round, person=net.rups_people[-1])
    services.close_round(network_round=network_round, actor=net.board)
    # The board (outside the team) sees Rups at n = k ...
    assert "Groep Rups" in visible_teams(network_round, net.board, net.org)[0]
    # ... the teamleader, who answered in it and could subtract their own ties, does not;
    # nor does a colleague of the team.
    assert "Groep Rups" not in visible_teams(network_round, net.teamleader, net.org)[0]
    assert "Groep Rups" not in visible_teams(network_round, net.staff, net.org)[0]


def test_a_team_of_k_plus_one_is_shown_to_its_own_members(net):
    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    services.close_round(network_round=network_round, actor=net.board)
    assert "Groep Rups" in visible_teams(network_round, net.teamleader, net.org)[0]


def test_nothing_before_closing_or_below_the_response_rate(net):
    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    assert not selectors.results_for(network_round, resolve_access(net.board, net.org)).ready
    second = new_round(net.org, net.board, title="Weinig respons")
    for person in net.zon_people:
        answer(
            second, person, net.zon_people[0] if person != net.zon_people[0] else net.zon_people[1]
        )
    services.close_round(network_round=second, actor=net.board)
    results = selectors.results_for(second, resolve_access(net.board, net.org))
    assert results.responded == 6 and not results.ready and results.teams == []


def test_subtracting_rounds_a_joiner_hides_the_team_in_the_later_round(net):
    first = new_round(net.org, net.board)
    everyone_answers(first, net)
    services.withdraw(network_round=first, person=net.zon_people[-1])  # Zon: 5 answered
    services.close_round(network_round=first, actor=net.board)
    assert "Zon" in visible_teams(first, net.board, net.org)[0]
    second = new_round(net.org, net.board, previous=first, title="Nameting")
    everyone_answers(second, net)  # Zon: 6 answered: one person more than before
    services.close_round(network_round=second, actor=net.board)
    later, _r = visible_teams(second, net.board, net.org)
    # Density before and after would differ by the joiner's ties only.
    assert "Zon" not in later
    # Rups answered by the same people both times: shown, with the change.
    assert later["Groep Rups"].change == {"density": 0.0, "centralisation": 0.0}


def test_suggestions_name_teams_never_people(net):
    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    services.close_round(network_round=network_round, actor=net.board)
    results = selectors.results_for(network_round, resolve_access(net.board, net.org))
    names = {p.name for p in [*net.rups_people, *net.zon_people, *net.maan_people]}
    flat = {name for pair in results.suggestions for name in pair}
    assert not flat & names


def test_the_api_gives_the_same_aggregates_and_no_person(client, net):
    from lerend.api import services as api

    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    services.close_round(network_round=network_round, actor=net.board)
    results = {}
    for who in (net.board, net.teamleader):
        _t, key = api.create_token(person=who, organisation=net.org, name="k", days=30)
        response = client.get(
            f"/api/v1/o/{net.org.slug}/networks/{network_round.pk}",
            headers={"Authorization": f"Bearer {key}"},
        )
        assert response.status_code == 200
        results[who.pk] = response.json()
        text = json.dumps(results[who.pk])
        for person in [*net.rups_people, *net.zon_people, *net.maan_people]:
            assert person.name not in text and person.email not in text
            assert f'"id": {person.pk}' not in text
    assert {t["team"] for t in results[net.board.pk]["teams"]} == {"Groep Rups", "Zon"}
    page = selectors.results_for(network_round, resolve_access(net.teamleader, net.org))
    assert {t["team"] for t in results[net.teamleader.pk]["teams"]} == {
        r.team.name for r in page.teams
    }
    _t, key = api.create_token(person=net.outsider, organisation=net.other_org, name="k", days=30)
    foreign = client.get(
        f"/api/v1/o/{net.org.slug}/networks/{network_round.pk}",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert foreign.status_code == 404


def test_pages_for_the_personas(client, net):
    network_round = new_round(net.org, net.board)
    slug = net.org.slug
    client.force_login(net.staff)
    assert client.get(reverse("networks:index", args=[slug])).status_code == 200
    assert client.get(reverse("networks:respond", args=[slug, network_round.pk])).status_code == 200
    assert client.get(reverse("networks:create", args=[slug])).status_code == 403
    client.force_login(net.outsider)
    assert client.get(reverse("networks:detail", args=[slug, network_round.pk])).status_code == 404


def test_the_search_field_puts_the_own_team_first_and_never_lists_everyone(client, net):
    network_round = new_round(net.org, net.board)
    slug = net.org.slug
    client.force_login(net.staff)
    url = reverse("networks:respond_search", args=[slug, network_round.pk])
    assert client.get(url, {"purpose": 1, "q_1": ""}).text.count("checkbox") == 0
    found = selectors.search_roster(network_round, net.staff, "a")
    assert found == []  # two letters at least
    everyone = [*net.rups_people, *net.zon_people, *net.maan_people]
    common = net.zon_people[0].name[:2]
    hits = selectors.search_roster(network_round, net.staff, common)
    assert len(hits) <= 10 and all(h.person_id != net.staff.pk for h in hits)
    own = [h for h in hits if h.team_id == net.team.pk]
    assert hits[: len(own)] == own
    assert len(everyone) > 10


def test_answering_through_the_page_then_reading_it_back(client, net):
    network_round = new_round(net.org, net.board)
    slug = net.org.slug
    client.force_login(net.staff)
    url = reverse("networks:respond", args=[slug, network_round.pk])
    colleague = net.rups_people[2]
    refused = client.post(url, {"action": "save", "chosen_1": [colleague.pk]})
    assert refused.status_code == 200 and not Tie.objects.exists()  # no consent
    saved = client.post(url, {"action": "save", "chosen_1": [colleague.pk], "consent": "on"})
    assert saved.status_code == 302
    assert list(Tie.objects.values_list("alter_id", flat=True)) == [colleague.pk]
    assert colleague.name in client.get(url).text
    # An outsider's id is refused.
    stranger = client.post(url, {"action": "save", "chosen_1": [net.outsider.pk], "consent": "on"})
    assert stranger.status_code == 200
    assert list(Tie.objects.values_list("alter_id", flat=True)) == [colleague.pk]


@pytest.mark.parametrize("extra_teams", [1, 3])
def test_the_results_page_costs_the_same_for_1_and_3_teams(
    client, net, extra_teams, django_assert_max_num_queries
):
    from .conftest import build_team

    for n in range(extra_teams):
        build_team(net.org, net.location2, f"Extra {n}", 5)
    network_round = new_round(net.org, net.board)
    everyone_answers(network_round, net)
    for inv in Invitation.objects.filter(round=network_round, responded=False):
        answer(network_round, inv.person, net.staff)
    services.close_round(network_round=network_round, actor=net.board)
    client.force_login(net.board)
    with django_assert_max_num_queries(24):
        response = client.get(reverse("networks:detail", args=[net.org.slug, network_round.pk]))
    assert response.status_code == 200
