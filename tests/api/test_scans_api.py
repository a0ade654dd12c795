"""Scan results through the API: the same rules and the same anonymity plan as the pages.
Every test first makes the data that could leak (team Pop: 3 respondents, hidden)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.organisations.models import Role
from lerend.scans.results import CampaignResults, location_ref, organisation_ref, team_ref
from tests.factories import LocationFactory, TeamFactory, member
from tests.scans.test_campaign_support import launched
from tests.scans.test_results_support import FIRST, RUPS_FIRST, answer, close, pulse_campaign


@pytest.fixture
def pulse(world):
    return pulse_campaign(world)


def _results(api_get, key, campaign, what):
    return api_get(f"/o/regenboog/scans/{campaign.pk}/results/{what}", key)


def test_campaign_list_holds_launched_campaigns(world, pulse, make_key, api_get):
    body = api_get("/o/regenboog/scans", make_key(world.staff)).json()
    assert [(c["id"], c["status"], c["results_ready"]) for c in body] == [
        (pulse.campaign.pk, "closed", True)
    ]
    assert body[0]["instrument"] == pulse.campaign.instrument_version.key


def test_team_results_equal_the_page_numbers(world, pulse, make_key, api_get):
    response = _results(api_get, make_key(world.board), pulse.campaign, f"teams/{world.team.pk}")
    assert response.status_code == 200
    group = response.json()["group"]
    assert (group["kind"], group["id"], group["visible"], group["respondents"]) == (
        "team",
        world.team.pk,
        True,
        6,
    )
    first = next(i for d in group["dimensions"] for i in d["items"] if i["key"] == FIRST)
    scores = [s for s in RUPS_FIRST if isinstance(s, int)] + [3]  # + the team leader's 3
    assert first["n"] == len(scores)
    assert first["mean"] == pytest.approx(sum(scores) / len(scores))
    page = CampaignResults(pulse.campaign, reader=world.board).group(team_ref(world.team))
    assert [d["mean"] for d in group["dimensions"]] == [d.mean for d in page.dimensions]


def test_team_results_for_a_member_leave_out_what_their_own_answer_would_expose(
    world, pulse, make_key, api_get
):
    """Route 2 in the API: a member of Rups sees the team, but not the first question (five
    answers, one of them theirs)."""
    response = _results(api_get, make_key(world.staff), pulse.campaign, f"teams/{world.team.pk}")
    group = response.json()["group"]
    assert group["visible"] and group["respondents"] == 6
    keys = {i["key"] for d in group["dimensions"] for i in d["items"]}
    assert FIRST not in keys
    first = group["dimensions"][0]
    assert (first["n"], first["mean"], first["distribution"]) == (0, None, [])
    assert first["suppressed"] and not group["dimensions"][1]["suppressed"]


def test_a_hidden_team_gives_no_numbers_at_all(world, pulse, make_key, api_get):
    key = make_key(world.manager)
    response = _results(api_get, key, pulse.campaign, f"teams/{world.other_team.pk}")
    assert response.status_code == 200
    group = response.json()["group"]
    assert group == {
        "kind": "team",
        "id": world.other_team.pk,
        "name": "Groep Pop",
        "visible": False,
        "respondents": None,
        "respondents_display": None,
        "dimensions": [],
    }
    assert "GEHEIM-POP" not in response.content.decode()


def test_location_lists_its_teams_through_the_plan(world, pulse, make_key, api_get):
    key = make_key(world.board)
    body = _results(api_get, key, pulse.campaign, f"locations/{world.location.pk}").json()
    plan = CampaignResults(pulse.campaign)
    assert body["group"]["visible"] == plan.is_visible(location_ref(world.location))
    assert {t["name"]: t["visible"] for t in body["subgroups"]} == {
        "Groep Pop": False,
        "Groep Rups": True,
    }
    assert all(t["dimensions"] == [] for t in body["subgroups"] if not t["visible"])
    # Subgroups carry no item figures (as on the page's heatmap).
    assert all(d["items"] == [] for t in body["subgroups"] for d in t["dimensions"])


def test_organisation_results_follow_the_plan(world, pulse, make_key, api_get):
    body = _results(api_get, make_key(world.board), pulse.campaign, "organisation").json()
    plan = CampaignResults(pulse.campaign)
    assert body["k"] == 5
    assert body["group"]["visible"] == plan.is_visible(organisation_ref(world.org))
    assert set(body) == {"campaign", "k", "group", "subgroups"}  # no open comments


@pytest.mark.parametrize(
    ("persona", "what", "status"),
    [
        ("staff", "organisation", 403),
        ("teamleader", "organisation", 403),
        ("manager", "organisation", 403),
        ("staff", "locations/{location}", 403),
        ("teamleader", "locations/{location}", 403),
        ("staff", "teams/{other_team}", 403),
        ("teamleader", "teams/{other_team}", 403),
        ("coach", "teams/{other_team}", 200),
        ("board", "teams/{team}", 200),
        ("admin", "locations/{location}", 200),
    ],
)
def test_each_role_reads_only_its_scope(world, pulse, make_key, api_get, persona, what, status):
    path = what.format(
        location=world.location.pk, team=world.team.pk, other_team=world.other_team.pk
    )
    key = make_key(getattr(world, persona))
    assert _results(api_get, key, pulse.campaign, path).status_code == status


def test_another_organisations_ids_are_404(world, pulse, make_key, api_get):
    elsewhere = LocationFactory(organisation=world.other_org)
    far_team = TeamFactory(location=elsewhere)
    key = make_key(world.board)
    assert _results(api_get, key, pulse.campaign, f"locations/{elsewhere.pk}").status_code == 404
    assert _results(api_get, key, pulse.campaign, f"teams/{far_team.pk}").status_code == 404
    outsider_key = make_key(world.outsider, organisation=world.other_org)
    response = api_get(f"/o/elders/scans/{pulse.campaign.pk}/results/organisation", outsider_key)
    assert response.status_code == 404


def test_a_running_campaign_has_no_results_yet(world, make_key, api_get):
    running = pulse_campaign(world, closed=False, title="Nog open")
    response = _results(api_get, make_key(world.board), running.campaign, "organisation")
    assert response.status_code == 409
    assert response.json()["detail"] == "De resultaten zijn er zodra de ronde gesloten is."


def test_results_take_the_same_number_of_queries_for_more_teams(
    world, make_key, api_get, django_assert_num_queries
):
    key = make_key(world.manager)
    path = f"locations/{world.location.pk}"
    pulse = pulse_campaign(world, title="Twee teams")
    third = TeamFactory(location=world.location, name="Groep Vlinder")
    people = [member(world.org, Role.MEDEWERKER, team=third) for _ in range(5)]
    three_teams = launched(world, title="Drie teams")
    everyone = [*pulse.rups_staff, *pulse.pop_staff, *people]
    for person in [*everyone, world.teamleader, world.manager, world.coach]:
        answer(three_teams, person, {FIRST: 4})
    close(three_teams, world)
    counts = []
    for campaign in (pulse.campaign, three_teams):
        _results(api_get, key, campaign, path)  # the first call fills per-process memos
        with CaptureQueriesContext(connection) as captured:
            body = _results(api_get, key, campaign, path).json()
        counts.append((len(captured), len(body["subgroups"])))
    assert counts == [(counts[0][0], 2), (counts[0][0], 3)]
