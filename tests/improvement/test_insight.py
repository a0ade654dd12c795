"""The advice page, the dashboard, the exports and the team plan PDF."""

import datetime
import io
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from lerend.improvement.models import BoardItem
from lerend.organisations.models import Role
from tests.factories import LocationFactory, TeamFactory, member

from .conftest import ActionFactory, GoalFactory
from .scan_helpers import add_staff, closed_pulse

pytestmark = pytest.mark.django_db

ALL = ["staff", "teamleader", "manager", "coach", "board", "admin"]


def _pulse(world, *, team_size=5, pop=0, cultuur=2, innovatie=2, monitoring=2):
    people = [world.staff, *add_staff(world, world.team, team_size - 1)]
    people += add_staff(world, world.other_team, pop)
    answers = {
        "cultuur": cultuur,
        "innovatie": innovatie,
        "monitoring-evaluatie": monitoring,
        "team": 4,
        "coaching": 4,
    }
    return closed_pulse(world, dict.fromkeys(people, answers))


# --- advice ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ALL)
def test_advice_page_for_leaders_and_coaches(client, world, url, persona):
    client.force_login(getattr(world, persona))
    expected = 403 if persona == "staff" else 200
    assert client.get(url("improvement:advice")).status_code == expected


def test_advice_page_outsider_gets_404(client, world, url):
    client.force_login(world.outsider)
    assert client.get(url("improvement:advice")).status_code == 404


def test_advice_page_scope_outside_ones_own_is_refused(client, world, url):
    other_location = LocationFactory(organisation=world.org)
    elsewhere = TeamFactory(location=LocationFactory(organisation=world.other_org))
    client.force_login(world.manager)
    page = url("improvement:advice")
    assert client.get(page + f"?scope=location-{other_location.pk}").status_code == 403
    assert client.get(page + "?scope=organisation").status_code == 403
    assert client.get(page + f"?scope=team-{elsewhere.pk}").status_code == 404
    assert client.get(page + f"?scope=team-{world.team.pk}").status_code == 200


def test_advice_page_without_a_scan_says_so(client, world, url):
    client.force_login(world.board)
    html = client.get(url("improvement:advice")).content.decode()
    assert "Er is nog geen afgesloten scan met scores per bouwsteen." in html


def test_advice_page_explains_the_top_blocks_with_practices(client, world, url):
    _pulse(world)
    client.force_login(world.board)
    html = client.get(url("improvement:advice")).content.decode()
    sentence = "Cultuur scoort laag (2,0). In het model beïnvloedt het Monitoring en evaluatie ("
    assert sentence in html
    assert "Waarom deze bouwsteen: de getallen" in html
    assert "Maak er een doel van" in html
    assert url("improvement:goal_create") + "?block=cultuur&amp;title=Intervisie" in html


def test_advice_page_for_a_team_compares_with_the_organisation(client, world, url):
    _pulse(world)
    client.force_login(world.teamleader)
    html = client.get(url("improvement:advice") + f"?scope=team-{world.team.pk}").content.decode()
    assert "Cultuur scoort laag (2,0)" in html
    action_link = (
        url("improvement:action_create")
        + "?block=cultuur&amp;title=Intervisie&amp;origin=scan&amp;team="
        + str(world.team.pk)
    )
    assert action_link in html


def test_advice_page_never_speaks_about_a_group_below_k(client, world, url):
    # Groep Pop has two respondents; showing Groep Rups would reveal Pop as the rest.
    _pulse(world, pop=2)
    client.force_login(world.board)
    page = url("improvement:advice")
    for scope in (f"team-{world.team.pk}", f"team-{world.other_team.pk}"):
        html = client.get(page + f"?scope={scope}").content.decode()
        assert "Niet getoond om de anonimiteit te beschermen" in html
        assert "scoort laag" not in html
        assert "Maak er een doel van" not in html
    # The whole organisation (7) is fine.
    assert "scoort laag" in client.get(page).content.decode()


def test_goal_and_action_forms_take_the_prefill(client, world, url):
    client.force_login(world.teamleader)
    html = client.get(
        url("improvement:team_goal_create", team_id=world.team.pk)
        + "?block=cultuur&title=Intervisie"
    ).content.decode()
    assert 'value="Intervisie"' in html
    assert 'value="cultuur" id="id_building_blocks_9" checked' in html
    html = client.get(
        url("improvement:action_create") + "?block=cultuur&title=Intervisie&origin=scan"
    ).content.decode()
    assert 'value="Intervisie"' in html


# --- dashboard -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ALL)
def test_dashboard_for_bestuurder_beheerder_and_locatiemanager(client, world, url, persona):
    client.force_login(getattr(world, persona))
    expected = 200 if persona in {"manager", "board", "admin"} else 403
    for name in ("improvement:dashboard", "improvement:export_csv", "improvement:export_xlsx"):
        assert client.get(url(name)).status_code == expected, name


def test_dashboard_outsider_gets_404(client, world, url):
    client.force_login(world.outsider)
    assert client.get(url("improvement:dashboard")).status_code == 404


