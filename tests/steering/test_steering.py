"""The steering view (issue 17 §3): who may open which scope, what it says, and that no
number the anonymity gate would not publish reaches the page, the PDF or the XLSX."""

import datetime
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lerend.improvement.models import Action, BoardSession, Goal
from lerend.monitoring.models import CheckIn, Indicator
from lerend.organisations.models import Role
from lerend.scans import results
from tests.factories import OrganisationFactory, member

from .records import build, two_rounds

pytestmark = pytest.mark.django_db
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "pdf"


def _url(world, name, *args):
    return reverse(f"steering:{name}", args=[world.org.slug, *args])


@pytest.fixture
def steered(world):
    """Three locations (the world's own De Vlinder first), two rounds of the pulse."""
    return two_rounds(build(world.org, world.admin, locations=3, first=world.location))


def _get(client, person, url):
    client.force_login(person)
    return client.get(url)


# --- who may open what --------------------------------------------------------------------


def test_steering_scopes_per_persona(client, world, steered):
    mine, other = steered.locations[0], steered.locations[1]
    own_team, other_team = steered.big[0], steered.big[1]
    leader = member(world.org, Role.TEAMLEIDER, team=own_team)
    pages = {
        "org": _url(world, "organisation"),
        "loc": _url(world, "location", mine.pk),
        "other_loc": _url(world, "location", other.pk),
        "team": _url(world, "team", own_team.pk),
        "other_team": _url(world, "team", other_team.pk),
    }
    expected = {
        world.board: {"org": 200, "loc": 200, "other_loc": 200, "team": 200, "other_team": 200},
        world.admin: {"org": 200, "loc": 200, "other_loc": 200, "team": 200, "other_team": 200},
        world.manager: {"org": 403, "loc": 200, "other_loc": 403, "team": 200, "other_team": 403},
        leader: {"org": 403, "loc": 403, "other_loc": 403, "team": 200, "other_team": 403},
        world.staff: {"org": 403, "loc": 403, "other_loc": 403, "team": 403, "other_team": 403},
        world.coach: {"org": 403, "loc": 403, "other_loc": 403, "team": 403, "other_team": 403},
    }
    for person, statuses in expected.items():
        got = {key: _get(client, person, url).status_code for key, url in pages.items()}
        assert got == statuses, person.email
    # The same rules guard the reports.
    for name, args in (("team_report_pdf", [other_team.pk]), ("team_report_xlsx", [other_team.pk])):
        assert _get(client, leader, _url(world, name, *args)).status_code == 403
    assert _get(client, world.outsider, pages["org"]).status_code == 404


def test_steering_menu_entry_leads_each_leader_to_their_own_scope(client, world, steered):
    leader = member(world.org, Role.TEAMLEIDER, team=steered.big[0])
    cases = {
        world.board: _url(world, "organisation"),
        world.manager: _url(world, "location", world.location.pk),
        leader: _url(world, "team", steered.big[0].pk),
    }
    for person, url in cases.items():
        home = _get(client, person, reverse("web:org_home", args=[world.org.slug]))
        assert f'href="{url}"' in home.content.decode(), person.email
    home = _get(client, world.staff, reverse("web:org_home", args=[world.org.slug]))
    assert "/sturen/" not in home.content.decode()


# --- what it says ---------------------------------------------------------------------------


def test_steering_organisation_signals_and_trend(client, world, steered):
    """Round 1: every location 3,4 (six answer 4, five answer 4, three answer 1: 47/14);
    round 2: De Vlinder's large team answers 2, so De Vlinder is 2,5 (35/14) and the
    organisation 3,1 (129/42): a drop of 0,3 and a location clearly below."""
    page = _get(client, world.board, _url(world, "organisation")).content.decode()
    org = world.org.name
    assert f"12 building blocks dropped in {org} since the previous round" in page or (
        f"12 bouwstenen zijn in {org} gedaald sinds de vorige ronde" in page
    )
    assert "Cultuur 3,4 → 3,1" in page
    assert f"De Vlinder scores clearly below {org} on 12 building blocks" in page or (
        f"De Vlinder scoort op 12 bouwstenen duidelijk onder {org}" in page
    )
    # A chart per building block, with a table of every round as its alternative.
    assert page.count('class="chart chart--lines"') == 12
    assert "Pulse dit jaar" in page


