"""The own-data download holds a person's own learning and collaboration records — and
nothing of anyone else's, nor anything that would undo anonymity."""

import datetime
import json

import pytest
from django.urls import reverse

from lerend.collaboration import services as collaboration
from lerend.learning import services as learning
from lerend.learning.models import FeedbackInvite
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import member

pytestmark = pytest.mark.django_db

A_PRIVATE = "Ik twijfel of ik dit werk nog wil blijven doen"
B_PRIVATE = "Mijn collega maakt me onzeker in de kring"
A_ANONYMOUS = "Je praat soms te snel in het overleg"
A_NAMED = "Je uitleg over de nieuwe werkwijze was helder"
BELOW_THRESHOLD = "Eerlijk gezegd vond ik de workshop rommelig"


def _answer(request, person, text, *, anonymous):
    invite = FeedbackInvite.objects.get(request=request, person=person)
    learning.answer_feedback(invite=invite, text=text, anonymous=anonymous)


def _export(client, person) -> tuple[dict, str]:
    client.force_login(person)
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200
    return json.loads(response.content), response.content.decode()


@pytest.fixture
def people(world):
    b = member(world.org, Role.MEDEWERKER, team=world.team)
    c = member(world.org, Role.MEDEWERKER, team=world.team)
    return world.staff, b, c


def test_export_holds_my_records_and_not_those_of_others(client, world, people):
    a, b, c = people
    access_a, access_b = resolve_access(a, world.org), resolve_access(b, world.org)
    learning.create_entry(organisation=world.org, owner=a, title="Twijfel", body=A_PRIVATE)
    learning.create_entry(organisation=world.org, owner=b, title="Kring", body=B_PRIVATE)
    plan = learning.get_or_create_plan(organisation=world.org, owner=a, year=2026)
    learning.add_goal(plan=plan, title="Rustig blijven bij conflicten", start_score=2)
    # B asks A and C; A answers once anonymously. Another question A answers by name.
    asked = learning.create_feedback_request(
        access=access_b, requester=b, question="Hoe kom ik over?", people=[a, c]
    )
    _answer(asked, a, A_ANONYMOUS, anonymous=True)
    named = learning.create_feedback_request(
        access=access_b, requester=b, question="Was mijn uitleg duidelijk?", people=[a]
    )
    _answer(named, a, A_NAMED, anonymous=False)
    # A's own question, answered anonymously by one colleague: below the threshold.
    mine = learning.create_feedback_request(
        access=access_a, requester=a, question="Hoe was mijn workshop?", people=[b, c]
    )
    _answer(mine, b, BELOW_THRESHOLD, anonymous=True)

    data, raw = _export(client, a)

    own = data["learning"]
    assert [(e["title"], e["body"]) for e in own["journal_entries"]] == [("Twijfel", A_PRIVATE)]
    assert [g["title"] for g in own["development_plans"][0]["goals"]] == [
        "Rustig blijven bij conflicten"
    ]
    assert own["feedback_answers_given"] == [
        {
            "organisation": "Kinderopvang De Regenboog",
            "requester": b.name,
            "question": "Was mijn uitleg duidelijk?",
            "text": A_NAMED,
        }
    ]
    (mine_row,) = own["feedback_requests"]
    assert (mine_row["question"], mine_row["asked"], mine_row["answered"]) == (
        "Hoe was mijn workshop?",
        2,
        1,
    )
    assert (mine_row["anonymous_answers"], mine_row["anonymous_answer_count"]) == (None, 1)
    assert B_PRIVATE not in raw
    assert A_ANONYMOUS not in raw
    assert BELOW_THRESHOLD not in raw


def test_export_shows_anonymous_answers_to_my_question_above_the_threshold(client, world):
    asked = [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(3)]
    request = learning.create_feedback_request(
        access=resolve_access(world.staff, world.org),
        requester=world.staff,
        question="Wat kan ik beter doen?",
        people=asked,
    )
    for n, person in enumerate(asked):
        _answer(request, person, f"Antwoord {n}", anonymous=True)
    data, _raw = _export(client, world.staff)
    (row,) = data["learning"]["feedback_requests"]
    assert sorted(row["anonymous_answers"]) == ["Antwoord 0", "Antwoord 1", "Antwoord 2"]
    # The anonymous writers' own downloads do not hold what they wrote.
    _data, raw = _export(client, asked[0])
    assert "Antwoord 0" not in raw


def test_export_holds_my_groups_and_visits_but_not_group_notes(client, world, people):
    a, b, c = people
    group = collaboration.create_group(
        organisation=world.org, actor=a, kind="intervisie", name="Intervisie Rups", members=[b]
    )
    collaboration.plan_meeting(
        group=group,
        date=datetime.date(2026, 5, 6),
        starts_at=datetime.time(15, 30),
        duration_minutes=60,
        notes="Wat in de groep gezegd is, blijft in de groep",
    )
    visit = collaboration.plan_visit(
        organisation=world.org,
        actor=b,
        observed=a,
        observers=[b],
        kind="lesbezoek",
        date=datetime.date(2026, 5, 7),
        rubric_key="klas",
    )
    collaboration.record_feedback(visit=visit, tops="Rustige overgang", tips="Meer wachten")
    other = collaboration.plan_visit(
        organisation=world.org,
        actor=b,
        observed=c,
        observers=[b],
        kind="lesbezoek",
        date=datetime.date(2026, 5, 8),
        rubric_key="klas",
    )
    collaboration.record_feedback(visit=other, tops="Niet van A")

    data, raw = _export(client, a)

    assert data["collaboration"]["learning_groups"] == [
        {
            "organisation": "Kinderopvang De Regenboog",
            "name": "Intervisie Rups",
            "kind": "intervisie",
            "meeting_dates": ["2026-05-06"],
        }
    ]
    visits = data["collaboration"]["visits"]
    assert [(v["date"], v["my_part"], v["tops"], v["tips"]) for v in visits] == [
        ("2026-05-07", "observed", "Rustige overgang", "Meer wachten")
    ]
    assert "Wat in de groep gezegd is" not in raw
    assert "Niet van A" not in raw
