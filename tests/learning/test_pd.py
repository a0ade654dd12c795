"""PD catalogue, participation, write-ups, "did you apply it?" and budgets."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lerend.learning import selectors, services, tasks_home
from lerend.learning.models import Participation, PdActivity
from lerend.learning.tasks import ask_whether_applied
from lerend.organisations.models import AuditEntry, Role
from tests.factories import TeamFactory, member

from .conftest import access_of

TODAY = timezone.localdate()
WRITEUP = "Ik laat kinderen nu zelf hun conflict benoemen voordat ik help."


def _activity(world, title="Training Ik en de groep", days_ago=0, cost=250, hours=6):
    return services.create_pd_activity(
        organisation=world.org,
        actor=world.admin,
        title=title,
        kind="training",
        provider="Bureau Groei",
        hours=Decimal(hours),
        cost=Decimal(cost),
        starts_on=TODAY - datetime.timedelta(days=days_ago),
    )


def _register(world, activity, person):
    return services.register(
        access=access_of(person, world.org), actor=person, activity=activity, person=person
    )


@pytest.fixture
def activity(world):
    return _activity(world)


def test_pd_catalogue_and_detail_open_for_every_member(client, world, activity, url):
    for person in (world.staff, world.teamleader, world.coach, world.admin):
        client.force_login(person)
        assert client.get(url("learning:pd_catalogue")).status_code == 200
        detail = url("learning:pd_detail", pd_activity_id=activity.pk)
        assert client.get(detail).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url("learning:pd_catalogue")).status_code == 404


def test_pd_create_is_for_organisers(client, world, url):
    data = {
        "title": "Studiedag taalontwikkeling",
        "kind": "study_day",
        "starts_on": "2026-10-01",
        "hours": "6",
        "cost": "0",
    }
    for person in (world.admin, world.board, world.manager):
        client.force_login(person)
        assert client.get(url("learning:pd_create")).status_code == 200
    for person in (world.staff, world.teamleader, world.coach):
        client.force_login(person)
        assert client.get(url("learning:pd_create")).status_code == 403
        assert client.post(url("learning:pd_create"), data).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url("learning:pd_create")).status_code == 404
    client.force_login(world.manager)
    assert client.post(url("learning:pd_create"), data).status_code == 302
    assert list(PdActivity.objects.values_list("title", "created_by")) == [
        ("Studiedag taalontwikkeling", world.manager.pk)
    ]
    assert AuditEntry.objects.filter(action="pd_activity.create").count() == 1


def test_pd_edit_personas(client, world, activity, url):
    address = url("learning:pd_edit", pd_activity_id=activity.pk)
    client.force_login(world.admin)
    assert client.get(address).status_code == 200
    client.force_login(world.staff)
    assert client.get(address).status_code == 403
    client.force_login(world.outsider)
    assert client.get(address).status_code == 404


def test_pd_register_self_through_the_page(client, world, activity, url):
    client.force_login(world.staff)
    response = client.post(url("learning:pd_register", pd_activity_id=activity.pk))
    participation = Participation.objects.get()
    assert response.status_code == 302
    assert response.url == url("learning:participation_detail", participation_id=participation.pk)
    assert (participation.person, participation.hours, participation.cost_share) == (
        world.staff,
        Decimal("6.0"),
        Decimal("250.00"),
    )


def test_pd_leader_registers_someone_in_scope_only(client, world, activity, url):
    outside = member(world.org, Role.MEDEWERKER, team=world.other_team)
    client.force_login(world.teamleader)
    address = url("learning:pd_register", pd_activity_id=activity.pk)
    client.post(address, {"person": world.staff.pk})
    client.post(address, {"person": outside.pk})
    assert list(Participation.objects.values_list("person", "registered_by")) == [
        (world.staff.pk, world.teamleader.pk)
    ]
    client.force_login(world.staff)
    assert client.post(address, {"person": outside.pk}).status_code == 403
    with pytest.raises(ValidationError):
        services.register(
            access=access_of(world.staff, world.org),
            actor=world.staff,
            activity=activity,
            person=outside,
        )


def test_pd_participation_is_the_persons_own(client, world, teammate, activity, url):
    participation = services.register(
        access=access_of(world.teamleader, world.org),
        actor=world.teamleader,
        activity=activity,
        person=world.staff,
    )
    services.save_writeup(participation=participation, writeup=WRITEUP, shared=False)
    addresses = [
        url("learning:participation_detail", participation_id=participation.pk),
        url("learning:participation_applied", participation_id=participation.pk),
    ]
    client.force_login(world.staff)
    for address in addresses:
        assert client.get(address).status_code == 200
    # Even the leader who registered them.
    for other in (world.teamleader, world.manager, world.coach, world.admin, teammate):
        client.force_login(other)
        for address in addresses:
            assert client.get(address).status_code == 404
        attended = url("learning:participation_attended", participation_id=participation.pk)
        assert client.post(attended).status_code == 404
        detail = client.get(url("learning:pd_detail", pd_activity_id=activity.pk))
        assert WRITEUP not in detail.content.decode()


def test_pd_writeup_is_private_until_shared(client, world, teammate, activity, url):
    participation = _register(world, activity, world.staff)
    client.force_login(world.staff)
    address = url("learning:participation_detail", participation_id=participation.pk)
    client.post(address, {"writeup": WRITEUP})
    assert list(selectors.shared_writeups(activity)) == []
    client.post(address, {"writeup": WRITEUP, "shared": "on"})
    assert list(selectors.shared_writeups(activity)) == [participation]
    client.force_login(teammate)
    assert (
        WRITEUP
        in client.get(url("learning:pd_detail", pd_activity_id=activity.pk)).content.decode()
    )


def test_pd_mark_attended_with_hours(client, world, activity, url):
    participation = _register(world, activity, world.staff)
    client.force_login(world.staff)
    client.post(
        url("learning:participation_attended", participation_id=participation.pk), {"hours": "4.5"}
    )
    participation.refresh_from_db()
    assert (participation.status, participation.hours) == ("attended", Decimal("4.5"))


def test_pd_applied_question_asked_after_91_days_once(world):
    old = _activity(world, "Oud", days_ago=91)
    recent = _activity(world, "Recent", days_ago=90)
    asked = _register(world, old, world.staff)
    not_yet = _register(world, recent, world.staff)
    assert ask_whether_applied.call() == 1
    assert ask_whether_applied.call() == 0
    asked.refresh_from_db()
    not_yet.refresh_from_db()
    assert (asked.applied_asked_on, not_yet.applied_asked_on) == (TODAY, None)
    assert [m.to for m in mail.outbox] == [[world.staff.email]]
    assert f"/o/regenboog/leren/deelname/{asked.pk}/toegepast/" in mail.outbox[0].body
    assert ask_whether_applied.call((TODAY + datetime.timedelta(days=1)).isoformat()) == 1


def test_pd_applied_question_is_a_home_task_until_answered(world, activity):
    participation = _register(world, _activity(world, "Oud", days_ago=100), world.staff)
    ask_whether_applied.call()
    request = SimpleNamespace(access=access_of(world.staff, world.org), user=world.staff)
    urls = [t.url for t in tasks_home.tasks_for(request)]
    assert urls == [f"/o/regenboog/leren/deelname/{participation.pk}/toegepast/"]
    services.answer_applied(participation=participation, applied="deels", note="Soms")
    assert tasks_home.tasks_for(request) == []
    other = SimpleNamespace(access=access_of(world.teamleader, world.org), user=world.teamleader)
    assert tasks_home.tasks_for(other) == []


def test_pd_applied_counts_shown_to_organisers_from_three_answers(client, world, activity, url):
    people = [world.staff] + [member(world.org, team=world.team) for _ in range(2)]
    participations = [_register(world, activity, p) for p in people]
    services.answer_applied(participation=participations[0], applied="ja")
    services.answer_applied(participation=participations[1], applied="nee", note="Geen tijd")
    assert selectors.applied_summary(activity) is None
    services.answer_applied(participation=participations[2], applied="ja")
    summary = selectors.applied_summary(activity)
    assert summary["total"] == 3
    assert [(value, n) for value, _label, n in summary["rows"]] == [
        ("ja", 2),
        ("deels", 0),
        ("nee", 1),
    ]
    detail = url("learning:pd_detail", pd_activity_id=activity.pk)
    client.force_login(world.admin)
    html = client.get(detail).content.decode()
    assert "<td>2</td>" in html
    assert "Geen tijd" not in html
    client.force_login(world.teamleader)
    assert "<td>2</td>" not in client.get(detail).content.decode()


def test_pd_applied_refuses_an_unknown_answer(world, activity):
    participation = _register(world, activity, world.staff)
    with pytest.raises(ValidationError):
        services.answer_applied(participation=participation, applied="misschien")


def test_pd_budget_totals_per_team_against_budget(world, activity):
    teammate = member(world.org, team=world.team)
    _register(world, activity, world.staff)
    _register(world, activity, teammate)
    _register(world, _activity(world, "Vorig jaar", days_ago=400), world.staff)
    admin = access_of(world.admin, world.org)
    services.set_budget(
        access=admin, actor=world.admin, year=TODAY.year, amount=1000, hours=40, team=world.team
    )
    services.set_budget(
        access=admin, actor=world.admin, year=TODAY.year, amount=300, hours=10, person=world.staff
    )
    totals = selectors.pd_totals(access_of(world.manager, world.org), TODAY.year)
    rows = {
        r["team"].name: (r["size"], r["cost"], r["hours"], r["budget"] and r["budget"].amount)
        for r in totals["teams"]
    }
    assert rows == {
        "Groep Rups": (3, Decimal("500.00"), Decimal("12.0"), Decimal("1000.00")),
        "Groep Pop": (0, 0, 0, None),
    }
    assert [(r["person"], r["cost"], r["budget"].amount) for r in totals["people"]] == [
        (world.staff, Decimal("250.00"), Decimal("300.00"))
    ]
    assert AuditEntry.objects.filter(action="pd_budget.set").count() == 2


def test_pd_budget_refused_outside_scope_and_for_non_organisers(world):
    other_location_team = TeamFactory(organisation=world.org)
    with pytest.raises(ValidationError):
        services.set_budget(
            access=access_of(world.manager, world.org),
            actor=world.manager,
            year=2026,
            amount=1,
            hours=1,
            team=other_location_team,
        )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.set_budget(
            access=access_of(world.teamleader, world.org),
            actor=world.teamleader,
            year=2026,
            amount=1,
            hours=1,
            team=world.team,
        )


def test_pd_budget_page_personas(client, world, url):
    address = url("learning:pd_budget")
    for person in (world.teamleader, world.manager, world.board, world.admin):
        client.force_login(person)
        assert client.get(address).status_code == 200
    for person in (world.staff, world.coach):
        client.force_login(person)
        assert client.get(address).status_code == 403
    client.force_login(world.teamleader)
    data = {"team": world.team.pk, "amount": "5", "hours": "1"}
    assert client.post(address, data).status_code == 403
    client.force_login(world.outsider)
    assert client.get(address).status_code == 404
    client.force_login(world.manager)
    assert client.post(f"{address}?jaar=2026", data).status_code == 302


def test_pd_budget_page_query_count_same_for_one_and_three_teams(
    client, world, activity, url, django_assert_num_queries
):
    client.force_login(world.board)
    address = url("learning:pd_budget")
    _register(world, activity, world.staff)
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for name in ("Groep Vlinder", "Groep Mier"):
        team = TeamFactory(location=world.location, name=name)
        for _ in range(2):
            _register(world, activity, member(world.org, team=team))
        services.set_budget(
            access=access_of(world.board, world.org),
            actor=world.board,
            year=TODAY.year,
            amount=10,
            hours=1,
            team=team,
        )
    with django_assert_num_queries(len(one)):
        assert client.get(address).status_code == 200


def test_pd_catalogue_query_count_same_for_one_and_three(
    client, world, activity, url, django_assert_num_queries
):
    client.force_login(world.staff)
    address = url("learning:pd_catalogue")
    _register(world, activity, world.staff)
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for title in ("Cursus A", "Cursus B"):
        _register(world, _activity(world, title), world.staff)
    with django_assert_num_queries(len(one)):
        assert client.get(address).status_code == 200


def test_pd_overview_counts_attended_activities_hours_and_feedback(world, activity):
    others = [member(world.org, team=world.team) for _ in range(2)]
    for person in (world.staff, others[0]):
        services.mark_attended(participation=_register(world, activity, person))
    _register(world, activity, others[1])  # registered, not attended: not counted
    services.create_feedback_request(
        access=access_of(world.staff, world.org),
        requester=world.staff,
        question="Hoe ging mijn oudergesprek?",
        people=[others[0]],
    )
    rows = {
        r["team"].name: r["counts"]
        for r in selectors.team_counts(access_of(world.teamleader, world.org))
    }
    counts = rows["Groep Rups"]
    assert (counts["activities"], counts["hours"], counts["feedback_requests"]) == (
        2,
        Decimal("12.0"),
        1,
    )


def test_my_learning_query_count_same_for_one_and_three_of_everything(
    client, world, url, django_assert_num_queries
):
    asked = [member(world.org, team=world.team) for _ in range(3)]
    access = access_of(world.staff, world.org)

    def add(n):
        _register(world, _activity(world, f"Activiteit {n}"), world.staff)
        services.create_feedback_request(
            access=access, requester=world.staff, question=f"Vraag {n}", people=asked
        )
        services.create_feedback_request(
            access=access_of(asked[0], world.org),
            requester=asked[0],
            question=f"Andere vraag {n}",
            people=[world.staff],
        )
        services.create_reflection(
            access=access,
            actor=world.staff,
            team=world.team,
            title=f"Reflectie {n}",
            held_on=TODAY,
        )

    add(1)
    client.force_login(world.staff)
    address = url("learning:my_learning")
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    add(2)
    add(3)
    with django_assert_num_queries(len(one)):
        response = client.get(address)
    html = response.content.decode()
    assert "Activiteit 3" in html and "Vraag 3" in html and "Reflectie 3" in html
