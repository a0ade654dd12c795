import csv
import io
import re

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lerend.kit import numbers
from lerend.organisations.models import Role
from lerend.scans import exports, services
from lerend.scans.models import Response, ScanInvitation
from lerend.scans.services_respond import DONT_KNOW, submit
from tests.factories import LocationFactory, TeamFactory, member

pytestmark = pytest.mark.django_db

BIG_TEAM = 6


def _campaign(org, actor, key="pulse", role_groups=("leiding", "medewerkers"), apart=False):
    """Leadership counts in its own team or location unless ``apart`` (the product default):
    the fixture below is about a team too small to export."""
    today = timezone.localdate()
    campaign = services.create_campaign(
        organisation=org,
        actor=actor,
        instrument_version=services.shipped_version(key),
        title="Pulse najaar",
        audience="staff",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=7),
        role_groups=list(role_groups),
        leaders_apart=apart,
    )
    return services.launch_campaign(campaign=campaign, actor=actor)


def _answer_everyone(campaign, actor, close=True):
    instrument = campaign.instrument_version.instrument
    invitations = ScanInvitation.objects.filter(campaign=campaign).order_by("pk")
    for number, invitation in enumerate(invitations):
        answers = {
            item.key: DONT_KNOW if (number + index) % 7 == 0 else 1 + (number + index) % 5
            for index, item in enumerate(instrument.items)
        }
        invitation.draft = {"answers": answers, "comments": {}}
        submit(invitation=invitation, instrument=instrument)
    if close:
        services.close_campaign(campaign=campaign, actor=actor)
    return campaign


@pytest.fixture
def scan(world):
    """A closed pulse: Groep Rups has 7 respondents (6 + teamleider), Groep Pop only 2 —
    the data that could leak. Other responses exist first, so response ids are not 1..n."""
    elders_team = TeamFactory(location=LocationFactory(organisation=world.other_org))
    for _ in range(30):
        member(world.other_org, team=elders_team)
    _answer_everyone(_campaign(world.other_org, world.outsider), world.outsider)
    for _ in range(BIG_TEAM - 1):
        member(world.org, team=world.team)
    world.other_team.name = "Groep Pop"
    world.other_team.save()
    for _ in range(2):
        member(world.org, team=world.other_team)
    return _answer_everyone(_campaign(world.org, world.board), world.board)


def _url(name, campaign):
    return reverse(f"scan_exports:{name}", args=[campaign.organisation.slug, campaign.pk])


def _raw(client, campaign):
    response = client.get(_url("raw_csv", campaign))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";")), text


@pytest.mark.parametrize("name", ["index", "raw_csv", "results_csv", "results_xlsx"])
def test_exports_personas(client, world, scan, name):
    url = _url(name, scan)
    for persona, status in [
        ("board", 200),
        ("admin", 200),
        ("staff", 403),
        ("teamleader", 403),
        ("manager", 403),
        ("coach", 403),
        ("outsider", 404),
    ]:
        client.force_login(getattr(world, persona))
        assert client.get(url).status_code == status, persona


def test_exports_of_another_organisations_campaign_is_404(client, world, scan):
    other = Response.objects.exclude(campaign=scan).first().campaign
    client.force_login(world.board)
    url = reverse("scan_exports:raw_csv", args=[world.org.slug, other.pk])
    assert client.get(url).status_code == 404


def test_exports_of_an_open_campaign_are_not_available(client, world):
    member(world.org, team=world.team)
    campaign = _answer_everyone(_campaign(world.org, world.board), world.board, close=False)
    client.force_login(world.board)
    assert client.get(_url("raw_csv", campaign)).status_code == 404
    assert client.get(_url("results_xlsx", campaign)).status_code == 404
    page = client.get(_url("index", campaign))
    assert page.status_code == 200
    assert "zodra de campagne gesloten is" in page.content.decode()


def test_raw_export_never_shows_a_stratum_below_k(client, world, scan):
    client.force_login(world.board)
    rows, text = _raw(client, scan)
    assert "Groep Pop" not in text
    assert "Groep Rups" not in text  # Pop is too small, so teams are dropped for everyone
    header = rows[0]
    # Too small strata everywhere below the whole organisation: no strata columns at all.
    assert exports.raw_columns(scan) == ()
    assert header == ["Respons", "Vraag", "Antwoord"]


def test_raw_export_keeps_strata_when_leadership_counts_apart(client, world):
    """Leadership apart: the five leaders form one organisation-wide cell, so location, team
    and role group survive in the raw export (with leaders in their teams nothing does,
    above)."""
    for _ in range(BIG_TEAM - 1):
        member(world.org, team=world.team)
    # A sixth leader: the board exports and is one of the leaders (route 2: k+1).
    member(world.org, Role.COACH, team=world.team)
    campaign = _answer_everyone(_campaign(world.org, world.board, apart=True), world.board)
    assert exports.raw_columns(campaign, world.board) == ("location", "team", "role_group")
    client.force_login(world.board)
    rows, _text = _raw(client, campaign)
    columns = [rows[0].index(name) for name in ("Locatie", "Team", "Functiegroep")]
    items = len(campaign.instrument_version.instrument.items)
    strata = {}
    for row in rows[1:]:
        key = tuple(row[c] for c in columns)
        strata[key] = strata.get(key, 0) + 1
    assert {key: count // items for key, count in strata.items()} == {
        ("De Vlinder", "Groep Rups", "Medewerkers"): BIG_TEAM,
        ("Hele organisatie", "Geen team", "Leiding"): 6,
    }


