"""A share counts only while the people in it still stand where they stood: the coach or
leader still covers the owner, the owner is still in the shared team. Nothing is deleted —
when the role returns, so does the share. Every test first makes the share work (the data
that could leak), then changes where someone stands and asserts it no longer reads."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lerend.learning import selectors, services
from lerend.organisations.models import Membership, Role, Scope
from tests.factories import LocationFactory, MembershipFactory, TeamFactory, member

from .conftest import access_of

KINDS = ["entry", "plan"]


def _yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def _end(person, **filters):
    """Ends ``person``'s memberships matching ``filters`` as of yesterday."""
    ended = Membership.objects.filter(person=person, **filters).update(end_date=_yesterday())
    assert ended == 1


@pytest.fixture
def elsewhere(world):
    """A second location with a team: where people move to."""
    location = LocationFactory(organisation=world.org, name="De Libel")
    return {"location": location, "team": TeamFactory(location=location, name="Groep Kever")}


@pytest.fixture
def record(request, entry, plan):
    return entry if request.param == "entry" else plan


def _share(world, record, **target):
    kind = "entry" if record.__class__.__name__ == "JournalEntry" else "plan"
    return services.share(
        access=access_of(world.staff, world.org), owner=world.staff, **{kind: record}, **target
    )


def _detail(url, record):
    if record.__class__.__name__ == "JournalEntry":
        return url("learning:entry_detail", entry_id=record.pk)
    return url("learning:plan_detail", plan_id=record.pk)


def _shared_list(world, viewer, record) -> list[int]:
    access = access_of(viewer, world.org)
    if record.__class__.__name__ == "JournalEntry":
        found = selectors.entries_shared_with(access, viewer)
    else:
        found = selectors.plans_shared_with(access, viewer)
    return list(found.values_list("pk", flat=True))


def _reads(client, url, world, viewer, record) -> bool:
    """Whether ``viewer`` reads ``record``: detail page and "shared with me" list agree."""
    client.force_login(viewer)
    status = client.get(_detail(url, record)).status_code
    listed = record.pk in _shared_list(world, viewer, record)
    page = client.get(url("learning:my_learning"))
    assert page.status_code == 200
    on_page = record.pk in [
        r.pk for r in page.context["shared_entries"] + page.context["shared_plans"]
    ]
    assert (status, listed, on_page) in [(200, True, True), (404, False, False)]
    return status == 200


def _owner_shares(client, url, world, record):
    client.force_login(world.staff)
    response = client.get(_detail(url, record))
    assert response.status_code == 200
    return response, [(s.person_id, s.team_id, s.live) for s in response.context["shares"]]


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_share_with_coach_pauses_when_role_ends_and_returns_with_a_new_role(
    client, world, url, elsewhere, record
):
    # The coach stays in the organisation (as staff elsewhere): only the coach role ends.
    MembershipFactory(
        person=world.coach,
        organisation=world.org,
        role=Role.MEDEWERKER,
        scope=Scope.TEAM,
        team=elsewhere["team"],
    )
    _share(world, record, person=world.coach)
    assert _reads(client, url, world, world.coach, record) is True

    _end(world.coach, role=Role.COACH)
    assert _reads(client, url, world, world.coach, record) is False
    response, shares = _owner_shares(client, url, world, record)
    assert shares == [(world.coach.pk, None, False)]
    assert b"badge--warn" in response.content

    MembershipFactory(
        person=world.coach,
        organisation=world.org,
        role=Role.COACH,
        scope=Scope.LOCATION,
        location=world.location,
    )
    assert _reads(client, url, world, world.coach, record) is True
    assert _owner_shares(client, url, world, record)[1] == [(world.coach.pk, None, True)]


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_share_with_coach_pauses_when_coach_leaves_the_organisation(client, world, url, record):
    _share(world, record, person=world.coach)
    assert _reads(client, url, world, world.coach, record) is True

    _end(world.coach)
    client.force_login(world.coach)
    assert client.get(_detail(url, record)).status_code == 404
    assert _owner_shares(client, url, world, record)[1] == [(world.coach.pk, None, False)]


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_share_with_leader_pauses_when_leader_moves_to_another_location(
    client, world, url, elsewhere, record
):
    _share(world, record, person=world.manager)
    assert _reads(client, url, world, world.manager, record) is True

    Membership.objects.filter(person=world.manager).update(location=elsewhere["location"])
    assert _reads(client, url, world, world.manager, record) is False
    assert _owner_shares(client, url, world, record)[1] == [(world.manager.pk, None, False)]


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_share_with_teamleader_pauses_when_owner_moves_to_another_team(
    client, world, url, elsewhere, record
):
    _share(world, record, person=world.teamleader)
    assert _reads(client, url, world, world.teamleader, record) is True

    _end(world.staff, team=world.team)
    MembershipFactory(
        person=world.staff,
        organisation=world.org,
        role=Role.MEDEWERKER,
        scope=Scope.TEAM,
        team=elsewhere["team"],
    )
    assert _reads(client, url, world, world.teamleader, record) is False


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_share_with_organisation_wide_leader_holds_while_owner_moves(
    client, world, url, elsewhere, record
):
    _share(world, record, person=world.board)
    _end(world.staff, team=world.team)
    MembershipFactory(
        person=world.staff,
        organisation=world.org,
        role=Role.MEDEWERKER,
        scope=Scope.TEAM,
        team=elsewhere["team"],
    )
    assert _reads(client, url, world, world.board, record) is True


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_share_with_organisation_wide_leader_pauses_when_owner_leaves_the_organisation(
    client, world, url, record
):
    """A personal record goes with its owner: once they leave, nobody there reads it on."""
    _share(world, record, person=world.board)
    assert _reads(client, url, world, world.board, record) is True
    _end(world.staff, team=world.team)
    assert _reads(client, url, world, world.board, record) is False


