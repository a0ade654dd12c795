"""Issue 10: each route by which a leader, coach or colleague could read someone's answers.
Every test first builds the shape that leaked (and shows, with the attacker's own
arithmetic, that it would leak under the old rule), then that the product now closes it.
docs/anonymity.md explains each rule; the property tests are in test_routes_properties.py.
"""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from lerend.organisations.models import Role
from lerend.scans import disclosure, exports, selectors, services
from lerend.scans.models import AccessCode, Campaign, Response, ScanInvitation
from lerend.scans.results import CampaignResults, location_ref, organisation_ref, team_ref
from lerend.scans.results.plan import results_ready
from lerend.scans.services_respond import DONT_KNOW, CodeExhausted, start_with_code, submit
from tests.factories import member

from .test_campaign_support import launched, make_campaign
from .test_results_support import FIRST, SECOND, answer, close

K = 5


def _staff(world, team, count):
    return [member(world.org, Role.MEDEWERKER, team=team) for _ in range(count)]


def _url(name, world, *args):
    return reverse(f"scans:{name}", args=[world.org.slug, *args])


# --- route 1: ballot stuffing through shared codes --------------------------------------------


def _parents(world):
    return launched(world, key="ouders", audience="parents", role_groups=())


def test_route1_a_code_starts_one_answer_so_a_leader_cannot_stuff_the_ballot(world):
    """The leak: one code per group with 40 uses — a leader answers 4 times with known
    answers next to one real parent and subtracts. Now every letter works once."""
    campaign = _parents(world)
    letters = selectors.letters_by_team(campaign)[world.team.pk]
    assert len(letters) == 30 and {c.use_limit for c in letters} == {1}
    parent = letters[0]
    start_with_code(code=parent)  # the real parent
    for _attempt in range(4):  # the leader, with the same code
        with pytest.raises(CodeExhausted):
            start_with_code(code=parent)
    assert ScanInvitation.objects.filter(campaign=campaign).count() == 1
    assert AccessCode.objects.get(pk=parent.pk).uses == 1


def test_route1_codes_are_shown_only_to_whoever_hands_them_out(client, world):
    campaign = _parents(world)
    code = selectors.letters_by_team(campaign)[world.team.pk][0].code
    detail = _url("detail", world, campaign.pk)
    letters = _url("letters", world, campaign.pk, world.team.pk)
    for persona in ("teamleader", "coach"):  # they see the campaign, never a code
        client.force_login(getattr(world, persona))
        html = client.get(detail).content.decode()
        assert "Brieven voor ouders en leerlingen" in html and code not in html
        assert client.get(letters).status_code == 403
    client.force_login(world.staff)
    assert client.get(letters).status_code == 403
    client.force_login(world.outsider)
    assert client.get(letters).status_code == 404
    client.force_login(world.admin)
    assert code not in client.get(detail).content.decode()  # counts only on the detail page
    page = client.get(letters)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="letter card') == 30 and code in html and "<svg" in html
    # Whoever hands the letters out knows which family got which: never whether it was used.
    start_with_code(code=AccessCode.objects.get(code=code))
    after = client.get(letters).content.decode()

    def listed(page):
        return page[page.index('<ol class="letters') : page.index("</ol>")]

    assert listed(after) == listed(html)
    audit = world.org.audit_entries.filter(action="campaign.letters")
    assert [e.after for e in audit] == [{"team": world.team.pk, "letters": 30}] * 2  # each look


