import pytest

from lerend.scans.models import ItemAggregate, Response
from lerend.scans.services import token_for
from tests.scans.test_campaign_support import invitation_of, launched

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_respondent_answers_pulse_on_a_phone(page, live_server, world):
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    token = token_for(invitation_of(campaign, world.staff).nonce)
    page.set_viewport_size(PHONE)

    page.goto(f"{live_server.url}/vragenlijst/{token}/")
    assert page.get_by_role("heading", name="Pulse najaar").is_visible()
    screenshot(page, "scans-respond-start-phone")
    assert_accessible(page)
    page.get_by_role("link", name="Beginnen").click()
    page.wait_for_load_state()

    first, second = instrument.items[0], instrument.items[1]
    group = page.get_by_role("group", name=first.text.nl)
    group.get_by_label("Eens", exact=True).check()
    page.get_by_role("group", name=second.text.nl).get_by_label("Weet ik niet").check()
    screenshot(page, "scans-respond-page-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan en later verder").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Je antwoorden zijn bewaard").is_visible()
    assert_accessible(page)

    # Later: the same link continues where it stopped, answers kept.
    page.goto(f"{live_server.url}/vragenlijst/{token}/")
    page.get_by_role("link", name="Verdergaan waar je was gebleven").click()
    page.wait_for_load_state()
    kept = page.get_by_role("group", name=first.text.nl).get_by_label("Eens", exact=True)
    assert kept.is_checked()
    page.get_by_role("group", name=instrument.items[2].text.nl).get_by_label(
        "Helemaal eens"
    ).check()
    page.get_by_role("button", name="Naar het overzicht").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Controleren en versturen").is_visible()
    screenshot(page, "scans-respond-review-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Mijn antwoorden versturen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Bedankt!").is_visible()
    screenshot(page, "scans-respond-thanks-phone")
    assert_accessible(page)

    assert Response.objects.filter(campaign=campaign).count() == 1
    aggregate = ItemAggregate.objects.get(campaign=campaign, item_key=second.key)
    assert (aggregate.n, aggregate.dont_know) == (0, 1)


def test_leader_sees_campaign_detail(page, live_server, world, login):
    campaign = launched(world)
    login(world.admin)
    page.goto(f"{live_server.url}/o/regenboog/scans/{campaign.pk}/")
    assert page.get_by_role("heading", name="Pulse najaar").is_visible()
    screenshot(page, "scans-campaign-detail-desktop")
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/scans/nieuw/")
    screenshot(page, "scans-campaign-create-desktop")
    assert_accessible(page)
