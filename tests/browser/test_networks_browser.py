"""A pedagogisch medewerker answers an advice-network round on a phone: types part of a
colleague's name, ticks them (live search through htmx), consents and saves; the board then
reads the closed round's aggregates. Partners registry on a desktop. 0 serious axe findings."""

import datetime

import pytest

from lerend.networks import services as networks
from lerend.networks.models import Tie
from lerend.organisations.models import Role
from lerend.partners import services as partners
from lerend.partners.models import Activity, Agreement, Contact, Partner
from tests.factories import member

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_answering_a_network_round_on_a_phone(page, live_server, login, world):
    colleague = member(world.org, Role.MEDEWERKER, team=world.team, person__name="Femke Zonnedauw")
    for _ in range(4):
        member(world.org, Role.MEDEWERKER, team=world.team)
    today = datetime.date.today()
    network_round = networks.create_round(
        organisation=world.org,
        actor=world.board,
        title="Wie leert van wie",
        purposes=["een lastige situatie op de groep"],
        purpose_statement="We koppelen leergroepen op basis van de totalen.",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
    )
    networks.launch_round(network_round=network_round, actor=world.board)
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/netwerk/{network_round.pk}/invullen/")
    assert page.get_by_role("heading", name="Bij wie ga je te rade?").is_visible()
    page.get_by_label("Zoek een collega").fill("zonned")
    page.get_by_label("Femke Zonnedauw").wait_for()
    page.get_by_label("Femke Zonnedauw").check()
    page.get_by_label("Ik heb gelezen waarom jullie het vragen").check()
    screenshot(page, "networks-respond-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Antwoorden opslaan").click()
    page.wait_for_load_state()
    assert list(Tie.objects.values_list("alter_id", flat=True)) == [colleague.pk]
    assert page.get_by_text("Je antwoorden zijn opgeslagen").is_visible()
    # The page has no horizontal scroll on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)


def test_the_closed_round_shows_aggregates_only(page, live_server, login, world):
    people = [world.staff, world.teamleader] + [
        member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(4)
    ]
    others = [member(world.org, Role.MEDEWERKER, team=world.other_team) for _ in range(6)]
    today = datetime.date.today()
    network_round = networks.create_round(
        organisation=world.org,
        actor=world.board,
        title="Voorjaar",
        purposes=["ideeën"],
        purpose_statement="Waarom.",
        opens_on=today,
        closes_on=today,
    )
    networks.launch_round(network_round=network_round, actor=world.board)
    for group in (people, others):
        for i, person in enumerate(group):
            networks.submit_answers(
                network_round=network_round,
                person=person,
                chosen={1: [group[(i + 1) % len(group)].pk]},
                consent=True,
            )
    networks.close_round(network_round=network_round, actor=world.board)
    login(world.board)
    page.goto(f"{live_server.url}/o/regenboog/netwerk/{network_round.pk}/")
    assert page.get_by_role("heading", name="Advies binnen teams").is_visible()
    text = page.inner_text("main")
    for person in people + others:
        assert person.name not in text
    screenshot(page, "networks-results")
    assert_accessible(page)


def test_the_partner_registry(page, live_server, login, world):
    partner = partners.save_partner(
        partner=Partner(
            organisation=world.org,
            name="Basisschool De Horizon",
            kind="primary_school",
            place="Utrecht",
        ),
        actor=world.coach,
    )
    partners.save_contact(
        contact=Contact(
            partner=partner, name="Marieke de Vries", role="IB'er", email="ib@example.org"
        ),
        actor=world.coach,
    )
    partners.save_agreement(
        agreement=Agreement(
            partner=partner,
            title="Convenant doorgaande lijn",
            kind="covenant",
            starts_on=datetime.date(2025, 1, 1),
            review_on=datetime.date.today(),
            owner=world.coach,
        ),
        actor=world.coach,
    )
    Activity.objects.create(
        partner=partner,
        kind="handover",
        title="Warme overdracht voorjaar",
        held_on=datetime.date.today(),
    )
    login(world.coach)
    page.goto(f"{live_server.url}/o/regenboog/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Ketenpartners"
    ).click()
    page.wait_for_load_state()
    assert page.get_by_text(
        "Overdrachtsgegevens over kinderen blijven buiten Lerend"
    ).first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Basisschool De Horizon").click()
    page.wait_for_load_state()
    assert page.get_by_text("Marieke de Vries").is_visible()
    assert page.get_by_text("evaluatie nodig").is_visible()
    screenshot(page, "partners-detail")
    assert_accessible(page)
    page.get_by_role("link", name="Gezamenlijke activiteit toevoegen").click()
    page.wait_for_load_state()
    page.get_by_label("Soort").select_option("training")
    page.get_by_label("Titel").fill("Studiemiddag taal")
    page.get_by_label("Datum").fill(datetime.date.today().isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Studiemiddag taal").is_visible()