def test_route1_campaigns_answered_through_shared_codes_show_no_results(world):
    """Responses through a shared code cannot be tied to one family: the migration spends
    such codes and withholds the campaign's results."""
    campaign = _parents(world)
    shared = AccessCode.objects.filter(campaign=campaign, team_key=world.team.pk).first()
    AccessCode.objects.filter(campaign=campaign).exclude(pk=shared.pk).delete()
    AccessCode.objects.filter(pk=shared.pk).update(use_limit=40)
    for _parent in range(6):
        invitation = ScanInvitation.objects.get(
            token_hash=services.hash_token(start_with_code(code=shared))
        )
        invitation.draft = {"answers": {"ouders.partnerschap.1": 4}}
        submit(invitation=invitation, instrument=campaign.instrument_version.instrument)
    close(campaign, world)
    assert results_ready(Campaign.objects.get(pk=campaign.pk))  # the old shape: shown
    migration = importlib.import_module("lerend.scans.migrations.0005_single_use_letters")
    migration.retire_shared_codes(apps, None)
    campaign.refresh_from_db()
    shared.refresh_from_db()
    assert (campaign.codes_single_use, shared.use_limit, shared.uses) == (False, 6, 6)
    assert not results_ready(campaign)
    assert not CampaignResults(campaign, reader=world.board).is_ready


# --- route 2: readers inside the group ------------------------------------------------------


def _team_of_k(world, rups_extra=K - 1, pop=K):
    """Staff only (leaders do not take part). Rups: world.staff + ``rups_extra``."""
    rups = [world.staff, *_staff(world, world.team, rups_extra)]
    others = _staff(world, world.other_team, pop)
    campaign = launched(world, role_groups=("medewerkers",))
    for n, person in enumerate(rups):
        answer(campaign, person, {FIRST: 1 + n % 5, SECOND: 4})
    for person in others:
        answer(campaign, person, {FIRST: 3, SECOND: 3})
    return close(campaign, world)


def test_route2_a_member_of_a_team_of_k_does_not_see_it(client, world):
    campaign = _team_of_k(world)
    everybody = CampaignResults(campaign)
    mine = CampaignResults(campaign, reader=world.staff)
    rups = team_ref(world.team)
    cells = mine.strict
    assert cells == {disclosure.Stratum(world.location.pk, world.team.pk, "medewerkers")}
    # The leak: shown to everybody, the team's five answers minus their own leave four.
    assert everybody.is_visible(rups) and everybody.plan.n(rups.key) == K
    leaks = disclosure.find_violations(
        everybody.plan.visible_groups, mine.counts, K, strict_cells=cells
    )
    assert leaks and all(cells & atom for atom in leaks)
    # Closed: not shown to them on any surface, and nothing they see adds up to it.
    assert not mine.is_visible(rups)
    seen = mine.plan.visible_groups
    assert disclosure.find_violations(seen, mine.counts, K, strict_cells=cells) == []
    assert {key[0] for key in mine.plan.visible_keys} == {
        "organisation",
        "location",
        "role_group",
        "role_group_in_location",
    }
    client.force_login(world.staff)
    page = client.get(_url("results_team", world, campaign.pk, world.team.pk))
    assert not page.context["group"].visible
    assert "Te weinig respondenten" in page.content.decode()
    assert not mine.group(rups).visible and mine.comments(rups, role_allowed=True) == []
    # The board did not answer in Rups: it sees the team.
    assert CampaignResults(campaign, reader=world.board).is_visible(rups)


def test_route2_a_member_sees_their_team_when_k_others_remain(world):
    campaign = _team_of_k(world, rups_extra=K)
    mine = CampaignResults(campaign, reader=world.staff)
    assert mine.is_visible(team_ref(world.team)) and mine.plan.n(team_ref(world.team).key) == 6


def test_route2_in_the_api_and_the_pdf(client, world, make_key, api_get):
    campaign = _team_of_k(world)
    body = api_get(
        f"/o/regenboog/scans/{campaign.pk}/results/teams/{world.team.pk}", make_key(world.staff)
    ).json()
    assert (body["group"]["visible"], body["group"]["respondents"]) == (False, None)
    client.force_login(world.staff)
    pdf = client.get(_url("results_team_pdf", world, campaign.pk, world.team.pk))
    assert pdf.status_code == 200
    html = client.get(_url("results_team", world, campaign.pk, world.team.pk)).content.decode()
    assert "respondenten</p>" not in html


