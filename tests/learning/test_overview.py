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
