import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.learning import services
from lerend.learning.selectors import team_counts
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import SECRET, access_of

YEAR = datetime.date.today().year


def _fill_team(world, size):
    """Members of world.team until it has ``size`` people (staff + teamleader are two)."""
    return [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(size - 2)]


def test_overview_personas(client, world, url):
    for person in (world.teamleader, world.manager, world.board, world.admin):
        client.force_login(person)
        assert client.get(url("learning:team_overview")).status_code == 200
    for person in (world.staff, world.coach):
        client.force_login(person)
        assert client.get(url("learning:team_overview")).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url("learning:team_overview")).status_code == 404


def test_overview_hides_counts_of_teams_below_three(client, world, url, entry):
    client.force_login(world.manager)
    html = client.get(url("learning:team_overview")).content.decode()
    assert "Niet getoond: minder dan 3 mensen in dit team." in html
    rows = team_counts(access_of(world.manager, world.org))
    assert [(r["team"].name, r["size"], r["counts"]) for r in rows] == [
        ("Groep Pop", 0, None),
        ("Groep Rups", 2, None),
    ]


def test_overview_counts_per_team_and_nothing_else(client, world, url, entry, plan):
    others = _fill_team(world, 3)
    access = access_of(world.staff, world.org)
    services.create_entry(organisation=world.org, owner=others[0], body="Andere tekst")
    plan.year = YEAR
    plan.save()
    services.share(access=access, owner=world.staff, plan=plan, person=world.coach)
    services.create_review(access=access, plan=plan, kind="planning", reviewer=world.coach)
    rows = {
        r["team"].name: r["counts"] for r in team_counts(access_of(world.teamleader, world.org))
    }
    assert rows == {
        "Groep Rups": {
            "entries": 2,
            "plans_shared": 1,
            "reviews": 1,
            "activities": 0,
            "hours": 0,
            "feedback_requests": 0,
            "visits": 0,
        }
    }
    client.force_login(world.teamleader)
    html = client.get(url("learning:team_overview")).content.decode()
    assert SECRET not in html
    assert "Moeilijk moment" not in html
    assert world.staff.name not in html
    assert "Er is nog niets met je gedeeld." in html


def test_overview_lists_what_was_shared_with_the_leader(client, world, url, entry):
    services.share(
        access=access_of(world.staff, world.org),
        owner=world.staff,
        entry=entry,
        person=world.teamleader,
    )
    client.force_login(world.teamleader)
    html = client.get(url("learning:team_overview")).content.decode()
    assert "Moeilijk moment" in html
    client.force_login(world.manager)
    assert "Moeilijk moment" not in client.get(url("learning:team_overview")).content.decode()


def test_overview_query_count_same_for_one_and_three_teams(
    client, world, url, django_assert_num_queries
):
    from tests.factories import TeamFactory

    client.force_login(world.board)
    address = url("learning:team_overview")
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for name in ("Groep Vlinder", "Groep Mier"):
        team = TeamFactory(location=world.location, name=name)
        for _ in range(3):
            person = member(world.org, Role.MEDEWERKER, team=team)
            services.create_entry(organisation=world.org, owner=person, body="x")
    with django_assert_num_queries(len(one)):
        assert client.get(address).status_code == 200


def _visit(world, observed, observer, *, date, held=True, focus="Hoe reageer ik op onrust"):
    from lerend.collaboration import services as collaboration

    visit = collaboration.plan_visit(
        organisation=world.org,
        actor=observer,
        observed=observed,
        observers=[observer],
        kind="lesbezoek",
        date=date,
        rubric_key="klas",
        focus_question=focus,
    )
    if held:
        collaboration.record_feedback(
            visit=visit, tops="Rustige start van de dag", tips="", feedback_notes="", held=held
        )
    return visit


def test_overview_counts_held_visits_of_team_members_without_their_text(client, world, url):
    others = _fill_team(world, 3)
    observer = member(world.org, Role.MEDEWERKER, team=world.other_team)
    _visit(world, world.staff, observer, date=datetime.date(YEAR, 1, 15))
    _visit(world, others[0], observer, date=datetime.date(YEAR, 1, 16))
    # Not counted: planned only, held last year, or the team member observing someone else.
    _visit(world, world.staff, observer, date=datetime.date(YEAR, 1, 17), held=False)
    _visit(world, world.staff, observer, date=datetime.date(YEAR - 1, 6, 1))
    _visit(world, observer, world.staff, date=datetime.date(YEAR, 1, 18))
    rows = {
        r["team"].name: r["counts"]["visits"]
        for r in team_counts(access_of(world.teamleader, world.org))
    }
    assert rows == {"Groep Rups": 2}
    client.force_login(world.teamleader)
    html = client.get(url("learning:team_overview")).content.decode()
    assert '<th scope="col">Gehouden bezoeken</th>' in html
    assert "Hoe reageer ik op onrust" not in html
    assert "Rustige start van de dag" not in html
    assert observer.name not in html
    assert world.staff.name not in html