def test_route2_a_leader_among_k_leaders_apart_cannot_subtract_the_locations(world):
    """Leadership apart: five leaders form one cell. The board sees the organisation and
    every location; "organisation minus the locations" is the leaders — four besides the
    board itself. The board's plan drops a location instead."""
    staff = [world.staff, *_staff(world, world.team, 5), *_staff(world, world.other_team, 6)]
    campaign = launched(world, leaders_apart=True)
    for person in staff:
        answer(campaign, person, {FIRST: 2, SECOND: 2})
    for leader in (world.teamleader, world.manager, world.coach, world.board, world.admin):
        answer(campaign, leader, {FIRST: 5, SECOND: 5})
    close(campaign, world)
    everybody = CampaignResults(campaign)
    board = CampaignResults(campaign, reader=world.board)
    leaders = disclosure.Stratum(None, None, "leiding")
    assert board.strict == {leaders}
    org, vlinder = organisation_ref(world.org), location_ref(world.location)
    assert everybody.is_visible(org) and everybody.is_visible(vlinder)  # the leak
    assert disclosure.find_violations(
        everybody.plan.visible_groups, everybody.counts, K, strict_cells={leaders}
    )
    assert board.is_visible(org) and not board.is_visible(vlinder)
    assert (
        disclosure.find_violations(
            board.plan.visible_groups, board.counts, K, strict_cells={leaders}
        )
        == []
    )


# --- route 3: per-question n ------------------------------------------------------------------


def _few_answers(world):
    """Rups: six respondents, four say "don't know" to FIRST. Pop: six answer everything."""
    rups = [world.staff, *_staff(world, world.team, 5)]
    pop = _staff(world, world.other_team, 6)
    campaign = launched(world, role_groups=("medewerkers",))
    for n, person in enumerate(rups):
        answer(campaign, person, {FIRST: 1 if n < 2 else DONT_KNOW, SECOND: 4})
    for person in pop:
        answer(campaign, person, {FIRST: 4, SECOND: 2})
    return close(campaign, world)


def test_route3_a_dimension_with_fewer_than_k_answers_has_no_numbers(client, world):
    campaign = _few_answers(world)
    results = CampaignResults(campaign, reader=world.board)
    rups = results.group(team_ref(world.team))
    assert rups.visible and rups.respondents == 6
    first, second = rups.dimension("pedagogisch-professionals"), rups.dimension("team")
    # The leak: two answers (mean 1,0) published for a group of six.
    assert Response.objects.filter(campaign=campaign, team_key=world.team.pk).count() == 6
    assert (first.suppressed, first.counts.n, first.mean, first.items) == (True, 0, None, [])
    assert (second.suppressed, second.counts.n, second.mean) == (False, 6, 4.0)
    # Pop has six answers, but "location minus Pop" would be Rups's two: hidden too.
    pop = results.group(team_ref(world.other_team))
    assert pop.dimension("pedagogisch-professionals").suppressed
    location = results.group(location_ref(world.location)).dimension("pedagogisch-professionals")
    assert (location.suppressed, location.counts.n, location.mean) == (False, 8, 3.25)
    client.force_login(world.board)
    html = client.get(_url("results_team", world, campaign.pk, world.team.pk)).content.decode()
    assert "minimumaantal" in html and "1,0" not in html
    rows = exports.aggregate_rows(campaign, world.board)
    # Teams are labelled "location · team" in the export (team names repeat across schools).
    team_rows = {(r[1].split(" · ")[-1], r[4]): r[5:7] for r in rows if r[0] == "Team"}
    assert team_rows[("Groep Rups", "pedagogisch-professionals")] == [0, None]
    assert team_rows[("Groep Pop", "pedagogisch-professionals")] == [0, None]
    assert team_rows[("Groep Pop", "team")] == [6, 2.0]


def test_route3_the_advice_scores_leave_out_a_block_with_few_answers(world):
    from lerend.scans.results import block_scores

    campaign = _few_answers(world)
    scores = block_scores(world.org, reader=world.board, team=world.team, campaign=campaign)
    assert scores == {"team": 4.0}
    location = block_scores(
        world.org, reader=world.board, location=world.location, campaign=campaign
    )
    assert location == {"pedagogisch-professionals": 3.25, "team": 3.0}