@pytest.mark.parametrize("record", KINDS, indirect=True)
def test_team_share_pauses_when_owner_leaves_the_team(
    client, world, url, teammate, elsewhere, record
):
    # The owner stays in the organisation, in another team.
    MembershipFactory(
        person=world.staff,
        organisation=world.org,
        role=Role.MEDEWERKER,
        scope=Scope.TEAM,
        team=elsewhere["team"],
    )
    _share(world, record, team=world.team)
    assert _reads(client, url, world, teammate, record) is True

    _end(world.staff, team=world.team)
    assert _reads(client, url, world, teammate, record) is False
    response, shares = _owner_shares(client, url, world, record)
    assert shares == [(None, world.team.pk, False)]
    assert b"badge--warn" in response.content

    MembershipFactory(
        person=world.staff,
        organisation=world.org,
        role=Role.MEDEWERKER,
        scope=Scope.TEAM,
        team=world.team,
    )
    assert _reads(client, url, world, teammate, record) is True


def test_paused_share_is_not_counted_in_the_team_overview(world, plan):
    others = [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(2)]
    assert len(others) == 2
    _share(world, plan, person=world.coach)
    access = access_of(world.teamleader, world.org)
    year = plan.year
    row = next(r for r in selectors.team_counts(access, year) if r["team"] == world.team)
    assert row["counts"]["plans_shared"] == 1

    _end(world.coach)
    row = next(r for r in selectors.team_counts(access, year) if r["team"] == world.team)
    assert row["counts"]["plans_shared"] == 0


def _shares_for_coach(world, n):
    """``n`` colleagues in the team each share an entry with the coach and a plan with the
    team."""
    for i in range(n):
        owner = member(world.org, Role.MEDEWERKER, team=world.team)
        access = access_of(owner, world.org)
        entry = services.create_entry(organisation=world.org, owner=owner, body=f"Privé {i}")
        plan = services.get_or_create_plan(organisation=world.org, owner=owner, year=2026)
        services.share(access=access, owner=owner, entry=entry, person=world.coach)
        services.share(access=access, owner=owner, plan=plan, team=world.team)


def test_shared_with_me_list_query_count_is_the_same_for_1_and_3_shares(client, world, url):
    client.force_login(world.staff)
    counts = []
    for n in (1, 2):  # 1 share, then 1 + 2 = 3
        _shares_for_coach(world, n)
        access = access_of(world.coach, world.org)
        with CaptureQueriesContext(connection) as selector_queries:
            entries = list(selectors.entries_shared_with(access, world.coach))
        staff_access = access_of(world.staff, world.org)
        plans = list(selectors.plans_shared_with(staff_access, world.staff))
        with CaptureQueriesContext(connection) as page_queries:
            assert client.get(url("learning:my_learning")).status_code == 200
        counts.append((len(entries), len(plans), len(selector_queries), len(page_queries)))
    assert [c[:2] for c in counts] == [(1, 1), (3, 3)]
    assert [c[2] for c in counts] == [1, 1]
    assert counts[0][3] == counts[1][3]