def test_steering_improvement_signals_and_pipeline(client, world, steered):
    today = timezone.localdate()
    team = steered.big[0]
    goal = Goal.objects.create(
        organisation=world.org,
        level="team",
        team=team,
        title="Samen spelen buiten",
        starts_on=today - datetime.timedelta(days=200),
        ends_on=today - datetime.timedelta(days=3),
    )
    Action.objects.create(
        organisation=world.org,
        team=team,
        goal=goal,
        title="Buitenkast ordenen",
        due_on=today,
        owner=world.teamleader,
        status="klaar",
        follow_up_asked_on=today - datetime.timedelta(days=2),
    )
    Action.objects.create(
        organisation=world.org,
        team=team,
        goal=goal,
        title="Regels maken",
        due_on=today,
        owner=world.teamleader,
        status="klaar",
        outcome="ja",
    )
    for t in steered.big + steered.middle + steered.small + [world.team, world.other_team]:
        if t != team:
            BoardSession.objects.create(team=t, held_on=today, created_by=world.admin)
    page = _get(client, world.board, _url(world, "location", world.location.pk)).content.decode()
    assert "Samen spelen buiten" in page  # past its end date
    assert "1 finished action waits" in page or "1 afgeronde actie wacht" in page
    assert f"{team.name} has not held a board session yet" in page or (
        f"{team.name} heeft nog geen bordsessie gehouden" in page
    )
    # The pipeline: 1 open goal, 2 actions, 2 done, 1 answered, 1 worked (100%).
    assert "<td>1</td><td>2</td><td>2</td><td>1</td><td>1 <span" in page.replace("\n", "")


def test_steering_monitoring_indicator_behind_is_a_signal(client, world, steered):
    today = timezone.localdate()
    indicator = Indicator.objects.create(
        organisation=world.org,
        level="organisation",
        title="Welbevinden op 4-5",
        kind="uitkomst",
        unit="%",
        baseline=60,
        baseline_on=today - datetime.timedelta(days=100),
        target=80,
        direction="hoger",
        cadence="maand",
        source="handmatig",
    )
    CheckIn.objects.create(indicator=indicator, measured_on=today, value=55)
    page = _get(client, world.board, _url(world, "organisation")).content.decode()
    assert "Welbevinden op 4-5" in page
    assert "55,0" in page and "80,0" in page


def test_steering_low_response_while_a_campaign_runs(client, world, steered):
    from lerend.scans import services
    from lerend.scans.models import ScanInvitation
    from lerend.scans.services_respond import submit

    campaign = services.create_campaign(
        organisation=world.org,
        actor=world.admin,
        instrument_version=services.shipped_version("pulse"),
        title="Pulse nu",
        audience="staff",
        role_groups=("leiding", "medewerkers"),
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    services.launch_campaign(campaign=campaign, actor=world.admin)
    for person in steered.staff[steered.big[1].pk]:
        invitation = ScanInvitation.objects.get(campaign=campaign, person=person)
        invitation.draft = {"answers": {"pulse.team": 4}, "comments": {}, "page": 1}
        submit(invitation=invitation, instrument=campaign.instrument_version.instrument)
    page = _get(client, world.board, _url(world, "organisation")).content.decode()
    assert "Pulse nu:" in page
    # Six of the invited answered: the organisation's rate is low, and so is De Vlinder's (0%).
    assert "De Vlinder has answered 0%" in page or "De Vlinder heeft tot nu toe 0%" in page


# --- anonymity: the one gate on page, PDF and XLSX -----------------------------------------


def _xlsx_rows(content, sheet):
    book = load_workbook(io.BytesIO(content), read_only=True)
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def test_small_team_never_shows_numbers_in_page_pdf_or_xlsx(client, world, steered, tmp_path):
    """Klein answered 1 on everything (three people, k = 5): nowhere may a number of theirs
    appear — nor of Midden, whose numbers would give Klein's away ("location minus Groot
    minus Midden")."""
    location = steered.locations[0]
    small, middle = steered.small[0].name, steered.middle[0].name
    for url in (_url(world, "location", location.pk), _url(world, "organisation")):
        page = _get(client, world.board, url).content.decode()
        assert "1,0" not in page
    page = _get(client, world.board, _url(world, "location", location.pk)).content.decode()
    table = re.sub(r">\s+<", "><", page.split('class="steering-table"')[1])
    for name in (small, middle):
        row = table.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]
        assert "Not shown" in row or "Niet getoond" in row
    assert f'<th scope="row">{steered.big[0].name}</th><td>2,0' in table

    for url, groot_shown in (
        (_url(world, "location_report_xlsx", location.pk), True),
        (_url(world, "organisation_report_xlsx"), False),
    ):
        response = _get(client, world.board, url)
        assert response.status_code == 200
        book = load_workbook(io.BytesIO(response.content), read_only=True)
        sheet = book.worksheets[1]  # after the signals: the building blocks
        # A write-only sheet leaves a row's trailing empty cells out.
        rows = [(list(r) + [None] * 5)[:5] for r in sheet.iter_rows(values_only=True)][1:]
        assert rows, url
        assert all(r[4] is None for r in rows if r[2] in (small, middle)), url
        assert all(r[4] != 1.0 for r in rows), url
        groot = [r[4] for r in rows if r[2] == steered.big[0].name]
        assert (2.0 in groot) is groot_shown, url

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing")
    response = _get(client, world.board, _url(world, "location_report_pdf", location.pk))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "1,0" not in text
    assert "2,0" in text  # Groot's score, which may be shown, is there


