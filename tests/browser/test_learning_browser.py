"""Writing a journal entry with a Korthagen prompt on a phone, and sharing it with the coach."""

import pytest

from lerend.learning.models import JournalEntry, Share

from .conftest import PHONE, assert_accessible, pick, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Bij het fruit eten bleef Sem huilen. Ik zag pas later dat hij honger had."


def test_staff_writes_entry_with_prompt_and_shares_with_coach_on_a_phone(
    page, live_server, login, world
):
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/leren/")
    assert page.get_by_role("heading", name="Mijn leren").is_visible()
    screenshot(page, "learning-my-learning-phone")
    assert_accessible(page)

    page.get_by_role("link", name="Schrijf in je logboek").click()
    page.wait_for_load_state()
    page.get_by_text("Even op gang komen? Vragen langs de reflectiecyclus").click()
    assert page.get_by_text("Wat valt je op nu je terugkijkt?").is_visible()
    page.get_by_label("Je reflectie").fill(TEXT)
    page.get_by_label("Titel (mag leeg blijven)").fill("Fruitmoment")
    page.get_by_label("Fase van de reflectiecyclus (mag leeg blijven)").select_option(
        label="Bewust worden van wat wezenlijk is"
    )
    page.get_by_label("Pedagogisch professionals", exact=False).first.check()
    screenshot(page, "learning-entry-form-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Notitie opslaan").click()
    page.wait_for_load_state()

    entry = JournalEntry.objects.get()
    assert (entry.phase, entry.building_blocks) == ("awareness", ["pedagogisch-professionals"])
    assert page.get_by_role("heading", name="Fruitmoment").is_visible()
    assert page.get_by_text("Alleen jij kunt dit lezen.").is_visible()
    pick(page, "Een coach of leidinggevende", world.coach.name)
    page.get_by_role("button", name="Delen", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Gedeeld. Je kunt het altijd weer intrekken.").is_visible()
    assert list(Share.objects.values_list("person_id", flat=True)) == [world.coach.pk]
    screenshot(page, "learning-entry-shared-phone")
    assert_accessible(page)

    # The coach reads it; the entry appears under "Met mij gedeeld".
    page.context.clear_cookies()
    login(world.coach)
    page.goto(f"{live_server.url}/o/regenboog/leren/")
    page.get_by_role("link", name="Fruitmoment").click()
    page.wait_for_load_state()
    assert page.get_by_text(TEXT).is_visible()
    screenshot(page, "learning-entry-coach-phone")
    assert_accessible(page)


def test_pop_and_team_overview_are_accessible(page, live_server, login, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lerend.learning import services
    from lerend.organisations.access import resolve_access

    plan = services.get_or_create_plan(
        organisation=world.org, owner=world.staff, year=__import__("datetime").date.today().year
    )
    goal = services.add_goal(
        plan=plan, title="Rust bij overgangen", building_blocks=["team"], start_score=2
    )
    services.add_activity(goal=goal, description="Meekijken bij een collega")
    services.add_evidence(
        plan=plan,
        kind="file",
        title="Observatieverslag",
        uploaded=SimpleUploadedFile("v.pdf", b"%PDF-1.4\n%%EOF"),
    )
    access = resolve_access(world.staff, world.org)
    review = services.create_review(
        access=access, plan=plan, kind="planning", reviewer=world.teamleader
    )
    services.save_review_notes(review=review, notes="Afspraak: twee keer meekijken.")
    services.share(access=access, owner=world.staff, plan=plan, person=world.teamleader)

    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/leren/pop/{plan.pk}/")
    assert page.get_by_role("heading", name="Rust bij overgangen").is_visible()
    screenshot(page, "learning-pop-phone")
    assert_accessible(page)
    page.get_by_role("link", name="Plangesprek").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Ik ben het eens met dit verslag").click()
    page.wait_for_load_state()
    screenshot(page, "learning-review-phone")
    assert_accessible(page)

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(world.teamleader)
    page.goto(f"{live_server.url}/o/regenboog/leren/overzicht/")
    assert page.get_by_role("heading", name="Leren in mijn teams").is_visible()
    screenshot(page, "learning-team-overview")
    assert_accessible(page)