# --- route 5: time ------------------------------------------------------------------------


def test_route5_live_response_counts_go_through_the_plan(world):
    """While a campaign runs, leaders see responses per group. The leak: "location minus
    Rups" gives the participation of Pop's three people. Counts are planned on invited."""
    _staff(world, world.team, 5)
    _staff(world, world.other_team, 3)
    campaign = launched(world, role_groups=("medewerkers",))
    for invitation in ScanInvitation.objects.filter(campaign=campaign):
        submit(invitation=invitation, instrument=campaign.instrument_version.instrument)
    rows = {row["label"]: row for row in selectors.response_overview(campaign)["rows"]}
    assert rows["De Vlinder"]["responded"] == 9
    assert rows["Groep Rups"]["responded"] is None  # 6 invited, but would expose Pop
    assert rows["Groep Pop"]["responded"] is None


def test_route5_no_date_finer_than_the_campaign_leaves(client, world, make_key, api_get):
    campaign = _team_of_k(world, rups_extra=K)
    Response.objects.filter(campaign=campaign).update(
        submitted_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    key = make_key(world.board)
    texts = [
        api_get("/o/regenboog/scans", key).content.decode(),
        api_get(f"/o/regenboog/scans/{campaign.pk}/results/organisation", key).content.decode(),
        "".join(exports.raw_csv(campaign, world.board)),
        "".join(exports.aggregate_csv(campaign, world.board)),
    ]
    allowed = {campaign.opens_on.isoformat(), campaign.closes_on.isoformat()}
    for text in texts:
        assert set(re.findall(r"\d{4}-\d{2}(?:-\d{2})?", text)) <= allowed


# --- route 4: campaign against campaign ----------------------------------------------------


def _pulse_round(world, title, people, *, leaders=(), leaders_apart=False, back=0):
    """A closed staff pulse in which ``people`` and ``leaders`` answer; ``back`` moves it that
    many months into the past (so the trend orders the rounds)."""
    role_groups = ("leiding", "medewerkers") if leaders else ("medewerkers",)
    campaign = launched(world, title=title, role_groups=role_groups, leaders_apart=leaders_apart)
    for n, person in enumerate([*people, *leaders]):
        answer(campaign, person, {FIRST: 1 + n % 5, SECOND: 3})
    close(campaign, world)
    today = timezone.localdate()
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=today - datetime.timedelta(days=30 * back + 10),
        closes_on=today - datetime.timedelta(days=30 * back + 1),
    )
    campaign.refresh_from_db()
    return campaign


def test_route4_a_joiner_is_not_compared_with_the_round_before(world):
    rups = [world.staff, *_staff(world, world.team, 5)]
    pop = _staff(world, world.other_team, 6)
    spring = _pulse_round(world, "Voorjaar", rups + pop, back=3)
    # Unchanged population: the earlier round stands next to this one everywhere.
    summer = _pulse_round(world, "Zomer", rups + pop, back=1)
    results = CampaignResults(summer, reader=world.board)
    for ref in (organisation_ref(world.org), team_ref(world.team), team_ref(world.other_team)):
        assert [p.visible for p in results.trend(ref)] == [True, True]
    # The leak: one person joins Rups; assuming everyone else answers as before, "Rups now
    # minus Rups then" is the joiner's answer. Each round on its own is safe (k = 5).
    joiner = _staff(world, world.team, 1)[0]
    autumn = _pulse_round(world, "Najaar", rups + pop + [joiner])
    results = CampaignResults(autumn, reader=world.board)
    assert [c.title for c in results.earlier_campaigns()] == ["Voorjaar", "Zomer"]
    rups_now = results.trend(team_ref(world.team))
    assert [(p.campaign.title, p.visible) for p in rups_now] == [
        ("Voorjaar", False),
        ("Zomer", False),
        ("Najaar", True),
    ]
    # Whatever contains Rups is not compared either (organisation minus Pop = Rups);
    # Pop did not change and keeps its trend.
    assert [p.visible for p in results.trend(organisation_ref(world.org))] == [False] * 2 + [True]
    assert [p.visible for p in results.trend(team_ref(world.other_team))] == [True] * 3
    assert spring.pk != summer.pk


