"""A full board session in Chromium: goal -> action -> done -> success, on a large screen
and on a phone, with axe-core on every page on the way."""

import datetime

import pytest
from django.utils import timezone

from lerend.improvement.models import Action, BoardItem, BoardSession, Goal

from .conftest import DESKTOP, PHONE, assert_accessible, pick, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def _in(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_board_session_on_large_screen(page, login, world, live_server):
    page.set_viewport_size({"width": 1600, "height": 1000})
    login(world.teamleader)
    base = f"{live_server.url}/o/regenboog/verbeteren"

    # A team goal.
    page.goto(f"{base}/team/{world.team.pk}/doelen/nieuw/")
    page.get_by_label("Titel").fill("Elke dag buiten spelen")
    page.get_by_label("Waarom").fill("Kinderen bewegen te weinig.")
    page.get_by_label("Cultuur").check()
    pick(page, "Eigenaar", world.teamleader.name)
    page.get_by_label("Einde").fill(_in(90))
    page.get_by_label("Start").fill(_in(0))
    screenshot(page, "goal-form-large")
    assert_accessible(page)
    page.get_by_role("button", name="Doel opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Doel opgeslagen.").is_visible()
    goal = Goal.objects.get()
    assert goal.building_blocks == ["cultuur"]
    screenshot(page, "goal-detail-large")
    assert_accessible(page)

    # An action for it, from the goal page.
    page.get_by_role("link", name="Nieuwe actie voor dit doel").click()
    page.get_by_label("Titel").fill("Buitenspeelschema maken")
    page.get_by_label("Deadline").fill(_in(7))
    page.get_by_role("button", name="Actie opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Bord van Groep Rups").is_visible()
    action = Action.objects.get()
    assert (action.goal, action.owner, action.origin) == (goal, world.teamleader, "doel")
    screenshot(page, "board-large-todo")
    assert_accessible(page)

    # To "doing" and to "done" with htmx: the page itself is not reloaded.
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name="Zet “Buitenspeelschema maken” een kolom verder").click()
    page.get_by_role("region", name="Bezig 1").get_by_text(
        "Buitenspeelschema maken", exact=True
    ).wait_for()
    page.get_by_role("button", name="Zet “Buitenspeelschema maken” een kolom verder").click()
    page.get_by_role("region", name="Klaar 1").get_by_text(
        "Buitenspeelschema maken", exact=True
    ).wait_for()
    assert page.evaluate("window.__sameDocument") is True
    action.refresh_from_db()
    assert (action.status, action.version) == ("klaar", 3)

    # A success to celebrate.
    page.get_by_label("Soort").select_option(label="Succes om te vieren")
    page.get_by_label("Tekst").fill("Eerste buitendag gelukt!")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_role("region", name="Successen om te vieren").get_by_text(
        "Eerste buitendag gelukt!", exact=True
    ).wait_for()
    assert BoardItem.objects.get().kind == "succes"
    screenshot(page, "board-large-done")
    assert_accessible(page)

    # Session mode: timer, steps, notes.
    page.get_by_role("link", name="Sessie starten").click()
    page.wait_for_load_state()
    assert page.get_by_role("timer").get_by_text("15:00").is_visible()
    assert page.get_by_role("heading", name="1. Onze doelen").is_visible()
    assert not page.get_by_role("heading", name="2. Acties").is_visible()
    screenshot(page, "board-session-step1")
    assert_accessible(page)
    page.get_by_role("button", name="Timer starten").click()
    assert page.get_by_role("button", name="Timer pauzeren").is_visible()
    for _ in range(4):
        page.get_by_role("button", name="Volgende →").click()
    assert page.get_by_role("heading", name="5. Notities").is_visible()
    page.get_by_label("Notities van deze sessie").fill("Schema hangt in de gang.")
    screenshot(page, "board-session-notes")
    page.get_by_role("button", name="Notities opslaan en sessie afsluiten").click()
    page.wait_for_load_state()
    assert page.get_by_text("Schema hangt in de gang.").is_visible()
    assert BoardSession.objects.get().notes == "Schema hangt in de gang."
    assert_accessible(page)


def test_board_on_phone_stale_move_reloads(page, login, world, live_server):
    from tests.improvement.conftest import ActionFactory, GoalFactory

    goal = GoalFactory(team=world.team, title="Rustig overdragen")
    action = ActionFactory(team=world.team, goal=goal, owner=world.staff, title="Overdrachtsmap")
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/verbeteren/team/{world.team.pk}/bord/")
    # Columns stack: "Bezig" sits below "Te doen".
    todo = page.get_by_role("region", name="Te doen 1").bounding_box()
    doing = page.get_by_role("region", name="Bezig 0").bounding_box()
    assert doing["y"] > todo["y"] + todo["height"] - 1
    assert todo["width"] > PHONE["width"] * 0.8
    screenshot(page, "board-phone")
    assert_accessible(page)

    # Someone else moves the card meanwhile; this person's move is refused, the board reloads.
    Action.objects.filter(pk=action.pk).update(status="bezig", version=2)
    page.get_by_role("button", name="Zet “Overdrachtsmap” een kolom verder").click()
    page.get_by_text("Iemand anders heeft deze actie net verplaatst.").wait_for()
    assert (
        page.get_by_role("region", name="Bezig 1")
        .get_by_text("Overdrachtsmap", exact=True)
        .is_visible()
    )
    action.refresh_from_db()
    assert (action.status, action.version) == ("bezig", 2)
    screenshot(page, "board-phone-stale")

    # Done, then a success — all with the thumb.
    page.get_by_role("button", name="Zet “Overdrachtsmap” een kolom verder").click()
    page.get_by_role("region", name="Klaar 1").get_by_text("Overdrachtsmap", exact=True).wait_for()
    page.get_by_label("Soort").select_option(label="Succes om te vieren")
    page.get_by_label("Tekst").fill("Overdracht in 5 minuten")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Overdracht in 5 minuten", exact=True).wait_for()
    screenshot(page, "board-phone-done")
    assert_accessible(page)
    page.set_viewport_size(DESKTOP)
