"""Own-data download and erasure of coaching records; the API gives numbers, never notes."""

import datetime

import pytest

from lerend.accounts.selectors import own_data
from lerend.api import services as api_services
from lerend.coaching.models import (
    Assignment,
    Attendee,
    CoachingPlan,
    CoachingSession,
    PlanVisit,
)
from lerend.organisations.services import erase_person

from .records import NOTES, make_records

pytestmark = pytest.mark.django_db


def test_download_holds_the_coachees_plan_and_session_notes(world):
    make_records(world.org, world.staff, world.coach, world.manager)
    data = own_data(world.staff)["coaching"]
    assert [p["question"] for p in data["plans"]] == ["Rust"]
    assert data["plans"][0]["shared_with"] == [world.manager.name]
    assert [s["notes"] for s in data["sessions"]] == [NOTES]
    assert data["sessions"][0]["with"] == [world.staff.name]
    assert [a["coach"] for a in data["assignments"]] == [world.coach.name]
    # The links of the trajectory: the goal's interaction skill and the visit in it.
    goal = data["plans"][0]["goals"][0]
    assert goal["interaction_skills_or_lesson_domains"] == [
        "interactievaardigheden.sensitieve-responsiviteit"
    ]
    assert [v["goal"] for v in data["plans"][0]["visits_in_this_coaching"]] == [goal["title"]]
    # The coach's download holds the session they coached, not the coachee's plan.
    coach_data = own_data(world.coach)["coaching"]
    assert coach_data["plans"] == []
    assert [s["minutes"] for s in coach_data["sessions"]] == [60]


def test_erasing_the_coachee_keeps_the_hours_without_name_or_notes(world):
    found = make_records(world.org, world.staff, world.coach, world.manager)
    counts = erase_person(organisation=world.org, person=world.staff, actor=world.admin)
    assert counts["coaching"]["plans"] == 1
    assert counts["coaching"]["attendance"] == 1
    assert counts["coaching"]["notes_emptied"] == 1
    session = CoachingSession.objects.get(pk=found["session_id"])
    assert (session.minutes, session.notes, session.agreements) == (60, "", "")
    assert not CoachingPlan.objects.filter(coachee=world.staff).exists()
    assert not Attendee.objects.filter(person=world.staff).exists()
    # The trajectory's visit links went with the plan.
    assert not PlanVisit.objects.filter(pk=found["coaching_visit_id"]).exists()


def test_erasing_the_coach_keeps_the_coachees_notes(world):
    found = make_records(world.org, world.staff, world.coach)
    erase_person(organisation=world.org, person=world.coach, actor=world.admin)
    session = CoachingSession.objects.get(pk=found["session_id"])
    assert (session.coach, session.logged_by, session.notes) == (None, None, NOTES)
    assert CoachingPlan.objects.get(pk=found["coaching_plan_id"]).coach is None
    assert not Assignment.objects.filter(coach=world.coach).exists()


def _key(person, org):
    return api_services.create_token(person=person, organisation=org, name="BI", days=30)[1]


def test_api_gives_hours_and_coverage_per_location_never_notes(client, world):
    make_records(world.org, world.staff, world.coach)
    year = datetime.date.today().year
    headers = {"Authorization": f"Bearer {_key(world.board, world.org)}"}
    hours = client.get(f"/api/v1/o/regenboog/coaching/hours?year={year}", headers=headers)
    assert hours.status_code == 200
    body = hours.json()
    assert body["locations"][0]["location"] == "De Vlinder"
    assert body["locations"][0]["realised_hours"] == 1.0
    assert body["norm_hours"] == 50.0  # one kindercentrum; the staff member came after 1 January
    coverage = client.get(f"/api/v1/o/regenboog/coaching/coverage?year={year}", headers=headers)
    assert coverage.json()["people"] == 1 and coverage.json()["coached"] == 1
    assert NOTES not in hours.text + coverage.text


def test_api_refuses_staff_and_other_organisations(client, world):
    headers = {"Authorization": f"Bearer {_key(world.staff, world.org)}"}
    assert client.get("/api/v1/o/regenboog/coaching/hours", headers=headers).status_code == 403
    assert client.get("/api/v1/o/elders/coaching/coverage", headers=headers).status_code == 404
