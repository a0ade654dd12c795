"""Notes belong to coachee and coach: every persona first meets a session with notes that
could leak. Leaders see hours and coverage, never content, unless the coachee shares."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lerend.coaching import selectors, services
from lerend.coaching.models import CoachingPlan
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import TeamFactory, member

from .records import NOTES

pytestmark = pytest.mark.django_db


def test_coachee_and_coach_read_the_session_notes(client, world, records, url):
    address = url("coaching:session_detail", session_id=records["session_id"])
    for person in (world.staff, world.coach):
        client.force_login(person)
        response = client.get(address)
        assert response.status_code == 200
        assert NOTES in response.text
        assert "Coaching staat los van beoordeling" in response.text


@pytest.mark.parametrize("persona", ["teamleader", "manager", "board", "admin"])
def test_leaders_never_read_notes_or_plans_by_role(client, world, records, url, persona):
    client.force_login(getattr(world, persona))
    assert (
        client.get(url("coaching:session_detail", session_id=records["session_id"])).status_code
        == 404
    )
    assert (
        client.get(
            url("coaching:plan_detail", coaching_plan_id=records["coaching_plan_id"])
        ).status_code
        == 404
    )


def test_a_colleague_in_the_same_team_gets_404(client, world, records, teammate, url):
    client.force_login(teammate)
    assert (
        client.get(url("coaching:session_detail", session_id=records["session_id"])).status_code
        == 404
    )
    assert (
        client.get(
            url("coaching:plan_detail", coaching_plan_id=records["coaching_plan_id"])
        ).status_code
        == 404
    )
    assert (
        client.post(url("coaching:session_delete", session_id=records["session_id"])).status_code
        == 404
    )


def test_outsider_gets_404(client, world, records, url):
    client.force_login(world.outsider)
    assert (
        client.get(url("coaching:session_detail", session_id=records["session_id"])).status_code
        == 404
    )
    assert client.get(url("coaching:home")).status_code == 404


def test_sharing_the_plan_lets_that_leader_read_notes_until_revoked(client, world, records, url):
    plan = CoachingPlan.objects.get(pk=records["coaching_plan_id"])
    share = services.share_plan(
        access=resolve_access(world.staff, world.org),
        actor=world.staff,
        plan=plan,
        person=world.manager,
    )
    client.force_login(world.manager)
    assert (
        NOTES in client.get(url("coaching:session_detail", session_id=records["session_id"])).text
    )
    plan_page = client.get(url("coaching:plan_detail", coaching_plan_id=plan.pk))
    assert plan_page.status_code == 200
    # A reader who was shared the plan does not change it.
    assert client.get(url("coaching:plan_edit", coaching_plan_id=plan.pk)).status_code == 404
    # Another leader still does not read it.
    client.force_login(world.teamleader)
    assert (
        client.get(url("coaching:session_detail", session_id=records["session_id"])).status_code
        == 404
    )
    client.force_login(world.staff)
    client.post(url("coaching:share_revoke", coaching_share_id=share.pk))
    client.force_login(world.manager)
    assert (
        client.get(url("coaching:session_detail", session_id=records["session_id"])).status_code
        == 404
    )


def test_only_the_coachee_shares_and_only_with_someone_who_covers_them(world, records, teammate):
    plan = CoachingPlan.objects.get(pk=records["coaching_plan_id"])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.share_plan(
            access=resolve_access(world.coach, world.org),
            actor=world.coach,
            plan=plan,
            person=world.manager,
        )
    with pytest.raises(ValidationError):
        services.share_plan(
            access=resolve_access(world.staff, world.org),
            actor=world.staff,
            plan=plan,
            person=teammate,
        )


@pytest.mark.parametrize(
    "name",
    [
        "coaching:hours",
        "coaching:coverage",
        "coaching:norm",
        "coaching:division",
        "coaching:ggd_pdf",
        "coaching:ggd_xlsx",
    ],
)
def test_hours_pages_and_pack_never_hold_notes(client, world, records, url, name):
    client.force_login(world.admin)
    response = client.get(url(name))
    assert response.status_code == 200
    body = response.getvalue()
    assert NOTES.encode() not in body
    assert b"Volgende keer filmen" not in body


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("staff", 403),
        ("teamleader", 200),
        ("manager", 200),
        ("coach", 200),
        ("board", 200),
        ("admin", 200),
    ],
)
def test_hours_and_coverage_are_for_leaders_and_coaches(
    client, world, records, url, persona, status
):
    client.force_login(getattr(world, persona))
    assert client.get(url("coaching:hours")).status_code == status
    assert client.get(url("coaching:coverage")).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("staff", 403), ("manager", 403), ("coach", 403), ("board", 200), ("admin", 200)],
)
def test_the_houder_manages_assignments_division_and_pack(client, world, url, persona, status):
    client.force_login(getattr(world, persona))
    for name in (
        "coaching:assignments",
        "coaching:assignment_create",
        "coaching:division_create",
        "coaching:norm_figures",
        "coaching:ggd_pdf",
    ):
        assert client.get(url(name)).status_code == status, name


def test_everyone_reads_the_division(client, world, url):
    client.force_login(world.staff)
    assert client.get(url("coaching:division")).status_code == 200


def test_a_share_pauses_when_the_reader_stops_covering_the_coachee(
    client, world, records, url, today
):
    """A coach whose only link to the coachee is an assignment is shared the plan; when the
    assignment ends the notes stop being readable, and the plan leaves their list."""
    other_team = TeamFactory(organisation=world.org, location=world.location, name="Rupsjes")
    second_coach = member(world.org, Role.COACH, team=other_team)
    plan = CoachingPlan.objects.get(pk=records["coaching_plan_id"])
    staff_access = resolve_access(world.staff, world.org)
    # Without an assignment the second coach does not cover the coachee: no share.
    with pytest.raises(ValidationError):
        services.share_plan(access=staff_access, actor=world.staff, plan=plan, person=second_coach)
    assignment = services.create_assignment(
        organisation=world.org,
        actor=world.admin,
        coach=second_coach,
        person=world.staff,
        starts_on=today - datetime.timedelta(days=10),
    )
    services.share_plan(access=staff_access, actor=world.staff, plan=plan, person=second_coach)
    client.force_login(second_coach)
    session_url = url("coaching:session_detail", session_id=records["session_id"])
    assert NOTES in client.get(session_url).text
    assert client.get(url("coaching:plan_detail", coaching_plan_id=plan.pk)).status_code == 200

    services.end_assignment(
        assignment=assignment, actor=world.admin, ends_on=today - datetime.timedelta(days=1)
    )
    assert client.get(session_url).status_code == 404
    assert client.get(url("coaching:plan_detail", coaching_plan_id=plan.pk)).status_code == 404
    access = resolve_access(second_coach, world.org)
    assert not selectors.plans_shared_with(access, second_coach).exists()
    # The share is paused, not gone: a new assignment makes it apply again.
    services.create_assignment(
        organisation=world.org, actor=world.admin, coach=second_coach, person=world.staff
    )
    assert NOTES in client.get(session_url).text