def test_route4_leaders_moved_by_the_leaders_apart_switch_are_not_compared(world):
    rups = [world.staff, *_staff(world, world.team, 5)]
    pop = _staff(world, world.other_team, 6)
    # Enough leaders that the board, reading as one of them, keeps k others (route 2).
    more = [
        member(world.org, Role.COACH, location=world.location),
        member(world.org, Role.BESTUURDER),
    ]
    leaders = [world.teamleader, world.manager, world.coach, world.board, world.admin, *more]
    _pulse_round(world, "Voorjaar", rups + pop, leaders=leaders, back=2)
    autumn = _pulse_round(world, "Najaar", rups + pop, leaders=leaders, leaders_apart=True)
    results = CampaignResults(autumn, reader=world.board)
    # In spring the team leader counted in Rups; now in the leaders' cell: Rups lost one.
    assert [p.visible for p in results.trend(team_ref(world.team))] == [False, True]
    assert [p.visible for p in results.trend(team_ref(world.other_team))] == [True, True]


def test_route4_the_dashboard_trend_follows_the_same_rule(world):
    from lerend.scans.results import block_trend

    rups = [world.staff, *_staff(world, world.team, 5)]
    pop = _staff(world, world.other_team, 6)
    _pulse_round(world, "Voorjaar", rups + pop, back=2)
    joiner = _staff(world, world.team, 1)[0]
    _pulse_round(world, "Najaar", rups + pop + [joiner])
    points = block_trend(world.org, reader=world.board, team=world.team)
    assert [(c.title, scores is not None) for c, scores in points] == [
        ("Voorjaar", False),
        ("Najaar", True),
    ]
    points = block_trend(world.org, reader=world.board, team=world.other_team)
    assert [scores is not None for _c, scores in points] == [True, True]


def test_route4_overlapping_campaigns_for_almost_the_same_people_cannot_both_run(world):
    """Two pulses in the same weeks, one for Rups and Pop, one for Rups only, with three in
    Pop: "both minus Rups" would be Pop's three. The second cannot launch."""
    _staff(world, world.team, 5)
    _staff(world, world.other_team, 2)  # Pop: world has no staff there; now two, + below
    _staff(world, world.other_team, 1)
    both = launched(world, role_groups=("medewerkers",), teams=[world.team, world.other_team])
    assert both.launched_at is not None
    rups_only = make_campaign(world, role_groups=("medewerkers",), teams=[world.team])
    with pytest.raises(services.CannotLaunch, match="minder dan 5 mensen verschillen"):
        services.launch_campaign(campaign=rups_only, actor=world.admin)
    assert ScanInvitation.objects.filter(campaign=rups_only).count() == 0
    # The same people, or clearly different ones, may run side by side.
    same = make_campaign(world, role_groups=("medewerkers",), teams=[world.team, world.other_team])
    assert services.launch_campaign(campaign=same, actor=world.admin).launched_at is not None
    _staff(world, world.other_team, 2)  # Pop now five: Rups-only differs from both by five
    later = make_campaign(world, role_groups=("medewerkers",), teams=[world.team])
    with pytest.raises(services.CannotLaunch):
        services.launch_campaign(campaign=later, actor=world.admin)  # vs "same": 3 differ


# --- route 6: free text ---------------------------------------------------------------------


def _commented(world, comments):
    rups = [world.staff, *_staff(world, world.team, 5)]
    campaign = launched(world, role_groups=("medewerkers",))
    for person, text in zip(rups, comments, strict=False):
        answer(campaign, person, {FIRST: 3, SECOND: 3}, {"pulse.open": text})
    for person in rups[len(comments) :]:
        answer(campaign, person, {FIRST: 3, SECOND: 3})
    return close(campaign, world)


