"""The houder's part: the division (versioned, public), realised hours against it, coverage
of everyone who must be coached, the GGD pack — with constant query counts."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.coaching import selectors, services
from lerend.coaching.models import Division
from lerend.organisations.access import resolve_access
from tests.factories import LocationFactory, TeamFactory, member

pytestmark = pytest.mark.django_db


def _session(world, person, *, minutes=60, held_on=None, coach=None):
    coach = coach or world.coach
    assignment = services.create_assignment(
        organisation=world.org,
        actor=world.admin,
        coach=coach,
        person=person,
        starts_on=datetime.date(datetime.date.today().year, 1, 1),
    )
    return services.log_session(
        actor=coach,
        assignment=assignment,
        attendees=[person],
        held_on=held_on or datetime.date.today(),
        minutes=minutes,
        form="on_the_job",
    )


def test_division_is_versioned_and_the_newest_is_in_force(client, world, url):
    year = datetime.date.today().year
    client.force_login(world.admin)
    address = url("coaching:division_create") + f"?jaar={year}"
    pk = world.location.pk
    response = client.post(
        address,
        {f"policy_{pk}": "50", f"coaching_{pk}": "8,5", f"ve_{pk}": "0", "explanation": "Eerste"},
    )
    assert response.status_code == 302
    client.post(
        address,
        {f"policy_{pk}": "40", f"coaching_{pk}": "18,5", f"ve_{pk}": "10", "explanation": "Tweede"},
    )
    current = selectors.current_division(world.org, year)
    assert current.version == 2
    line = current.lines.get()
    assert (line.policy_hours, line.coaching_hours, line.ve_hours) == (
        Decimal("40.0"),
        Decimal("18.5"),
        Decimal("10.0"),
    )
    assert list(
        Division.objects.filter(organisation=world.org).values_list("version", flat=True)
    ) == [2, 1]
    # Everyone in the organisation and the public read the division in force.
    client.logout()
    public = client.get(f"/coachuren/regenboog/?jaar={year}")
    assert public.status_code == 200
    assert "18,5" in public.text and "Tweede" in public.text
    assert client.get("/coachuren/elders/").status_code == 404


def test_division_refuses_negative_hours_with_a_dutch_error(client, world, url):
    client.force_login(world.admin)
    pk = world.location.pk
    response = client.post(
        url("coaching:division_create"),
        {f"policy_{pk}": "-1", f"coaching_{pk}": "0", f"ve_{pk}": "0"},
    )
    assert response.status_code == 200
    assert "Zorg ervoor dat deze waarde minstens 0 is." in response.text
    assert Division.objects.count() == 0


def test_realised_hours_per_location_and_coach_against_the_division(world):
    year = datetime.date.today().year
    second = LocationFactory(organisation=world.org, name="De Egel")
    egel = member(world.org, team=TeamFactory(location=second, name="Groep Egel"))
    services.decide_division(
        organisation=world.org,
        actor=world.admin,
        year=year,
        lines={world.location: (50, 20, 0), second: (50, 10, 5)},
    )
    _session(world, world.staff, minutes=90, held_on=datetime.date(year, 1, 10))
    _session(world, world.staff, minutes=45, held_on=datetime.date(year, 1, 11))
    _session(world, egel, minutes=30, held_on=datetime.date(year, 1, 12))
    rows = {
        r.location.name: r
        for r in selectors.realised_hours(resolve_access(world.admin, world.org), year)
    }
    assert rows["De Vlinder"].planned == Decimal("20.0")
    assert rows["De Vlinder"].realised == Decimal("2.3")  # 135 minutes = 2.25 h -> 2.3
    assert rows["De Vlinder"].by_coach == [(world.coach.name, Decimal("2.3"))]
    assert rows["De Vlinder"].by_month[0] == Decimal("2.3")
    assert rows["De Egel"].planned == Decimal("15.0")
    assert rows["De Egel"].realised == Decimal("0.5")
    # A manager of De Vlinder sees only De Vlinder.
    manager_rows = selectors.realised_hours(resolve_access(world.manager, world.org), year)
    assert [r.location.name for r in manager_rows] == ["De Vlinder"]


def test_coverage_counts_staff_coached_this_year_only(client, world, url, teammate):
    year = datetime.date.today().year
    _session(world, world.staff)
    flexible = member(world.org, team=world.team, fte="0.00")  # flexible staff count too
    counts = selectors.coverage_counts(resolve_access(world.admin, world.org), year)
    assert (counts["people"], counts["coached"]) == (3, 1)
    assert counts["locations"] == [
        {
            "location_id": world.location.pk,
            "name": "De Vlinder",
            "people": 3,
            "coached": 1,
            "not_yet": 2,
        }
    ]
    client.force_login(world.manager)
    page = client.get(url("coaching:coverage"))
    assert teammate.name in page.text and flexible.name in page.text
    assert world.staff.name not in page.text.split('id="not-yet"')[1]
    # Last year's sessions do not count this year.
    assert (
        selectors.coverage_counts(resolve_access(world.admin, world.org), year - 1)["coached"] == 0
    )


def _people_at_new_location(world, n, name):
    location = LocationFactory(organisation=world.org, name=name)
    team = TeamFactory(location=location, name=f"Groep {name}")
    return [member(world.org, team=team) for _ in range(n)]


def _count(client, address):
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["coaching:coverage", "coaching:hours", "coaching:norm"])
def test_hours_pages_query_count_same_for_one_and_three_locations(client, world, url, name):
    client.force_login(world.admin)
    _session(world, world.staff)
    member(world.org, team=world.team)  # one person not coached yet: a list of one
    one = _count(client, url(name))
    for label in ("Egel", "Mier"):
        people = _people_at_new_location(world, 3, label)
        _session(world, people[0])
    assert _count(client, url(name)) == one


def test_coach_home_query_count_same_for_one_and_three_assignments(client, world, url):
    client.force_login(world.coach)
    _session(world, world.staff)
    home = f"/o/{world.org.slug}/"
    coaching_home = url("coaching:home")
    one = (_count(client, home), _count(client, coaching_home))
    for person in _people_at_new_location(world, 2, "Egel"):
        _session(world, person)
    assert (_count(client, home), _count(client, coaching_home)) == one
    assert "Jouw coaching" in client.get(home).text


def test_ggd_pack_pdf_and_xlsx_hold_calculation_division_hours_and_coverage(client, world, url):
    from openpyxl import load_workbook

    year = datetime.date.today().year
    services.decide_division(
        organisation=world.org, actor=world.admin, year=year, lines={world.location: (50, 8, 0)}
    )
    _session(world, world.staff, minutes=120)
    uncoached = member(world.org, team=world.team)
    client.force_login(world.board)
    pdf = client.get(url("coaching:ggd_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    xlsx = client.get(url("coaching:ggd_xlsx"))
    book = load_workbook(io.BytesIO(xlsx.getvalue()), read_only=True)
    assert book.sheetnames == [
        "Berekening",
        "Gegevens per locatie",
        "Verdeling",
        "Gerealiseerde uren",
        "Gerealiseerd per locatie",
        "Bereik",
        "Nog niet gecoacht",
    ]
    calculation = list(book["Berekening"].iter_rows(values_only=True))
    assert calculation[1][1:] == (50, 1, 50)  # one kindercentrum, one registration
    assert calculation[-1][0] == "Minimaal aantal uren"
    assert list(book["Verdeling"].iter_rows(values_only=True))[1][:5] == (
        "De Vlinder",
        50,
        8,
        0,
        58,
    )
    assert list(book["Gerealiseerde uren"].iter_rows(values_only=True))[1] == (
        "De Vlinder",
        world.coach.name,
        2,
    )
    assert list(book["Nog niet gecoacht"].iter_rows(values_only=True))[1:] == [
        (uncoached.name, "Groep Rups, De Vlinder")
    ]


def _pdf_text(response, tmp_path) -> str:
    import subprocess

    pdf = tmp_path / "ggd.pdf"
    pdf.write_bytes(response.content)
    raw = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(raw.stdout.split())


def test_ggd_pdf_names_the_uncoached_only_while_they_fit_a_page(
    client, world, url, tmp_path, monkeypatch
):
    from lerend.coaching import exports

    _session(world, world.staff, minutes=60)
    uncoached = [
        member(world.org, team=world.team, person__name=f"Nooit Gezien {n}") for n in range(3)
    ]
    client.force_login(world.board)
    text = _pdf_text(client.get(url("coaching:ggd_pdf")), tmp_path)
    assert all(p.name in text for p in uncoached)
    monkeypatch.setattr(exports, "PDF_NAMES", 2)
    text = _pdf_text(client.get(url("coaching:ggd_pdf")), tmp_path)
    assert "Nooit Gezien" not in text
    assert "in de spreadsheet (XLSX) van dit pakket" in text
    book = client.get(url("coaching:ggd_xlsx"))
    assert book.status_code == 200


def test_school_sees_hours_and_coverage_without_a_norm(client, world, url):
    world.org.sector = "po"
    world.org.save()
    client.force_login(world.admin)
    assert client.get(url("coaching:norm")).status_code == 404
    assert client.get(url("coaching:coverage")).status_code == 200
    assert client.get(url("coaching:hours")).status_code == 200
    assert "Wet IKK" not in client.get(url("coaching:home")).text
    assert client.get(url("coaching:ggd_xlsx")).status_code == 200


def test_not_yet_coached_task_from_july(world, monkeypatch):
    from lerend.coaching import tasks_home

    class Request:
        access = resolve_access(world.manager, world.org)
        user = world.manager

    monkeypatch.setattr(selectors, "is_signal_period", lambda today=None: True)
    tasks = tasks_home.tasks_for(Request)
    assert [t.text for t in tasks] == [
        f"1 collega is in {datetime.date.today().year} nog niet gecoacht"
    ]
    monkeypatch.setattr(selectors, "is_signal_period", lambda today=None: False)
    assert tasks_home.tasks_for(Request) == []


def test_signal_period_starts_in_the_third_quarter():
    assert selectors.is_signal_period(datetime.date(2026, 6, 30)) is False
    assert selectors.is_signal_period(datetime.date(2026, 7, 1)) is True


def test_daily_mail_of_not_yet_coached_goes_once_a_fortnight(world, mailoutbox):
    from lerend.coaching.tasks import mail_not_yet_coached
    from lerend.organisations.models import Membership

    year = datetime.date.today().year
    Membership.objects.update(start_date=datetime.date(year, 1, 1))
    assert mail_not_yet_coached.call(today=f"{year}-06-30") == 0
    sent = mail_not_yet_coached.call(today=f"{year}-07-01")
    # The coach and the locatiemanager of De Vlinder, the bestuurder: staff not coached.
    assert sent == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [world.coach.email, world.manager.email, world.board.email]
    )
    assert world.staff.name not in mailoutbox[0].body  # a number and a link, no names
    assert "/coaching/dekking/" in mailoutbox[0].body
    assert mail_not_yet_coached.call(today=f"{year}-07-02") == 0
    assert mail_not_yet_coached.call(today=f"{year}-07-15") == 3