def test_teamleader_sees_only_their_own_team(client, world, steered):
    own, other = steered.big[0], steered.big[1]
    leader = member(world.org, Role.TEAMLEIDER, team=own)
    page = _get(client, leader, _url(world, "team", own.pk)).content.decode()
    assert own.name in page
    # No other team's, location's or the organisation's figures: their names are absent.
    for name in (other.name, steered.locations[0].name, steered.locations[1].name):
        assert name not in page, name
    # Not the organisation either: a teamleider does not open the organisation's results.
    assert world.org.name not in page.split('class="steering-table"')[1].split("</table>")[0]
    rows = page.split('class="steering-table"')[1].split("</table>")[0]
    assert rows.count('<th scope="row">') == 1  # only the own team
    xlsx = _get(client, leader, _url(world, "team_report_xlsx", own.pk))
    groups = {r[2] for r in _xlsx_rows(xlsx.content, xlsx_sheet(xlsx.content))[1:]}
    assert groups == {own.name}


def xlsx_sheet(content) -> str:
    return load_workbook(io.BytesIO(content), read_only=True).sheetnames[1]


def test_board_report_pdf_is_one_page_with_the_charts(client, world, steered, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils missing")
    response = _get(client, world.board, _url(world, "organisation_report_pdf"))
    assert response.status_code == 200
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / "steering-board-report.pdf"
    path.write_bytes(response.content)
    for old in OUTPUT.glob("steering-page*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(path), str(OUTPUT / "steering-page")], check=True
    )
    pages = sorted(OUTPUT.glob("steering-page*.png"))
    assert len(pages) == 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Cultuur" in text and "3,1" in text


# --- flat pages -------------------------------------------------------------------------------


def _queries(client, person, url) -> int:
    results.clear_memos()
    client.force_login(person)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_steering_queries_do_not_grow_with_locations_and_teams(client, world):
    small_org = world.org
    big_org = OrganisationFactory(name="Stichting Groot", slug="groot")
    big_admin = member(big_org, Role.BEHEERDER)
    big_board = member(big_org, Role.BESTUURDER)
    two_rounds(build(small_org, world.admin, locations=1, first=world.location))
    big = two_rounds(build(big_org, big_admin, locations=3))
    one = _queries(client, world.board, reverse("steering:organisation", args=[small_org.slug]))
    three = _queries(client, big_board, reverse("steering:organisation", args=[big_org.slug]))
    assert one == three
    loc_one = _queries(
        client, world.board, reverse("steering:location", args=[small_org.slug, world.location.pk])
    )
    loc_three = _queries(
        client, big_board, reverse("steering:location", args=[big_org.slug, big.locations[2].pk])
    )
    assert loc_one == loc_three
    xlsx_one = _queries(
        client, world.board, reverse("steering:organisation_report_xlsx", args=[small_org.slug])
    )
    xlsx_three = _queries(
        client, big_board, reverse("steering:organisation_report_xlsx", args=[big_org.slug])
    )
    assert xlsx_one == xlsx_three


# --- the same numbers as the results pages ------------------------------------------------


def test_block_series_gives_the_results_pages_values(world, steered):
    """Teams are read in one lean pass (``_team_means``); every value must equal what
    ``CampaignResults.many`` (the results pages' heatmap) gives that team and block, for the
    same reader — and a hidden team stays hidden."""
    teams = steered.big + steered.middle + steered.small
    series = results.block_series(
        world.org, reader=world.board, locations=steered.locations, teams=teams
    )
    assert len(series) == 1 and len(series[0].campaigns) == 2
    for number, campaign in enumerate(series[0].campaigns):
        page = results.CampaignResults(campaign, reader=world.board)
        refs = [results.team_ref(t) for t in teams]
        for group in page.many(refs, "team_key"):
            got = series[0].scores[group.ref.key][number]
            if not group.visible:
                assert got is None
                continue
            expected = {
                d.building_block: d.mean
                for d in group.dimensions
                if d.has_answers and not d.suppressed
            }
            if number == 1:  # the newest round: nothing dropped by the comparison
                assert got == expected
            else:
                assert got in (None, expected)
    small_keys = [results.team_ref(t).key for t in steered.small]
    assert all(v is None for key in small_keys for v in series[0].scores[key])


def test_home_shows_the_steering_signals_to_board_and_location_manager(client, world, steered):
    home = reverse("web:org_home", args=[world.org.slug])
    for person, link in (
        (world.board, _url(world, "organisation")),
        (world.manager, _url(world, "location", world.location.pk)),
    ):
        page = _get(client, person, home).content.decode()
        assert 'id="home-steering"' in page, person.email
        assert "steering-signal" in page
        assert f'href="{link}"' in page
    for person in (world.teamleader, world.staff, world.coach):
        assert 'id="home-steering"' not in _get(client, person, home).content.decode()


def test_block_series_is_kept_under_its_exact_inputs(world, steered, monkeypatch):
    """The series' scores are kept per process and in the shared cache (a fresh worker reads
    them) under every input: another reader position, other groups or one response fewer
    is another key, worked out again through the gate — never someone else's numbers."""
    from lerend.scans.models import Response
    from lerend.scans.results import series as series_module

    newest = results.block_series(world.org, reader=world.board)[0].campaigns[-1]
    calls = []
    real = series_module._scores

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(series_module, "_scores", counting)
    teams = steered.big + steered.middle + steered.small

    def scores(reader=world.board, groups=teams):
        found = results.block_series(
            world.org, reader=reader, locations=steered.locations, teams=groups
        )
        return [s.scores for s in found]

    results.clear_memos()
    first = scores()
    assert len(calls) == 1
    results.clear_memos(shared=False)  # a fresh worker process
    assert scores() == first and len(calls) == 1
    assert scores(groups=teams[:1]) and len(calls) == 2
    member_reader = steered.big[0].memberships.filter(role=Role.MEDEWERKER).first()
    if member_reader is not None:
        scores(reader=member_reader.person)
        assert len(calls) == 3
        calls.pop()
    Response.objects.filter(campaign=newest).order_by("pk").first().delete()
    results.clear_memos(shared=False)
    again = scores()
    assert len(calls) == 3
    results.clear_memos()  # worked out from nothing: the same as the kept value
    assert scores() == again


def test_warming_at_close_leaves_the_leaders_pages_nothing_to_compute(
    client, world, steered, monkeypatch
):
    """The worker works out, when a campaign closes, the series the organisation's page and
    home card of the bestuurder and the location page of the locatiemanager read, exactly as
    those pages ask for them: a fresh worker process then computes no series for them."""
    from lerend.scans import steering as scans_steering
    from lerend.scans.results import series as series_module

    results.clear_memos()
    assert scans_steering.warm(world.org) >= 3
    results.clear_memos(shared=False)  # a fresh worker process
    calls = []
    real = series_module._scores

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(series_module, "_scores", counting)
    pages = [
        (world.board, _url(world, "organisation")),
        (world.board, reverse("web:org_home", args=[world.org.slug])),
        (world.manager, _url(world, "location", world.location.pk)),
    ]
    for person, url in pages:
        assert _get(client, person, url).status_code == 200
    assert calls == []
    # A page nobody warmed (another location, as the bestuurder) is worked out on its read.
    _get(client, world.board, _url(world, "location", steered.locations[1].pk))
    assert calls == [1]
