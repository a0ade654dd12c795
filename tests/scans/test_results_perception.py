"""The difference in perception: staff groups next to the parents of the same scope, each
through its own campaign's plan (lerend/scans/results/perspectives.py)."""

import datetime

import pytest
from django.urls import reverse

from lerend.scans import services
from lerend.scans.models import Campaign
from lerend.scans.results import CampaignResults, organisation_ref
from lerend.scans.results.perspectives import (
    Scope,
    chosen_counterpart,
    counterpart_choices,
    perception,
)
from tests.factories import OrganisationFactory

from .test_campaign_support import launched
from .test_results_support import parents_campaign, pulse_campaign

PARTNERSHIP = "partnerschap-ouders"
PERCEPTION_PAGE_QUERIES = 18  # both campaigns: + reader cells, answered counts


def _page(client, user, name, *args, query=""):
    client.force_login(user)
    return client.get(reverse(f"scans:{name}", args=["regenboog", *args]) + query)


def test_perception_organisation_sets_parents_next_to_staff(client, world):
    pulse = pulse_campaign(world, everything=True)
    parents_campaign(world, {world.team: [(2, 3)] * 6})
    staff = CampaignResults(pulse.campaign).group(organisation_ref(world.org), items=False)
    staff_mean = staff.dimension(PARTNERSHIP).mean

    response = _page(client, world.board, "results_organisation", pulse.campaign.pk)
    section = response.context["perception"]
    # Leadership (3 people) is too small apart, so all staff form one column.
    assert section["merged"] is True
    assert section["shown_labels"] == ["Leiding en medewerkers", "Ouders"]
    assert [row["label"] for row in section["rows"]] == ["Partnerschap met ouders"]
    # Parents pool 5 partnership answers of 2 and 5 contact answers of 3 each: 2.5.
    row = section["rows"][0]
    assert row["cells"] == [f"{staff_mean:.1f}".replace(".", ","), "2,5"]
    assert row["gap"] == f"{staff_mean - 2.5:.1f}".replace(".", ",")
    html = response.content.decode()
    assert "Verschil in beleving" in html and "Ouders voorjaar" in html


def test_perception_parents_page_compares_each_parent_dimension(client, world):
    pulse = pulse_campaign(world, everything=True)
    parents = parents_campaign(world, {world.team: [(2, 4)] * 6})
    staff_mean = (
        CampaignResults(pulse.campaign)
        .group(organisation_ref(world.org), items=False)
        .dimension(PARTNERSHIP)
        .mean
    )
    section = _page(client, world.board, "results_organisation", parents.pk).context["perception"]
    assert section["shown_labels"] == ["Ouders", "Leiding en medewerkers"]
    staff_text = f"{staff_mean:.1f}".replace(".", ",")
    assert [(r["label"], r["cells"]) for r in section["rows"]] == [
        ("Samenwerken met ouders", ["2,0", staff_text]),
        ("Informatie en contact", ["4,0", staff_text]),
    ]  # "Hoe het met je kind gaat" has no building block: not compared


def test_perception_team_page_team_against_its_parents(client, world):
    pulse = pulse_campaign(world, everything=True)
    parents_campaign(world, {world.team: [(1, 2)] * 6})
    response = _page(client, world.teamleader, "results_team", pulse.campaign.pk, world.team.pk)
    section = response.context["perception"]
    assert section["shown_labels"] == ["Groep Rups", "Ouders"]
    assert section["rows"][0]["cells"][1] == "1,5"


def test_perception_hidden_parents_group_shows_no_number(client, world):
    """Rups 6 parents, Pop 3: Pop is too small, and then Rups would give Pop away by
    subtraction from the location, so neither team shows parents; the organisation does."""
    pulse = pulse_campaign(world, everything=True)
    parents_campaign(world, {world.team: [(4, 4)] * 6, world.other_team: [(1, 1)] * 3})
    team_page = _page(client, world.teamleader, "results_team", pulse.campaign.pk, world.team.pk)
    section = team_page.context["perception"]
    assert section["shown_labels"] == ["Groep Rups"]
    assert section["hidden"] == ["Ouders"] and section["rows"] == []
    organisation = _page(client, world.board, "results_organisation", pulse.campaign.pk)
    # (6 x 4 + 3 x 1) / 9 = 3.0: the organisation of nine parents is shown, only as a whole.
    assert organisation.context["perception"]["rows"][0]["cells"][1] == "3,0"


