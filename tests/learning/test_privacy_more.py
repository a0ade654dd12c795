"""The second slice's private records — a feedback question with its answers, a private
write-up and an "applied?" note — reach nobody but their owner: not through a page with
their id, nor through any list, overview, export or API route without ids."""

import datetime

import pytest

from lerend.learning import services
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import access_of
from .test_privacy import _routes_without_objects

QUESTION = "Durf ik mijn twijfels over de nieuwe methode te delen?"
ANSWER = "Je houdt je twijfels vaak voor je, ook in het teamoverleg"
WRITEUP = "Ik merkte dat ik bang ben om ouders tegen te spreken"
NOTE = "Niet toegepast, mijn leidinggevende gaf geen ruimte"
OTHERS = ["teamleader", "manager", "board", "admin", "coach", "teammate", "outsider"]


@pytest.fixture
def secrets(world, teammate):
    """Everything of staff A in this slice that could leak, with answers given."""
    asked = [teammate, *(member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(2))]
    feedback_request = services.create_feedback_request(
        access=access_of(world.staff, world.org),
        requester=world.staff,
        question=QUESTION,
        people=asked,
    )
    for person in asked:
        invite = feedback_request.invites.get(person=person)
        services.answer_feedback(invite=invite, text=ANSWER, anonymous=True)
    activity = services.create_pd_activity(
        organisation=world.org,
        actor=world.admin,
        title="Gesprekken met ouders",
        kind="training",
        hours=3,
        cost=90,
        starts_on=datetime.date(2026, 1, 15),
    )
    participation = services.register(
        access=access_of(world.teamleader, world.org),
        actor=world.teamleader,
        activity=activity,
        person=world.staff,
    )
    services.save_writeup(participation=participation, writeup=WRITEUP, shared=False)
    services.answer_applied(participation=participation, applied="nee", note=NOTE)
    return {"feedback_request": feedback_request, "participation": participation}


def _person(world, teammate, name):
    return teammate if name == "teammate" else getattr(world, name)


@pytest.mark.parametrize("persona", OTHERS)
def test_private_slice_two_records_are_404_for_others(
    client, world, teammate, url, secrets, persona
):
    client.force_login(_person(world, teammate, persona))
    fr, p = secrets["feedback_request"], secrets["participation"]
    for address in (
        url("learning:feedback_detail", feedback_request_id=fr.pk),
        url("learning:participation_detail", participation_id=p.pk),
        url("learning:participation_applied", participation_id=p.pk),
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address, {"writeup": "x", "applied": "ja"}).status_code == 404
    p.refresh_from_db()
    assert (p.writeup, p.applied) == (WRITEUP, "nee")


@pytest.mark.parametrize("persona", OTHERS)
def test_private_slice_two_text_appears_on_no_page_without_ids(
    client, world, teammate, secrets, persona
):
    client.force_login(_person(world, teammate, persona))
    opened = []
    for address in _routes_without_objects():
        response = client.get(address)
        if response.status_code != 200:
            continue
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for secret in (QUESTION, ANSWER, WRITEUP, NOTE):
            assert secret not in text, (address, secret)
        opened.append(address)
    if persona != "outsider":
        assert "/o/regenboog/leren/feedback/" in opened
        assert "/o/regenboog/leren/overzicht/" in opened or persona in ("coach", "teammate")


def test_private_slice_two_owner_reads_everything(client, world, url, secrets):
    client.force_login(world.staff)
    fr, p = secrets["feedback_request"], secrets["participation"]
    html = client.get(url("learning:feedback_detail", feedback_request_id=fr.pk)).content.decode()
    assert html.count(ANSWER) == 3
    html = client.get(url("learning:participation_detail", participation_id=p.pk)).content.decode()
    assert WRITEUP in html
