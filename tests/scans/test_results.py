import pytest
from django.urls import reverse

from lerend.scans.results import CampaignResults, organisation_ref, team_ref

from .test_results_support import FIRST, pulse_campaign


def _url(name, world, *args):
    return reverse(f"scans:{name}", args=[world.org.slug, *args])


def test_results_team_gives_exact_numbers(world):
    pulse = pulse_campaign(world)
    results = CampaignResults(pulse.campaign)
    team = results.group(team_ref(world.team))
    assert team.visible and team.respondents == 6
    first = team.dimension("pedagogisch-professionals")
    # scores 5, 4, 4, 2, 3 and one "don't know"
    assert (first.counts.n, first.counts.total, first.counts.dont_know) == (5, 18, 1)
    assert first.mean == pytest.approx(3.6)
    assert first.favourable == pytest.approx(0.6)
    assert first.counts.histogram == (0, 1, 1, 2, 1)
    assert first.dont_know_share == pytest.approx(1 / 6)
    assert [r["share"] for r in first.distribution_rows] == ["0%", "20%", "20%", "40%", "20%"]
    assert first.alpha is None  # one item, and far fewer than 30 people
    assert [i.key for i in team.strongest][:1] == ["pulse.team"]


def test_results_team_page_shows_the_numbers_to_the_board(client, world):
    """The board did not answer inside team Rups (see tests/scans/test_routes.py for what a
    reader inside the team sees)."""
    pulse = pulse_campaign(world)
    client.force_login(world.board)
    response = client.get(_url("results_team", world, pulse.campaign.pk, world.team.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "3,6" in html and "60%" in html and "<svg" in html
    assert "Te weinig respondenten" not in html
    assert FIRST


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("board", 200), ("admin", 200), ("manager", 403), ("coach", 403), ("staff", 403)],
)
def test_results_organisation_page_personas(client, world, persona, status):
    pulse = pulse_campaign(world)
    url = _url("results_organisation", world, pulse.campaign.pk)
    assert _get(client, getattr(world, persona), url).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("manager", 200), ("coach", 200), ("board", 200), ("teamleader", 403), ("staff", 403)],
)
def test_results_location_page_personas(client, world, persona, status):
    pulse = pulse_campaign(world)
    url = _url("results_location", world, pulse.campaign.pk, world.location.pk)
    assert _get(client, getattr(world, persona), url).status_code == status


def test_results_outsider_gets_404_everywhere(client, world):
    pulse = pulse_campaign(world)
    c = pulse.campaign.pk
    for url in [
        _url("results", world),
        _url("results_organisation", world, c),
        _url("results_location", world, c, world.location.pk),
        _url("results_team", world, c, world.team.pk),
        _url("results_team_pdf", world, c, world.team.pk),
        _url("results_heatmap", world, c),
        _url("results_comments", world, c) + "?groep=organisatie",
    ]:
        assert _get(client, world.outsider, url).status_code == 404, url


def test_results_staff_sees_own_team_but_not_another_team(client, world):
    pulse = pulse_campaign(world)
    c = pulse.campaign.pk
    assert (
        _get(client, world.staff, _url("results_team", world, c, world.team.pk)).status_code == 200
    )
    other = _url("results_team", world, c, world.other_team.pk)
    assert _get(client, world.staff, other).status_code == 403
    pdf = _url("results_team_pdf", world, c, world.other_team.pk)
    assert _get(client, world.staff, pdf).status_code == 403
    # a member of Pop opens Pop: allowed, but there is nothing to show
    response = _get(client, pulse.pop_staff[0], other)
    assert response.status_code == 200
    assert "Te weinig respondenten" in response.content.decode()


def test_results_team_page_shows_no_comments_to_staff(client, world):
    pulse = pulse_campaign(world)
    html = _get(
        client, world.staff, _url("results_team", world, pulse.campaign.pk, world.team.pk)
    ).content.decode()
    assert "Rups zegt" not in html
    search = _url("results_comments", world, pulse.campaign.pk) + f"?groep=team-{world.team.pk}"
    assert _get(client, world.staff, search).status_code == 403
    assert _get(client, world.coach, search).status_code == 403


