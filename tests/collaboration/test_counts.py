"""The read functions the learning overview and the own-data export use: each applies the
same rule as the collaboration pages (groups to members, visits to their parties)."""

import datetime

from lerend.collaboration import selectors, services
from lerend.collaboration.models import VisitShare
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import SECRET_NOTES


def _held_visit(world, observed, observer, date, *, held=True):
    visit = services.plan_visit(
        organisation=world.org,
        actor=observer,
        observed=observed,
        observers=[observer],
        kind="lesbezoek",
        date=date,
        rubric_key="klas",
    )
    services.record_feedback(visit=visit, tops="Goed", held=held)
    return visit


def test_groups_of_gives_my_groups_with_next_meeting(world, group, teammate, observer):
    today = datetime.date.today()
    other = services.create_group(
        organisation=world.org, actor=teammate, kind="plg", name="PLG Taal", members=[observer]
    )
    services.plan_meeting(
        group=group,
        date=today + datetime.timedelta(days=7),
        starts_at=datetime.time(15, 30),
        duration_minutes=60,
    )
    services.plan_meeting(
        group=other, date=today, starts_at=datetime.time(15, 30), duration_minutes=60
    )
    rows = [(g.name, g.next_meeting) for g in selectors.groups_of(world.staff, world.org)]
    assert rows == [("Intervisie Rups", today + datetime.timedelta(days=7))]
    assert [g.name for g in selectors.groups_of(observer, world.org)] == ["PLG Taal"]
    assert list(selectors.groups_of(world.staff, world.other_org)) == []


def test_visits_of_gives_only_visits_i_am_a_party_to(world, visit, observer, teammate):
    VisitShare.objects.create(visit=visit, person=teammate)
    assert list(selectors.visits_of(world.staff, world.org)) == [visit]
    assert list(selectors.visits_of(observer, world.org)) == [visit]
    # Shared with teammate: readable on the visit page, but not one of teammate's own visits.
    assert list(selectors.visits_of(teammate, world.org)) == []
    assert list(selectors.visits_of(world.teamleader, world.org)) == []


def test_visits_of_query_count_same_for_one_and_three(world, observer, django_assert_num_queries):
    _held_visit(world, world.staff, observer, datetime.date(2026, 1, 5))
    with django_assert_num_queries(1):
        assert len(list(selectors.visits_of(world.staff, world.org))) == 1
    _held_visit(world, world.staff, observer, datetime.date(2026, 1, 6))
    _held_visit(world, observer, world.staff, datetime.date(2026, 1, 7))
    with django_assert_num_queries(1):
        visits = selectors.visits_of(world.staff, world.org)
        visits = [(v.date.day, v.observed.name) for v in visits]
    assert visits == [(7, observer.name), (6, world.staff.name), (5, world.staff.name)]


def test_visits_held_per_team_counts_held_visits_of_members_this_year(world, observer):
    teammate = member(world.org, Role.MEDEWERKER, team=world.team)
    _held_visit(world, world.staff, observer, datetime.date(2026, 3, 1))
    _held_visit(world, teammate, observer, datetime.date(2026, 3, 2))
    _held_visit(world, world.staff, observer, datetime.date(2026, 3, 3), held=False)
    _held_visit(world, world.staff, observer, datetime.date(2025, 3, 3))
    _held_visit(world, observer, world.staff, datetime.date(2026, 3, 4))
    team_ids = [world.team.pk, world.other_team.pk]
    assert selectors.visits_held_per_team(world.org, team_ids, 2026) == {
        world.team.pk: 2,
        world.other_team.pk: 1,
    }
    assert selectors.visits_held_per_team(world.org, [world.team.pk], 2025) == {world.team.pk: 1}
    assert selectors.visits_held_per_team(world.other_org, team_ids, 2026) == {}


def test_own_collaboration_data_has_meeting_dates_but_not_group_notes(
    world, group, visit, teammate
):
    data = selectors.own_collaboration_data(world.staff)
    assert data["learning_groups"] == [
        {
            "organisation": "Kinderopvang De Regenboog",
            "name": "Intervisie Rups",
            "kind": "intervisie",
            "meeting_dates": ["2026-04-02"],
        }
    ]
    assert SECRET_NOTES not in str(data)
    assert [(v["my_part"], v["status"], v["tops"]) for v in data["visits"]] == [
        ("observed", "gehouden", visit.tops)
    ]
    assert data["visits"][0]["observations"] == [
        {"item": visit.observations.get().item_text, "level": "zie-ik", "note": "Ziet Daan meteen"}
    ]
    assert selectors.own_collaboration_data(teammate)["visits"] == []