def test_raw_export_has_fresh_numbers_no_dates_and_no_ids(client, world, scan):
    """Route 5 (time): the export used to carry the month of submission; with live response
    counts that singled out late respondents. No date finer than the campaign leaves."""
    client.force_login(world.board)
    rows, text = _raw(client, scan)
    header, body = rows[0], rows[1:]
    responses = Response.objects.filter(campaign=scan)
    instrument = scan.instrument_version.instrument
    assert len(body) == responses.count() * len(instrument.items)
    numbers = [int(row[0]) for row in body]
    assert sorted(set(numbers)) == list(range(1, responses.count() + 1))
    assert numbers == sorted(numbers)  # numbered in file order
    # Response ids of this campaign start after the other organisation's responses.
    ids = set(responses.values_list("pk", flat=True))
    assert not ids & set(numbers)
    assert "Maand" not in header
    assert not re.search(r"\d{4}-\d{2}", text)  # no month, no day
    question = header.index("Vraag")
    location_ids = {str(world.location.pk), str(world.team.pk), str(world.other_team.pk)}
    for row in body:
        assert not set(row[1:question]) & location_ids
    assert {row[-1] for row in body} <= {"1", "2", "3", "4", "5", "weet ik niet"}
    assert "weet ik niet" in {row[-1] for row in body}


def test_raw_export_keeps_teams_when_every_team_is_large_enough(client, world):
    for _ in range(BIG_TEAM - 1):
        member(world.org, team=world.team)
    for _ in range(BIG_TEAM):
        member(world.org, team=world.other_team)
    campaign = _campaign(world.org, world.board, role_groups=["medewerkers"])
    _answer_everyone(campaign, world.board)
    assert exports.raw_columns(campaign) == ("location", "team", "role_group")
    client.force_login(world.board)
    rows, text = _raw(client, campaign)
    assert "Groep Rups" in text
    # Both exports show the same groups: every exported team is a visible results group.
    results = {(row[0], row[1]) for row in _results_csv(client, campaign)[1:]}
    team = rows[0].index("Team")
    assert {("Team", row[team]) for row in rows[1:]} == {
        ("Team", "Groep Rups"),
        ("Team", "Groep Pop"),
    }
    # The results export labels a team "location · team" (team names repeat across schools).
    location = world.team.location.name
    assert {("Team", f"{location} · {row[team]}") for row in rows[1:]} <= results


def _results_csv(client, campaign):
    response = client.get(_url("results_csv", campaign))
    text = response.getvalue().decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _results_xlsx(client, campaign):
    response = client.get(_url("results_xlsx", campaign))
    sheet = load_workbook(io.BytesIO(response.getvalue()), read_only=True).active
    rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    width = len(rows[0])  # a row ending in empty cells comes back shorter
    return [row + [""] * (width - len(row)) for row in rows]


def test_results_exports_show_only_visible_groups(client, world, scan):
    client.force_login(world.board)
    rows = _results_csv(client, scan)
    groups = {row[1] for row in rows[1:]}
    assert "Groep Pop" not in groups
    assert world.org.name in groups
    counts, plan = exports.published_plan(scan)
    assert len(rows) - 1 == len(plan.visible_groups) * 12
    organisation = next(row for row in rows[1:] if row[1] == world.org.name)
    assert organisation[2] == str(Response.objects.filter(campaign=scan).count())


def _same(value):
    """A cell of either file as a number where it is one: the CSV writes "2,91" (decimal
    comma, Dutch Excel), the XLSX a numeric cell."""
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return value


def test_results_xlsx_matches_the_csv(client, world, scan):
    client.force_login(world.board)
    xlsx = [[_same(v) for v in row] for row in _results_xlsx(client, scan)]
    assert xlsx == [[_same(v) for v in row] for row in _results_csv(client, scan)]
    assert len(xlsx) > 12


def test_raw_and_results_exports_agree_on_groups(client, world, scan):
    """The raw strata are coarsened with the same plan: every location in the raw export is
    a visible group of the results export."""
    client.force_login(world.board)
    results = {(row[0], row[1]) for row in _results_csv(client, scan)[1:]}
    rows, _text = _raw(client, scan)
    if "Locatie" in rows[0]:
        column = rows[0].index("Locatie")
        assert {("Locatie", row[column]) for row in rows[1:]} <= results


def test_results_export_statistics_match_the_answers(client, world, scan):
    client.force_login(world.board)
    rows = _results_csv(client, scan)
    header = rows[0]
    organisation = [row for row in rows[1:] if row[1] == world.org.name]
    first = dict(zip(header, organisation[0], strict=True))
    from lerend.scans.models import Answer

    item = scan.instrument_version.instrument.items[0]
    values = list(
        Answer.objects.filter(
            response__campaign=scan, item_key=item.key, value__isnull=False
        ).values_list("value", flat=True)
    )
    assert first["Antwoorden (n)"] == str(len(values))
    # One item in this dimension: each person's mean is their answer; the export writes the
    # block score as the pages do (one decimal, half away from zero), with a decimal comma.
    assert first["Gemiddelde"] == numbers.plain(sum(values) / len(values), 1)
