import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lerend.improvement import services as improvement
from lerend.monitoring.models import CheckIn
from lerend.monitoring.services import indicators as services
from lerend.monitoring.sources import Area, board_sessions, pop_share
from lerend.organisations.models import Role
from tests.factories import TeamFactory, member

from .conftest import TODAY, make_indicator

pytestmark = pytest.mark.django_db

YESTERDAY = (TODAY - datetime.timedelta(days=1)).strftime("%d-%m-%Y")


@pytest.fixture
def import_indicator(world):
    return make_indicator(
        world.org, world.board, title="Rekenen op niveau", source="import", unit="%"
    )


def _upload(client, url, indicator, text, confirm=False):
    data = {"file": SimpleUploadedFile("lvs.csv", text.encode("utf-8"))}
    if confirm:
        data["confirm"] = "on"
    return client.post(url("monitoring:import", indicator_id=indicator.pk), data)


def test_import_dry_run_shows_row_errors_and_writes_nothing(client, world, url, import_indicator):
    client.force_login(world.board)
    text = (
        "groep;datum;waarde;kinderen\n"
        f"Groep Rups;{YESTERDAY};72,5;14\n"
        f"Groep Onbekend;{YESTERDAY};60;12\n"
        "Groep Pop;morgen;abc;0\n"
    )
    response = _upload(client, url, import_indicator, text, confirm=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is geen groep die “Groep Onbekend” heet." in html
    assert "Schrijf de datum als 2026-06-30 of 30-06-2026." in html
    assert "De waarde moet een getal zijn, zoals 72,5." in html
    assert "2 regels hebben een fout: er is niets geïmporteerd." in html
    assert CheckIn.objects.count() == 0


def test_import_writes_all_rows_and_hides_small_groups(client, world, url, import_indicator):
    client.force_login(world.board)
    text = (
        f"groep;datum;waarde;kinderen\nGroep Rups;{YESTERDAY};72,5;14\nGroep Pop;{YESTERDAY};61;6\n"
    )
    assert "Elke regel klopt." in _upload(client, url, import_indicator, text).content.decode()
    assert CheckIn.objects.count() == 0
    response = _upload(client, url, import_indicator, text, confirm=True)
    assert response.status_code == 302
    assert sorted(CheckIn.objects.values_list("team__name", "value", "children")) == [
        ("Groep Pop", Decimal("61.00"), 6),
        ("Groep Rups", Decimal("72.50"), 14),
    ]
    html = client.get(
        url("monitoring:indicator", indicator_id=import_indicator.pk)
    ).content.decode()
    assert "<td>72,5 %</td>" in html
    assert "Te weinig kinderen om te tonen" in html  # Groep Pop: 6 < 10
    assert "61 %" not in html.split("Per groep")[1]
    # The headline is the mean over the groups, on the page and in the list.
    assert "<td>66,8 %</td>" in html
    assert "66,8 %<br>" in client.get(url("monitoring:indicators")).content.decode()


def test_import_is_403_for_staff_and_404_for_outsiders(client, world, url, import_indicator):
    client.force_login(world.staff)
    assert client.get(url("monitoring:import", indicator_id=import_indicator.pk)).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url("monitoring:import", indicator_id=import_indicator.pk)).status_code == 404


def test_import_refuses_an_unreadable_file(client, world, url, import_indicator):
    client.force_login(world.board)
    data = {"file": SimpleUploadedFile("lvs.pdf", b"%PDF-1.4")}
    response = client.post(url("monitoring:import", indicator_id=import_indicator.pk), data)
    assert "Upload een .csv- of .xlsx-bestand." in response.content.decode()


def test_pop_share_counts_people_with_a_plan_this_year_and_hides_small_teams(world):
    from lerend.learning import services as learning

    area = Area(world.org, team=world.team)
    learning.get_or_create_plan(organisation=world.org, owner=world.staff, year=TODAY.year)
    assert pop_share(area, TODAY.year) is None  # two people: below learning's minimum
    member(world.org, Role.MEDEWERKER, team=world.team)
    member(world.org, Role.MEDEWERKER, team=world.team)
    assert pop_share(area, TODAY.year) == Decimal("25.00")


def test_measure_now_records_board_sessions(client, world, url):
    indicator = make_indicator(
        world.org,
        world.teamleader,
        title="Bordsessies",
        kind="proces",
        level="team",
        team=world.team,
        source="bordsessies",
        baseline=Decimal(0),
        target=Decimal(30),
    )
    elsewhere = TeamFactory(location__organisation=world.other_org)
    improvement.save_session_notes(team=world.team, actor=world.teamleader, notes="Week 1")
    improvement.save_session_notes(team=elsewhere, actor=world.outsider, notes="Niet van ons")
    assert board_sessions(Area(world.org, team=world.team), TODAY.year) == 1
    client.force_login(world.teamleader)
    response = client.post(url("monitoring:measure_now", indicator_id=indicator.pk))
    assert response.status_code == 302
    check_in = CheckIn.objects.get(indicator=indicator)
    assert (check_in.value, check_in.source) == (Decimal("1.00"), "berekend")
    client.force_login(world.staff)
    response = client.post(url("monitoring:measure_now", indicator_id=indicator.pk))
    assert response.status_code == 403


def test_computed_indicator_takes_no_hand_check_in(world):
    indicator = make_indicator(world.org, world.board, source="bezoeken", kind="proces")
    with pytest.raises(Exception) as error:
        services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=TODAY,
            value=Decimal(1),
            confidence="hoog",
        )
    assert "Deze indicator meet Lerend zelf" in str(error.value)


def test_daily_task_measures_computed_indicators_when_their_cadence_is_due(world):
    from lerend.monitoring import tasks

    indicator = make_indicator(
        world.org,
        world.board,
        title="Bezoeken",
        kind="proces",
        source="bezoeken",
        baseline=Decimal(0),
        target=Decimal(20),
    )
    make_indicator(world.org, world.board, title="Met de hand")
    assert tasks.measure_computed_indicators.call() == 1
    check_in = CheckIn.objects.get()
    assert (check_in.indicator, check_in.value, check_in.source) == (indicator, 0, "berekend")
    assert tasks.measure_computed_indicators.call() == 0  # measured today: not due
    CheckIn.objects.update(measured_on=TODAY - datetime.timedelta(days=92))
    assert tasks.measure_computed_indicators.call() == 1  # a quarter later: due again


def test_a_team_indicator_takes_only_its_own_group(client, world, url):
    indicator = make_indicator(
        world.org,
        world.teamleader,
        title="Rups: taal",
        source="import",
        level="team",
        team=world.team,
    )
    client.force_login(world.teamleader)
    text = (
        f"groep;datum;waarde;kinderen\nGroep Rups;{YESTERDAY};70;12\nGroep Pop;{YESTERDAY};60;12\n"
    )
    html = _upload(client, url, indicator, text, confirm=True).content.decode()
    assert "“Groep Pop” valt buiten de locatie of groep van deze indicator." in html
    assert CheckIn.objects.count() == 0
