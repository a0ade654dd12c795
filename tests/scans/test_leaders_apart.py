"""Leadership apart: leaders' strata frozen as one organisation-wide cell, so that the split
leiding / medewerkers can be shown next to team results (docs/anonymity.md)."""

from django.urls import reverse

from lerend.organisations.models import Role
from lerend.scans.models import ScanInvitation
from lerend.scans.results import CampaignResults, role_group_ref, team_ref
from tests.factories import member

from .test_campaign_support import launched
from .test_results_support import FIRST, SECOND, answer, close


def _strata(campaign):
    return {
        inv.person_id: (inv.location_key, inv.team_key, inv.role_group)
        for inv in ScanInvitation.objects.filter(campaign=campaign)
    }


def test_leaders_apart_freezes_every_leader_in_one_stratum(world):
    strata = _strata(launched(world, leaders_apart=True))
    assert strata[world.staff.pk] == (world.location.pk, world.team.pk, "medewerkers")
    for leader in (world.teamleader, world.manager, world.coach, world.board, world.admin):
        assert strata[leader.pk] == (0, 0, "leiding")


def test_leaders_in_their_team_when_switched_off(world):
    strata = _strata(launched(world, leaders_apart=False))
    assert strata[world.teamleader.pk] == (world.location.pk, world.team.pk, "leiding")
    assert strata[world.manager.pk] == (world.location.pk, 0, "leiding")
    assert strata[world.board.pk] == (0, 0, "leiding")


def test_leaders_apart_shows_the_role_split_next_to_the_team(client, world):
    """Six leaders and six staff of Rups answer: with leadership apart the organisation page
    shows leiding against medewerkers AND team Rups keeps its own results."""
    staff = [world.staff] + [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(5)]
    sixth = member(world.org, Role.COACH, team=world.team)
    campaign = launched(world, leaders_apart=True)
    for person in staff:
        answer(campaign, person, {FIRST: 2, SECOND: 2})
    # Six leaders: the board reads the page and is one of them, so leiding needs k+1.
    for leader in (world.teamleader, world.manager, world.coach, world.board, world.admin, sixth):
        answer(campaign, leader, {FIRST: 5, SECOND: 4})
    close(campaign, world)

    results = CampaignResults(campaign)
    assert results.is_visible(team_ref(world.team))
    assert results.is_visible(role_group_ref("leiding", "Leiding"))
    assert results.is_visible(role_group_ref("medewerkers", "Medewerkers"))
    client.force_login(world.board)
    response = client.get(reverse("scans:results_organisation", args=["regenboog", campaign.pk]))
    section = response.context["perception"]
    assert section["shown_labels"] == ["Leiding", "Medewerkers"] and not section["merged"]
    first = section["rows"][0]
    assert (first["label"], first["cells"], first["gap"]) == (
        "Pedagogisch professionals",
        ["5,0", "2,0"],
        "3,0",
    )
    team = client.get(reverse("scans:results_team", args=["regenboog", campaign.pk, world.team.pk]))
    assert team.context["group"].visible and team.context["group"].respondents == 6


def test_leaders_apart_is_fixed_at_launch_and_shown(client, world):
    campaign = launched(world, leaders_apart=True)
    client.force_login(world.admin)
    html = client.get(reverse("scans:detail", args=["regenboog", campaign.pk])).content.decode()
    assert "Telt als één groep voor de hele organisatie" in html
