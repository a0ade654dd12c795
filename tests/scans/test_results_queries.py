import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerend.organisations.models import Role
from lerend.scans.results import clear_memos
from tests.factories import LocationFactory, TeamFactory, member

from .test_campaign_support import launched
from .test_results_support import FIRST, SECOND, answer, close


def _campaign_with_teams(world, count):
    """``count`` teams in two locations, five staff answering in each."""
    second = LocationFactory(organisation=world.org, name="De Libel")
    teams = [world.team, TeamFactory(location=second), TeamFactory(location=world.location)]
    teams = teams[:count]
    people = {t.pk: [member(world.org, Role.MEDEWERKER, team=t) for _ in range(5)] for t in teams}
    campaign = launched(world, role_groups=("medewerkers",))
    for team in teams:
        for n, person in enumerate(people[team.pk]):
            answer(campaign, person, {FIRST: 1 + n, SECOND: 5 - n}, {"pulse.open": f"t{n}"})
    return close(campaign, world), teams


def _count(client, url) -> int:
    clear_memos()  # measure the database path, not the per-process memo
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("teams", [1, 3])
def test_results_organisation_dashboard_queries_do_not_grow_with_teams(client, world, teams):
    campaign, _teams = _campaign_with_teams(world, teams)
    client.force_login(world.board)
    url = reverse("scans:results_organisation", args=[world.org.slug, campaign.pk])
    client.get(url)  # warm the session
    # + the reader's own cell (route 2) and the answered counts per cell (route 3)
    assert _count(client, url) == 14


@pytest.mark.parametrize("teams", [1, 3])
def test_results_heatmap_queries_do_not_grow_with_teams(client, world, teams):
    campaign, _teams = _campaign_with_teams(world, teams)
    client.force_login(world.board)
    url = reverse("scans:results_heatmap", args=[world.org.slug, campaign.pk])
    client.get(url)
    assert _count(client, url) == 11


@pytest.mark.parametrize("teams", [1, 3])
def test_results_team_page_queries_do_not_grow_with_teams(client, world, teams):
    campaign, all_teams = _campaign_with_teams(world, teams)
    client.force_login(world.board)
    url = reverse("scans:results_team", args=[world.org.slug, campaign.pk, all_teams[0].pk])
    client.get(url)
    assert _count(client, url) == 17  # + the names to mask in its inline comments


def test_results_memo_serves_a_closed_campaign_without_aggregate_queries(client, world):
    campaign, _teams = _campaign_with_teams(world, 3)
    client.force_login(world.board)
    url = reverse("scans:results_organisation", args=[world.org.slug, campaign.pk])
    cold = _count(client, url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    sql = " ".join(q["sql"] for q in warm)
    # Cold, the organisation page sums aggregates twice: per (location, role group) cell —
    # the organisation, its locations and role groups are added up from those rows — and
    # per item — and reads the answered counts per cell (route 3). Warm: not at all.
    assert len(warm) == cold - 3
    assert "scans_aggregate" not in sql
