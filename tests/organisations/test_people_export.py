"""Exporting the people list: exactly the list the leader sees (scope and filters), as CSV
that Dutch Excel opens and as XLSX, with an audit entry."""

import csv
import datetime
import io
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from lerend.organisations.models import AuditEntry, Role
from tests.factories import LocationFactory, TeamFactory, member

pytestmark = pytest.mark.django_db

CSV, XLSX = "organisations:people_export_csv", "organisations:people_export_xlsx"
HEADER = ["Naam", "E-mailadres", "Locaties", "Teams", "Rollen", "fte", "Sinds", "Status"]


def _csv(response) -> list[list[str]]:
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def _xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.getvalue()), read_only=True).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _names(rows) -> set[str]:
    return {row[0] for row in rows[1:]}


@pytest.fixture
def spread(world):
    """People who could leak: another team at the same location, another location, another
    organisation — created before any export is asked for."""
    other_location = LocationFactory(organisation=world.org, name="De Mier")
    far_team = TeamFactory(location=other_location, name="Groep Kever")
    member(world.org, team=world.other_team, person__name="Pia Pop")
    member(world.org, team=far_team, person__name="Karel Kever")
    member(world.other_org, person__name="Eva Elders")
    member(world.org, team=world.team, person__name="Rita Rups", role=Role.COACH)
    return other_location


@pytest.mark.parametrize("name", [CSV, XLSX])
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("admin", 200),
        ("board", 200),
        ("manager", 200),
        ("teamleader", 200),
        ("staff", 403),
        ("coach", 403),
        ("outsider", 404),
    ],
)
def test_people_export_personas(client, world, url, name, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(url(name)).status_code == status


def test_people_export_anonymous_goes_nowhere(client, world, url):
    response = client.get(url(CSV))
    assert response.status_code in (302, 404)
    assert not response.getvalue().decode("utf-8", "ignore").startswith("\ufeff")


@pytest.mark.parametrize("name", [CSV, XLSX])
def test_people_export_teamleader_gets_only_own_team(client, world, url, spread, name):
    client.force_login(world.teamleader)
    response = client.get(url(name))
    rows = _csv(response) if name == CSV else _xlsx(response)
    assert _names(rows) == {"Rita Rups", world.staff.name, world.teamleader.name}
    listed = {p.name for p in client.get(url("organisations:people")).context["page"]}
    assert _names(rows) == listed


def test_people_export_teamleader_cannot_widen_with_filters(client, world, url, spread):
    client.force_login(world.teamleader)
    far = spread.teams.get().pk
    for query in (f"locatie={spread.pk}", f"team={far}", "status=oud"):
        rows = _csv(client.get(url(CSV) + "?" + query))
        assert "Karel Kever" not in _names(rows)
        assert "Pia Pop" not in _names(rows)
    # status=oud is for the beheerder: for a teamleader it is the current list.
    assert _names(_csv(client.get(url(CSV) + "?status=oud"))) == {
        "Rita Rups",
        world.staff.name,
        world.teamleader.name,
    }


def test_people_export_manager_gets_own_location(client, world, url, spread):
    client.force_login(world.manager)
    names = _names(_csv(client.get(url(CSV))))
    assert {"Pia Pop", "Rita Rups", world.manager.name} <= names
    assert "Karel Kever" not in names and "Eva Elders" not in names
    assert world.board.name not in names


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "rups"}, {"Rita Rups"}),
        ({"rol": Role.COACH}, {"Rita Rups", "coach"}),
        ({"team": "other_team"}, {"Pia Pop"}),
        ({"locatie": "spread"}, {"Karel Kever"}),
    ],
)
def test_people_export_carries_filters(client, world, url, spread, query, expected):
    query = dict(query)
    if query.get("team") == "other_team":
        query["team"] = world.other_team.pk
    if query.get("locatie") == "spread":
        query["locatie"] = spread.pk
    expected = {world.coach.name if n == "coach" else n for n in expected}
    client.force_login(world.admin)
    listed = client.get(url("organisations:people") + "?" + urlencode(query))
    rows = _csv(client.get(url(CSV) + "?" + urlencode(query)))
    assert _names(rows) == expected == {p.name for p in listed.context["page"]}


def test_people_export_includes_every_page_but_nothing_more(client, world, url):
    for i in range(30):
        member(world.org, team=world.team, person__name=f"Groepslid {i:02d}")
    member(world.org, team=world.other_team, person__name="Pia Pop")
    client.force_login(world.teamleader)
    listed = client.get(url("organisations:people"))
    assert listed.context["page"].paginator.count == 32
    rows = _csv(client.get(url(CSV) + "?page=2"))
    assert len(rows) == 1 + 32
    assert "Pia Pop" not in _names(rows)


def test_people_export_links_carry_current_filters(client, world, url):
    client.force_login(world.admin)
    query = f"q=a&team={world.team.pk}&rol=medewerker&status=open"
    body = client.get(url("organisations:people") + "?" + query + "&page=1").content.decode()
    # The pending filter finds nobody here; with an empty list there is nothing to export.
    assert url(CSV) not in body
    body = client.get(url("organisations:people") + f"?team={world.team.pk}&page=1").content
    body = body.decode()
    assert f'href="{url(CSV)}?team={world.team.pk}"' in body
    assert f'href="{url(XLSX)}?team={world.team.pk}"' in body


