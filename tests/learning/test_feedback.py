"""Peer feedback: only the requester reads answers; anonymous ones only together and only
from 3 asked and 3 anonymous answers; nothing ties an anonymous answer to its writer."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerend.learning import selectors, services
from lerend.learning.models import FeedbackAnswer, FeedbackInvite, FeedbackRequest
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import access_of

QUESTION = "Wat zie je mij goed doen bij het overdragen aan ouders?"
ANSWERS = ["Je luistert echt", "Je bent kort en helder", "Je noemt altijd iets positiefs"]


@pytest.fixture
def asked(world):
    return [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(3)]


def _ask(world, people, allow_anonymous=True):
    return services.create_feedback_request(
        access=access_of(world.staff, world.org),
        requester=world.staff,
        question=QUESTION,
        people=people,
        allow_anonymous=allow_anonymous,
    )


def _answer(person, feedback_request, text, anonymous=True):
    invite = FeedbackInvite.objects.get(request=feedback_request, person=person)
    return services.answer_feedback(invite=invite, text=text, anonymous=anonymous)


def test_feedback_detail_opens_for_the_requester_only(client, world, asked, url):
    feedback_request = _ask(world, asked)
    for person, text in zip(asked, ANSWERS, strict=True):
        _answer(person, feedback_request, text)
    detail = url("learning:feedback_detail", feedback_request_id=feedback_request.pk)
    client.force_login(world.staff)
    response = client.get(detail)
    assert response.status_code == 200
    assert all(text in response.content.decode() for text in ANSWERS)
    others = [asked[0], world.teamleader, world.manager, world.coach, world.board, world.admin]
    for other in others:
        client.force_login(other)
        assert client.get(detail).status_code == 404
    client.force_login(world.outsider)
    assert client.get(detail).status_code == 404


def test_feedback_invite_opens_for_the_asked_colleague_only(client, world, asked, url):
    feedback_request = _ask(world, asked)
    invite = feedback_request.invites.get(person=asked[0])
    address = url("learning:feedback_answer", feedback_invite_id=invite.pk)
    client.force_login(asked[0])
    assert client.get(address).status_code == 200
    for other in (world.staff, asked[1], world.teamleader, world.admin, world.outsider):
        client.force_login(other)
        assert client.get(address).status_code == 404
        assert client.post(address, {"text": "x"}).status_code == 404
    assert FeedbackAnswer.objects.count() == 0


def test_feedback_answer_through_the_page_marks_the_invite(client, world, asked, url):
    feedback_request = _ask(world, asked)
    invite = feedback_request.invites.get(person=asked[0])
    client.force_login(asked[0])
    address = url("learning:feedback_answer", feedback_invite_id=invite.pk)
    response = client.post(address, {"text": "Je luistert echt", "anonymous": "on"})
    assert response.status_code == 302
    invite.refresh_from_db()
    assert invite.answered is True
    assert list(FeedbackAnswer.objects.values_list("text", "anonymous", "author")) == [
        ("Je luistert echt", True, None)
    ]
    # A second submit stores nothing more.
    client.post(address, {"text": "Nog een keer", "anonymous": "on"})
    assert FeedbackAnswer.objects.count() == 1


def test_feedback_anonymous_answers_hidden_at_two_shown_together_at_three(world, asked):
    feedback_request = _ask(world, asked)
    _answer(asked[0], feedback_request, ANSWERS[0])
    _answer(asked[1], feedback_request, ANSWERS[1])
    found = selectors.feedback_request_for_requester(
        access_of(world.staff, world.org), world.staff, feedback_request.pk
    )
    assert selectors.feedback_answers(found) == {
        "named": [],
        "anonymous": None,
        "anonymous_count": 2,
    }
    _answer(asked[2], feedback_request, ANSWERS[2])
    shown = selectors.feedback_answers(found)
    assert sorted(shown["anonymous"]) == sorted(ANSWERS)


def test_feedback_anonymous_needs_three_asked_even_with_named_answers(world, asked):
    """Two asked: even two anonymous answers (everyone) stay hidden — asked < 3."""
    feedback_request = _ask(world, asked[:2])
    _answer(asked[0], feedback_request, ANSWERS[0])
    _answer(asked[1], feedback_request, ANSWERS[1])
    found = selectors.own_feedback_requests(access_of(world.staff, world.org), world.staff).get()
    assert found.asked == 2
    assert selectors.feedback_answers(found)["anonymous"] is None


def test_feedback_named_answers_show_their_author(world, asked):
    feedback_request = _ask(world, asked)
    _answer(asked[0], feedback_request, ANSWERS[0], anonymous=False)
    found = selectors.own_feedback_requests(access_of(world.staff, world.org), world.staff).get()
    result = selectors.feedback_answers(found)
    assert [(a.author, a.text) for a in result["named"]] == [(asked[0], ANSWERS[0])]
    assert result["anonymous_count"] == 0


def test_feedback_anonymous_answer_row_has_no_link_to_the_answerer(world, asked):
    feedback_request = _ask(world, asked)
    answer = _answer(asked[0], feedback_request, ANSWERS[0])
    row = FeedbackAnswer.objects.filter(pk=answer.pk).values().get()
    assert row == {
        "id": answer.pk,
        "request_id": feedback_request.pk,
        "text": ANSWERS[0],
        "author_id": None,
        "anonymous": True,
    }
    # Neither table has a time or a cross-link that could pair an invite with an answer.
    answer_links = {f.related_model for f in FeedbackAnswer._meta.get_fields() if f.is_relation}
    assert FeedbackInvite not in answer_links
    invite_fields = {f.name for f in FeedbackInvite._meta.get_fields()}
    assert invite_fields == {"id", "request", "person", "answered"}


def test_feedback_anonymous_refused_when_the_requester_asks_by_name(world, asked):
    feedback_request = _ask(world, asked, allow_anonymous=False)
    with pytest.raises(ValidationError):
        _answer(asked[0], feedback_request, ANSWERS[0])
    assert FeedbackAnswer.objects.count() == 0
    assert FeedbackInvite.objects.filter(answered=True).count() == 0


def test_feedback_request_refuses_people_outside_the_organisation(world):
    with pytest.raises(ValidationError):
        _ask(world, [world.outsider])
    with pytest.raises(ValidationError):
        _ask(world, [world.staff])
    assert FeedbackRequest.objects.count() == 0


def test_feedback_create_page_sends_invites(client, world, asked, url):
    client.force_login(world.staff)
    response = client.post(
        url("learning:feedback_create"),
        {"question": QUESTION, "people": [p.pk for p in asked], "allow_anonymous": "on"},
    )
    assert response.status_code == 302
    feedback_request = FeedbackRequest.objects.get()
    assert set(feedback_request.invites.values_list("person", flat=True)) == {p.pk for p in asked}


def test_feedback_list_shows_own_questions_and_own_pending_invites_only(client, world, asked, url):
    mine = _ask(world, asked)
    other = services.create_feedback_request(
        access=access_of(asked[1], world.org),
        requester=asked[1],
        question="Hoe vind je mijn kringgesprek?",
        people=[asked[0], world.teamleader],
    )
    client.force_login(asked[0])
    html = client.get(url("learning:feedback_list")).content.decode()
    assert f"/feedback/uitnodiging/{other.invites.get(person=asked[0]).pk}/" in html
    assert f"/feedback/uitnodiging/{mine.invites.get(person=asked[0]).pk}/" in html
    assert "Hoe vind je mijn kringgesprek?" not in html
    client.force_login(world.teamleader)
    html = client.get(url("learning:feedback_list")).content.decode()
    assert QUESTION not in html
    assert f"/feedback/{mine.pk}/" not in html


def test_feedback_list_query_count_same_for_one_and_three(
    client, world, asked, url, django_assert_num_queries
):
    _ask(world, asked)
    client.force_login(world.staff)
    address = url("learning:feedback_list")
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    _ask(world, asked)
    _ask(world, asked[:1])
    with django_assert_num_queries(len(one)):
        assert client.get(address).status_code == 200


def test_feedback_invite_is_a_home_task_for_the_asked_colleague_only(world, asked):
    from types import SimpleNamespace

    from lerend.learning import tasks_home

    feedback_request = _ask(world, asked)
    invite = feedback_request.invites.get(person=asked[0])

    def urls(person):
        request = SimpleNamespace(access=access_of(person, world.org), user=person)
        return [task.url for task in tasks_home.tasks_for(request)]

    assert urls(asked[0]) == [f"/o/regenboog/leren/feedback/uitnodiging/{invite.pk}/"]
    assert urls(world.staff) == []
    assert urls(world.teamleader) == []
    _answer(asked[0], feedback_request, ANSWERS[0])
    assert urls(asked[0]) == []


def test_feedback_invites_are_mailed_in_each_language_without_the_question(
    world, asked, django_capture_on_commit_callbacks, mailoutbox
):
    asked[1].language = "en"
    asked[1].save()
    with django_capture_on_commit_callbacks(execute=True):
        feedback_request = _ask(world, asked)
    mails = {mail.to[0]: mail for mail in mailoutbox}
    assert sorted(mails) == sorted(person.email for person in asked)
    dutch, english = mails[asked[0].email], mails[asked[1].email]
    assert dutch.subject == f"{world.staff.name} vraagt om jouw feedback"
    assert english.subject == f"{world.staff.name} asks for your feedback"
    invite = feedback_request.invites.get(person=asked[0])
    path = reverse("learning:feedback_answer", args=[world.org.slug, invite.pk])
    assert path in dutch.body and "anoniem" in dutch.body
    assert QUESTION not in dutch.body and QUESTION not in english.body


def test_feedback_invites_are_not_mailed_when_the_request_fails(
    world, asked, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        _ask(world, [world.outsider])
    assert mailoutbox == []
