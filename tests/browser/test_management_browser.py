import pytest
from django.core import mail

from lerend.accounts.models import User
from lerend.organisations.models import Invitation, Membership

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

CSV = (
    "naam;e-mail;locatie;team;rol;fte\n"
    "Anna de Vries;anna@example.nl;De Vlinder;Groep Rups;medewerker;0,8\n"
    "Bram Bakker;bram@example.nl;De Vlinder;Groep Pop;teamleider;1\n"
)


def test_admin_imports_csv_and_invites_on_phone(page, login, world, live_server, tmp_path):
    page.set_viewport_size(PHONE)
    login(world.admin)
    base = f"{live_server.url}/o/regenboog/beheer"

    page.goto(f"{base}/mensen/")
    assert page.get_by_role("heading", name="Mensen").is_visible()
    screenshot(page, "management-people-phone")
    assert_accessible(page)

    csv_file = tmp_path / "medewerkers.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    page.goto(f"{base}/importeren/")
    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(csv_file))
    page.get_by_role("button", name="Bestand controleren").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Import controleren").is_visible()
    assert page.get_by_text("Geen fouten gevonden.").is_visible()
    assert not User.objects.filter(email="anna@example.nl").exists()
    screenshot(page, "management-import-preview-phone")
    assert_accessible(page)

    page.get_by_role("button", name="2 mensen importeren").click()
    page.wait_for_load_state()
    assert page.get_by_text("2 mensen geïmporteerd").is_visible()
    assert Membership.objects.get(person__email="bram@example.nl").team == world.other_team
    assert len(mail.outbox) == 2

    page.goto(f"{base}/uitnodigingen/nieuw/")
    page.get_by_label("Naam", exact=True).fill("Cas Coach")
    page.get_by_label("E-mailadres").fill("cas@example.nl")
    page.get_by_label("Rol", exact=True).select_option("coach")
    page.get_by_label("Bereik").select_option("location")
    page.get_by_label("Locatie").select_option(label="De Vlinder")
    page.get_by_label("FTE").fill("0,6")
    screenshot(page, "management-invite-phone")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Er is een uitnodiging gestuurd naar cas@example.nl.").is_visible()
    assert Invitation.objects.filter(email="cas@example.nl", location=world.location).exists()
    assert mail.outbox[-1].to == ["cas@example.nl"]
    screenshot(page, "management-invitations-phone")

    page.goto(f"{base}/instellingen/")
    assert page.get_by_role("heading", name="Instellingen van de organisatie").is_visible()
    screenshot(page, "management-settings-phone")
    assert_accessible(page)
