"""Peer feedback on a phone: ask three colleagues, they answer anonymously, the requester
reads the three answers together."""

import pytest

from lerend.learning.models import FeedbackAnswer
from lerend.organisations.models import Role
from tests.factories import member

from .conftest import PHONE, assert_accessible, pick, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Wat zie je mij goed doen tijdens het eten met de groep?"
ANSWERS = ["Je geeft elk kind een beurt", "Je blijft rustig bij gemors", "Je zingt het tafellied"]


def test_staff_asks_three_colleagues_who_answer_anonymously_on_a_phone(
    page, live_server, login, world
):
    colleagues = [
        member(world.org, Role.MEDEWERKER, team=world.team, person__name=name)
        for name in ("Anouk de Vries", "Bram Jansen", "Chaima El Amrani")
    ]
    page.set_viewport_size(PHONE)
    base = f"{live_server.url}/o/regenboog/leren"
    login(world.staff)
    page.goto(f"{base}/feedback/")
    page.get_by_role("link", name="Vraag om feedback").click()
    page.wait_for_load_state()
    page.get_by_label("Je vraag").fill(QUESTION)
    for person in colleagues:
        pick(page, "Wie vraag je?", person.name)
    screenshot(page, "learning-feedback-ask-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Je vraag is verstuurd.").is_visible()
    assert page.get_by_text("0 van 3 collega's hebben geantwoord.", exact=False).is_visible()

    for index, (person, text) in enumerate(zip(colleagues, ANSWERS, strict=True)):
        page.context.clear_cookies()
        login(person)
        page.goto(f"{base}/feedback/")
        page.get_by_role("link", name=f"Beantwoord de vraag van {world.staff.name}").click()
        page.wait_for_load_state()
        assert page.get_by_text(QUESTION).is_visible()
        page.get_by_label("Je antwoord").fill(text)
        page.get_by_label("Anoniem antwoorden").check()
        if index == 0:
            screenshot(page, "learning-feedback-answer-phone")
            assert_accessible(page)
        page.get_by_role("button", name="Antwoord versturen").click()
        page.wait_for_load_state()
        assert page.get_by_text("Dank je wel voor je feedback.").is_visible()

    assert sorted(FeedbackAnswer.objects.values_list("text", "author", "anonymous")) == sorted(
        (text, None, True) for text in ANSWERS
    )
    page.context.clear_cookies()
    login(world.staff)
    page.goto(f"{base}/feedback/")
    page.get_by_role("link", name=QUESTION).click()
    page.wait_for_load_state()
    assert page.get_by_text("Samen, in willekeurige volgorde.").is_visible()
    for text in ANSWERS:
        assert page.get_by_text(text).is_visible()
    screenshot(page, "learning-feedback-answers-phone")
    assert_accessible(page)


def test_staff_registers_for_training_and_shares_what_she_learned_on_a_phone(
    page, live_server, login, world
):
    import datetime

    from lerend.learning import services
    from lerend.learning.models import Participation

    services.create_pd_activity(
        organisation=world.org,
        actor=world.admin,
        title="Training Taal in de groep",
        kind="training",
        hours=6,
        cost=180,
        starts_on=datetime.date.today() - datetime.timedelta(days=7),
        building_blocks=["pedagogisch-professionals"],
    )
    page.set_viewport_size(PHONE)
    base = f"{live_server.url}/o/regenboog/leren"
    login(world.staff)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Catalogus van activiteiten").click()
    page.wait_for_load_state()
    screenshot(page, "learning-pd-catalogue-phone")
    assert_accessible(page)
    page.get_by_role("link", name="Training Taal in de groep").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Ik heb deelgenomen").click()
    page.wait_for_load_state()
    page.get_by_label("Wat heb je geleerd?").fill("Ik benoem nu hardop wat ik doe.")
    page.get_by_label("Delen met collega's in de organisatie").check()
    screenshot(page, "learning-pd-participation-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Gedeeld met je collega's.").is_visible()
    participation = Participation.objects.get()
    assert (participation.status, participation.writeup_shared) == ("attended", True)
    page.goto(f"{base}/scholing/{participation.activity_id}/")
    assert page.get_by_text("Ik benoem nu hardop wat ik doe.").is_visible()
    screenshot(page, "learning-pd-detail-phone")
    assert_accessible(page)


def test_teamleader_holds_team_reflection_and_makes_an_action_on_a_phone(
    page, live_server, login, world
):
    from lerend.improvement.models import Action

    page.set_viewport_size(PHONE)
    base = f"{live_server.url}/o/regenboog/leren"
    login(world.teamleader)
    page.goto(f"{base}/teamreflectie/")
    page.get_by_role("link", name="Nieuwe teamreflectie").click()
    page.wait_for_load_state()
    page.get_by_label("Titel").fill("Terugblik zomerperiode")
    page.get_by_label("Periode of project").fill("Zomer 2026")
    pick(page, "Deelnemers", world.staff.name)
    page.get_by_label("Wat ging goed?").fill("Veel buiten gespeeld")
    page.get_by_label("Wat gaan we anders doen?").fill("Eerder zonnebrand smeren")
    screenshot(page, "learning-reflection-form-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Terugblik zomerperiode").is_visible()
    page.get_by_text("Maak er een actie van").click()
    page.get_by_role("textbox", name="Actie:").fill("Zonnebrandschema ophangen")
    pick(page, "Wie doet het?", world.staff.name)
    page.get_by_label("Klaar op").fill("2026-12-01")
    screenshot(page, "learning-reflection-detail-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Op het teambord zetten").click()
    page.wait_for_load_state()
    assert page.get_by_text("De actie staat op het teambord.").is_visible()
    assert list(Action.objects.values_list("title", "owner", "origin")) == [
        ("Zonnebrandschema ophangen", world.staff.pk, "reflectie")
    ]