def test_perception_choice_defaults_to_nearest_and_can_be_switched_off(client, world):
    pulse = pulse_campaign(world, everything=True)
    older = parents_campaign(world, {world.team: [(2, 2)] * 6}, title="Ouders oud")
    Campaign.objects.filter(pk=older.pk).update(
        opens_on=datetime.date(2020, 3, 1), closes_on=datetime.date(2020, 3, 20)
    )
    older = Campaign.objects.get(pk=older.pk)
    recent = parents_campaign(world, {world.team: [(3, 3)] * 6}, title="Ouders nieuw")
    choices = counterpart_choices(pulse.campaign)
    assert [c.pk for c in choices] == [recent.pk, older.pk]
    assert chosen_counterpart(pulse.campaign, choices, None) == recent
    assert chosen_counterpart(pulse.campaign, choices, str(older.pk)) == older
    assert chosen_counterpart(pulse.campaign, choices, "geen") is None
    # Only the older one: more than a year away, so it is offered but not chosen by itself.
    assert chosen_counterpart(pulse.campaign, [older], None) is None

    off = _page(
        client, world.board, "results_organisation", pulse.campaign.pk, query="?vergelijk=geen"
    )
    assert off.context["perception"]["counterpart"] is None
    assert off.context["perception"]["rows"] == []


def test_perception_ignores_a_campaign_of_another_organisation(client, world):
    pulse = pulse_campaign(world, everything=True)
    other = OrganisationFactory(slug="derden")
    foreign = Campaign.objects.create(
        organisation=other,
        instrument_version=services.shipped_version("ouders"),
        title="Vreemde ouders",
        audience="parents",
        opens_on=pulse.campaign.opens_on,
        closes_on=pulse.campaign.closes_on,
    )
    Campaign.objects.filter(pk=foreign.pk).update(launched_at=pulse.campaign.launched_at)
    assert counterpart_choices(pulse.campaign) == []
    response = _page(
        client,
        world.board,
        "results_organisation",
        pulse.campaign.pk,
        query=f"?vergelijk={foreign.pk}",
    )
    assert response.status_code == 200
    assert response.context["perception"]["counterpart"] is None
    assert "Vreemde ouders" not in response.content.decode()


def test_perception_pupils_campaign_has_no_counterpart(world):
    campaign = launched(
        world, key="leerlingenstem-bovenbouw", audience="pupils", role_groups=(), title="Leerlingen"
    )
    assert counterpart_choices(campaign) == []


def test_perception_open_counterpart_is_not_used(world):
    pulse = pulse_campaign(world, everything=True)
    running = launched(world, key="ouders", audience="parents", role_groups=(), title="Loopt nog")
    assert counterpart_choices(pulse.campaign) == []
    section = perception(
        CampaignResults(pulse.campaign),
        Scope("organisation", world.org),
        CampaignResults(running),
    )
    assert section["counterpart"] is None and section["rows"] == []


@pytest.mark.parametrize("teams_answering", [1, 2])
def test_perception_organisation_queries_do_not_grow_with_parents(
    client, world, django_assert_num_queries, teams_answering
):
    from lerend.scans.results import clear_memos

    pulse = pulse_campaign(world, everything=True)
    teams = [world.team, world.other_team][:teams_answering]
    parents_campaign(world, {team: [(3, 3)] * 6 for team in teams})
    client.force_login(world.board)
    url = reverse("scans:results_organisation", args=[world.org.slug, pulse.campaign.pk])
    client.get(url)
    clear_memos()
    with django_assert_num_queries(PERCEPTION_PAGE_QUERIES):
        client.get(url)