def test_people_export_csv_format_and_headers(client, world, url):
    member(world.org, location=world.location, person__name="Zoë Ëlsink")
    client.force_login(world.admin)
    response = client.get(url(CSV))
    today = timezone.localdate().isoformat()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="regenboog-mensen-{today}.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    body = response.getvalue()
    assert body.startswith(b"\xef\xbb\xbfNaam;E-mailadres;Locaties;")
    rows = list(csv.reader(io.StringIO(body.decode()[1:]), delimiter=";"))
    assert rows[0] == HEADER
    by_name = {row[0]: row for row in rows[1:]}
    staff = world.staff
    assert by_name[staff.name] == [
        staff.name,
        staff.email,
        "De Vlinder",
        "Groep Rups",
        "Medewerker",
        "0,80",  # the FTE as stored (two decimals), with the decimal comma
        staff.memberships.get().start_date.isoformat(),
        "Actief",
    ]
    assert by_name["Zoë Ëlsink"][2:5] == ["De Vlinder", "", "Medewerker"]
    assert by_name[world.board.name][2:5] == ["", "", "Bestuurder"]
    assert by_name[world.board.name][7] == "Actief"


def test_people_export_csv_defuses_formulas(client, world, url):
    member(world.org, team=world.team, person__name='=HYPERLINK("http://evil.example","x")')
    member(world.org, team=world.team, person__name="@SUM(1+1)")
    client.force_login(world.teamleader)
    names = _names(_csv(client.get(url(CSV))))
    assert '\'=HYPERLINK("http://evil.example","x")' in names
    assert "'@SUM(1+1)" in names
    assert not any(n.startswith(("=", "@")) for n in names)


def test_people_export_xlsx_cell_by_cell(client, world, url):
    person = member(world.org, team=world.team, person__name="=1+2", fte=Decimal("0.8"))
    pending = member(world.org, team=world.other_team, person__name="Piet Pending")
    pending.set_unusable_password()
    pending.save()
    # A second role of the same person at the same place: one row, both roles.
    member(world.org, Role.COACH, location=world.location, person=person, fte=Decimal("0.5"))
    client.force_login(world.admin)
    response = client.get(url(XLSX))
    today = timezone.localdate().isoformat()
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="regenboog-mensen-{today}.xlsx"'
    )
    assert response["Cache-Control"] == "private, no-store"
    workbook = load_workbook(io.BytesIO(response.getvalue()))
    sheet = workbook.active
    assert sheet.title == "Mensen"
    assert [c.value for c in sheet[1]] == HEADER
    by_name = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert len(by_name) == sheet.max_row - 1 == 8
    formula_row = by_name["=1+2"]
    assert formula_row[0].data_type == "s"
    values = [c.value for c in formula_row]
    assert values[:5] + values[7:] == [
        "=1+2",
        person.email,
        "De Vlinder",
        "Groep Rups",
        "Coach, Medewerker",
        "Actief",
    ]
    # Typed cells: the FTE of both memberships summed as a number, the start as a date.
    assert values[5] == pytest.approx(1.3)
    # The format follows the Decimal's scale: FTE is stored with two decimals.
    assert formula_row[5].data_type == "n" and formula_row[5].number_format == "#,##0.00"
    assert formula_row[6].is_date and formula_row[6].number_format == "dd-mm-yyyy"
    assert values[6].date() == person.memberships.order_by("start_date").first().start_date
    values = [c.value for c in by_name["Piet Pending"]]
    assert values[:5] + values[7:] == [
        "Piet Pending",
        pending.email,
        "De Vlinder",
        "Groep Pop",
        "Medewerker",
        "Nog niet geactiveerd",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H9"
    assert sheet.column_dimensions["A"].width >= len("Piet Pending")


def test_people_export_status_of_pending_and_former(client, world, url):
    pending = member(world.org, team=world.team, person__name="Piet Pending")
    pending.set_unusable_password()
    pending.save()
    member(
        world.org,
        team=world.team,
        person__name="Oda Oud",
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(world.admin)
    open_rows = _csv(client.get(url(CSV) + "?status=open"))
    assert [row[:5] + row[7:] for row in open_rows[1:]] == [
        [
            "Piet Pending",
            pending.email,
            "De Vlinder",
            "Groep Rups",
            "Medewerker",
            "Nog niet geactiveerd",
        ]
    ]
    former_rows = _csv(client.get(url(CSV) + "?status=oud"))
    assert [(row[0], row[7]) for row in former_rows[1:]] == [("Oda Oud", "Vertrokken")]


def test_people_export_records_audit_entry(client, world, url):
    client.force_login(world.teamleader)
    client.get(url(XLSX) + f"?q=rups&team={world.team.pk}&status=open")
    entry = AuditEntry.objects.get(action="people.export")
    assert entry.organisation == world.org
    assert entry.actor == world.teamleader
    assert entry.after == {
        "format": "xlsx",
        "people": 0,
        "query": "rups",
        "team_id": world.team.pk,
        "pending": True,
    }


@pytest.mark.parametrize("name", [CSV, XLSX])
@pytest.mark.parametrize("count", [1, 3])
def test_people_export_query_count(client, world, url, django_assert_num_queries, name, count):
    for i in range(count):
        pending = member(world.org, team=world.team, person__name=f"Nieuw {i}")
        pending.set_unusable_password()
        pending.save()
        member(world.org, team=world.team, person__name=f"Actief {i}")
    client.force_login(world.teamleader)
    # session, user, 2FA roles, organisation, access, the count for the audit, the audit
    # insert inside its savepoint (3), rows and memberships (one chunk) while the file is
    # written — the streamed CSV is read inside the block.
    with django_assert_num_queries(11):
        response = client.get(url(name))
        rows = _csv(response) if name == CSV else _xlsx(response)
    assert len(rows) == 1 + 2 * count + 2