def test_results_hidden_team_shows_too_few_and_nothing_else(client, world):
    pulse = pulse_campaign(world)
    response = _get(
        client, world.manager, _url("results_team", world, pulse.campaign.pk, world.other_team.pk)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Te weinig respondenten" in html
    assert "GEHEIM-POP" not in html
    assert "<svg" not in html
    assert "respondenten</p>" not in html  # no n


def test_results_comments_of_a_hidden_group_never_appear_for_that_group(client, world):
    pulse = pulse_campaign(world)
    c = pulse.campaign.pk
    client.force_login(world.manager)
    search = _url("results_comments", world, c) + f"?groep=team-{world.other_team.pk}&q=GEHEIM"
    html = client.get(search).content.decode()
    assert "Te weinig respondenten" in html and "GEHEIM-POP" not in html
    page = client.get(_url("results_team", world, c, world.other_team.pk)).content.decode()
    assert "GEHEIM-POP" not in page
    pdf = client.get(_url("results_team_pdf", world, c, world.other_team.pk))
    assert b"GEHEIM" not in pdf.content  # text streams are compressed: see the pdftotext test
    # the visible team's own list holds only its own comments (read by the board: the
    # manager is one of five respondents outside Rups, so Rups is hidden from them)
    rups = _url("results_comments", world, c) + f"?groep=team-{world.team.pk}"
    client.force_login(world.board)
    html = client.get(rups).content.decode()
    assert "Rups zegt 5" in html and "GEHEIM-POP" not in html


def test_results_comment_search_filters_within_the_group(client, world):
    pulse = pulse_campaign(world)
    client.force_login(world.teamleader)
    url = _url("results_comments", world, pulse.campaign.pk) + f"?groep=team-{world.team.pk}"
    html = client.get(url + "&q=zegt 4").content.decode()
    assert "Rups zegt 4" in html and "Rups zegt 5" not in html


def test_results_while_open_show_no_numbers(client, world):
    pulse = pulse_campaign(world, closed=False)
    html = _get(
        client, world.teamleader, _url("results_team", world, pulse.campaign.pk, world.team.pk)
    ).content.decode()
    assert "zodra de campagne is gesloten" in html
    assert "<svg" not in html


def test_results_team_page_links_to_a_new_action(client, world):
    pulse = pulse_campaign(world)
    html = _get(
        client, world.teamleader, _url("results_team", world, pulse.campaign.pk, world.team.pk)
    ).content.decode()
    expected = (
        reverse("improvement:action_create", args=[world.org.slug])
        + f"?origin=scan&amp;block=pedagogisch-professionals&amp;team={world.team.pk}"
    )
    assert expected in html


def test_results_organisation_hides_the_role_split_and_says_why(client, world):
    """Leadership counted in the teams (3 leaders answered): apart it would be too small, so
    the page takes leadership and staff together and says so; no parents to compare with."""
    pulse = pulse_campaign(world)
    results = CampaignResults(pulse.campaign)
    assert results.plan.is_visible(organisation_ref(world.org).key)
    response = _get(client, world.board, _url("results_organisation", world, pulse.campaign.pk))
    section = response.context["perception"]
    assert section["merged"] and section["shown_labels"] == ["Leiding en medewerkers"]
    assert section["rows"] == [] and section["svg"] is None
    html = response.content.decode()
    assert "Leiding en medewerkers staan hier samen" in html
    assert "Er is nog geen afgesloten oudercampagne" in html


def test_results_trend_shows_earlier_campaigns_only_where_visible(world):
    from lerend.scans.models import Campaign

    from .test_campaign_support import close_in_past

    first = pulse_campaign(world, title="Pulse voorjaar")
    close_in_past(first.campaign)
    Campaign.objects.filter(pk=first.campaign.pk).update(closed_at=None)
    second = pulse_campaign(world, title="Pulse najaar")
    results = CampaignResults(second.campaign)
    assert [c.pk for c in results.earlier_campaigns()] == [first.campaign.pk]
    points = results.trend(organisation_ref(world.org))
    assert [p.campaign.title for p in points] == ["Pulse voorjaar", "Pulse najaar"]
    # Four new staff joined Rups and three joined Pop between the two pulses: fewer than k
    # joiners per team, so neither the team nor anything that contains it is compared
    # (route 4; tests/scans/test_routes.py shows the comparison when nobody changed).
    assert not points[0].visible and points[0].means == {}
    assert [p.visible for p in results.trend(team_ref(world.team))] == [False, True]
    assert results.trend(team_ref(world.other_team)) == []  # hidden now: no trend either


@pytest.mark.parametrize(
    ("persona", "status"), [("board", 200), ("manager", 200), ("teamleader", 200), ("staff", 403)]
)
def test_results_heatmap_personas(client, world, persona, status):
    pulse = pulse_campaign(world)
    url = _url("results_heatmap", world, pulse.campaign.pk)
    response = _get(client, getattr(world, persona), url)
    assert response.status_code == status
    if persona == "teamleader":
        html = response.content.decode()
        assert "Groep Rups" in html and "Groep Pop" not in html  # only teams they cover