def _group(world, name, members, *, meeting_on=None):
    from lerend.collaboration import services as collaboration

    group = collaboration.create_group(
        organisation=world.org, actor=members[0], kind="intervisie", name=name, members=members[1:]
    )
    if meeting_on:
        collaboration.plan_meeting(
            group=group,
            date=meeting_on,
            starts_at=datetime.time(15, 30),
            duration_minutes=60,
            notes="Vertrouwelijk verhaal uit de groep",
        )
    return group


def test_my_learning_shows_my_groups_and_visits_only(client, world, url, teammate):
    today = datetime.date.today()
    observer = member(world.org, Role.MEDEWERKER, team=world.other_team)
    _group(world, "Intervisie Rups", [world.staff, teammate], meeting_on=today)
    _group(world, "Kenniskring Taal", [teammate, observer], meeting_on=today)
    mine = _visit(world, world.staff, observer, date=datetime.date(YEAR, 2, 3))
    made = _visit(world, teammate, world.staff, date=datetime.date(YEAR, 2, 4), held=False)
    theirs = _visit(world, teammate, observer, date=datetime.date(YEAR, 2, 5))
    client.force_login(world.staff)
    html = client.get(url("learning:my_learning")).content.decode()
    assert "Intervisie Rups" in html
    assert f"volgende bijeenkomst {today.day} " in html
    assert "Kenniskring Taal" not in html
    assert "Vertrouwelijk verhaal uit de groep" not in html
    assert url("collaboration:visit_detail", visit_id=mine.pk) in html
    assert "je werd geobserveerd" in html
    assert url("collaboration:visit_detail", visit_id=made.pk) in html
    assert f"jij observeerde {teammate.name}" in html
    assert url("collaboration:visit_detail", visit_id=theirs.pk) not in html
    assert "Hoe reageer ik op onrust" not in html


def test_my_learning_personas(client, world, url):
    client.force_login(world.staff)
    assert client.get(url("learning:my_learning")).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url("learning:my_learning")).status_code == 404


def test_my_learning_query_count_same_for_one_and_three_groups_and_visits(
    client, world, url, teammate, django_assert_num_queries
):
    today = datetime.date.today()
    _group(world, "Groep 1", [world.staff, teammate], meeting_on=today)
    _visit(world, world.staff, teammate, date=today)
    client.force_login(world.staff)
    address = url("learning:my_learning")
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for n in (2, 3):
        _group(world, f"Groep {n}", [world.staff, teammate], meeting_on=today)
        _visit(world, teammate, world.staff, date=today)
    with django_assert_num_queries(len(one)):
        html = client.get(address).content.decode()
    assert "Groep 3" in html


def test_a_leader_of_many_teams_chooses_a_location_first(client, world, url, monkeypatch):
    """Past TEAMS_AT_ONCE teams the overview asks for a location and then shows only that
    location's teams; another organisation's location id shows nothing."""
    from lerend.learning.views import overview
    from tests.factories import LocationFactory, TeamFactory

    far = LocationFactory(organisation=world.org, name="De Verre Locatie")
    TeamFactory(location=far, name="Groep Ver")
    foreign = LocationFactory(organisation=world.other_org, name="Elders")
    monkeypatch.setattr(overview, "TEAMS_AT_ONCE", 2)
    client.force_login(world.board)
    address = url("learning:team_overview")
    html = client.get(address).text
    assert "Kies een locatie" in html and "Groep Rups" not in html and "Groep Ver" not in html
    html = client.get(f"{address}?locatie={far.pk}").text
    assert "Groep Ver" in html and "Groep Rups" not in html
    html = client.get(f"{address}?locatie={world.location.pk}").text
    assert "Groep Rups" in html and "Groep Pop" in html and "Groep Ver" not in html
    html = client.get(f"{address}?locatie={foreign.pk}").text
    assert not any(name in html for name in ("Groep Rups", "Groep Pop", "Groep Ver", "Elders"))
    monkeypatch.setattr(overview, "TEAMS_AT_ONCE", 60)
    html = client.get(address).text
    assert "Groep Rups" in html and "Groep Ver" in html and 'name="locatie"' not in html