def test_route6_names_of_colleagues_are_masked_before_anyone_reads_them(client, world):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=world.teamleader.pk).update(name="Jan de Vries")
    text = "Jan de Vries luistert nooit, en Vries zegt dat het aan de bos ligt."
    campaign = _commented(world, [text, "Fijn team"])
    client.force_login(world.board)
    url = _url("results_comments", world, campaign.pk) + f"?groep=team-{world.team.pk}"
    html = client.get(url).content.decode()
    assert "Jan" not in html and "Vries" not in html  # the leak: the name as written
    assert "[naam] luistert nooit, en [naam] zegt dat het aan de bos ligt." in html
    assert "Fijn team" in html
    # A search for the name finds nothing.
    assert "luistert" not in client.get(url + "&q=vries").content.decode()


def test_route6_a_comment_naming_a_role_waits_for_the_campaign_manager(client, world):
    text = "Als intern begeleider voel ik me niet gehoord."
    campaign = _commented(world, [text, "Fijn team"])
    url = _url("results_comments", world, campaign.pk) + f"?groep=team-{world.team.pk}"
    review = _url("comment_review", world, campaign.pk)
    client.force_login(world.board)
    assert "intern begeleider" not in client.get(url).content.decode()  # held back
    client.force_login(world.teamleader)
    assert client.get(review).status_code == 403
    client.force_login(world.outsider)
    assert client.get(review).status_code == 404
    client.force_login(world.admin)
    page = client.get(review)
    [flagged] = page.context["comments"]
    assert (flagged["text"], flagged["roles"], flagged["state"]) == (
        text,
        ["intern begeleider"],
        "flagged",
    )
    assert str(Response.objects.filter(campaign=campaign).first().pk) not in flagged["key"]
    client.post(review, {"key": flagged["key"], "decision": "published"})
    assert text in client.get(url).content.decode()
    client.post(review, {"key": flagged["key"], "decision": "hidden"})
    assert text not in client.get(url).content.decode()
    decisions = world.org.audit_entries.filter(action="comment.review")
    assert [e.after for e in decisions.order_by("id")] == [
        {"decision": "published"},
        {"decision": "hidden"},
    ]
    assert client.post(review, {"key": "0" * 24, "decision": "hidden"}).status_code == 404


def test_route6_and_7_respondents_are_told(client, world):
    campaign = launched(world, role_groups=("medewerkers",))
    invitation = ScanInvitation.objects.get(campaign=campaign, person=world.staff)
    html = client.get(reverse("respond:start", args=[services.token_for(invitation.nonce)]))
    text = html.content.decode()
    assert "Namen van mensen die je in een open antwoord schrijft, halen we weg" in text
    assert "Als iedereen in een groep hetzelfde antwoord geeft" in text


def test_route4_a_pulse_next_to_a_scan_for_almost_the_same_people_cannot_run(world):
    """A scan and a pulse measure the same building blocks: side by side they compare as
    well as two rounds of one questionnaire."""
    _staff(world, world.team, 5)
    _staff(world, world.other_team, 3)
    launched(
        world,
        key="lerende-organisatiescan",
        role_groups=("medewerkers",),
        teams=[world.team, world.other_team],
    )
    pulse = make_campaign(world, role_groups=("medewerkers",), teams=[world.team])
    with pytest.raises(services.CannotLaunch):
        services.launch_campaign(campaign=pulse, actor=world.admin)


def test_route6_a_name_of_particles_only_is_masked_too():
    """Found by the property test: "Da van der Da" left nothing to mask when every word of
    the name was a particle."""
    from lerend.scans.results.comments import MASK, mask_names, name_tokens

    tokens = name_tokens(["Da van der Da", "Jan de Vries"])
    assert (
        mask_names("Da zegt nooit iets, de rest wel.", tokens)
        == f"{MASK} zegt nooit iets, de rest wel."
    )