def _teams_with_actions(world, count):
    today = timezone.localdate()
    teams = [world.team] + [TeamFactory(location=world.location) for _ in range(count - 1)]
    for team in teams:
        GoalFactory(team=team, status="achter")
        ActionFactory(team=team, status="klaar", outcome="ja")
        ActionFactory(team=team, due_on=today - datetime.timedelta(days=3))
    return teams


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_query_count_is_constant(client, world, url, django_assert_num_queries, count):
    _teams_with_actions(world, count)
    _pulse(world)
    client.force_login(world.board)
    client.get(url("improvement:dashboard"))
    # 11: the scans read model looks up the reader's own cell (route 2 of issue 10); the block
    # scores come from the same memoised sums as the result pages
    with django_assert_num_queries(11):
        assert client.get(url("improvement:dashboard")).status_code == 200


def test_dashboard_shows_statuses_overdue_and_what_worked(client, world, url):
    _teams_with_actions(world, 2)
    ActionFactory(team=world.team, status="klaar", outcome="nee")
    client.force_login(world.board)
    response = client.get(url("improvement:dashboard"))
    html = response.content.decode()
    teams = {t.name: (t.total, t.done, t.overdue) for t in response.context["teams"]}
    assert teams["Groep Rups"] == (3, 2, 1)
    assert teams["Groep Pop"] == (0, 0, 0)
    assert [g["count"] for g in response.context["goals"]] == [0, 2, 0, 0]
    assert response.context["follow"]["share_worked"] == pytest.approx(2 / 3)
    assert "3 beantwoorde terugblikken: 2 × ja, 0 × deels, 1 × nee." in html
    assert html.count('role="img"') == 2
    assert "Nog geen afgesloten scan met scores per bouwsteen" in html


def test_dashboard_counts_a_partly_as_partly_not_as_failed(client, world, url):
    """Issue 12: one "Deels" answer showed "0% van 1 beantwoorde terugblik werkte"."""
    ActionFactory(team=world.team, status="klaar", outcome="deels")
    client.force_login(world.board)
    html = client.get(url("improvement:dashboard")).content.decode()
    assert "0%" not in html
    assert "1 beantwoorde terugblik: 0 × ja, 1 × deels, 0 × nee." in html


def test_dashboard_trend_per_building_block(client, world, url):
    _pulse(world)
    client.force_login(world.board)
    response = client.get(url("improvement:dashboard"))
    (trend,) = response.context["trends"]
    assert trend["columns"] == ["Pulse"]
    assert dict(trend["rows"])["Cultuur"] == [2.0]
    assert "chart--trend" in response.content.decode()


def test_dashboard_locatiemanager_sees_only_own_location(client, world, url):
    there = TeamFactory(location=LocationFactory(organisation=world.org), name="Groep Elders")
    ActionFactory(team=there, title="Actie daar")
    client.force_login(world.manager)
    response = client.get(url("improvement:dashboard"))
    assert [t.name for t in response.context["teams"]] == ["Groep Pop", "Groep Rups"]
    csv = b"".join(
        client.get(url("improvement:export_csv") + "?what=actions").streaming_content
    ).decode("utf-8")
    assert "Actie daar" not in csv


def test_export_csv_of_goals_and_actions(client, world, url):
    GoalFactory(team=world.team, title="=Leesplezier", owner=world.teamleader)
    ActionFactory(team=world.team, title="Voorleesrooster", owner=world.staff)
    client.force_login(world.board)
    response = client.get(url("improvement:export_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # Streamed (StreamingHttpResponse), ";" between cells, a BOM first.
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    lines = body[1:].splitlines()
    assert lines[0].startswith("Niveau;Locatie;Team;Titel;Status;Eigenaar")
    assert "'=Leesplezier" in lines[1]  # defused: never a formula
    actions = client.get(url("improvement:export_csv") + "?what=actions")
    assert "Voorleesrooster" in b"".join(actions.streaming_content).decode("utf-8")


def test_export_xlsx_has_goals_and_actions_sheets(client, world, url):
    GoalFactory(team=world.team, title="Leesplezier")
    ActionFactory(team=world.team, title="Voorleesrooster")
    client.force_login(world.admin)
    response = client.get(url("improvement:export_xlsx"))  # a FileResponse
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["Doelen", "Acties"]
    assert book["Doelen"]["D2"].value == "Leesplezier"
    assert book["Acties"]["C2"].value == "Voorleesrooster"


# --- team plan PDF ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ALL)
def test_team_plan_pdf_for_those_who_see_the_board(client, world, url, persona):
    other = member(world.org, Role.MEDEWERKER, team=world.other_team)
    client.force_login(getattr(world, persona))
    assert client.get(url("improvement:team_plan_pdf", team_id=world.team.pk)).status_code == 200
    client.force_login(other)
    assert client.get(url("improvement:team_plan_pdf", team_id=world.team.pk)).status_code == 403


def test_team_plan_pdf_lists_goals_actions_and_agreements(client, world, url, tmp_path):
    GoalFactory(team=world.team, title="Meer buiten spelen", owner=world.teamleader)
    ActionFactory(team=world.team, title="Moestuin aanleggen", owner=world.staff)
    BoardItem.objects.create(team=world.team, kind="afspraak", text="Elke vrijdag naar buiten")
    client.force_login(world.teamleader)
    response = client.get(url("improvement:team_plan_pdf", team_id=world.team.pk))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # A picture of page 1 to look at (test-output/screenshots/team-plan-1.png).
    out = Path("test-output/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(out / "team-plan")]
    )
    for expected in (
        "Teamplan van Groep Rups",
        "Meer buiten spelen",
        "Moestuin aanleggen",
        "Elke vrijdag naar buiten",
    ):
        assert expected in text
