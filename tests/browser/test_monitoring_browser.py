"""A well-being round on a phone: the pedagogisch medewerker starts a round for their group
and scores a child with thumb-sized buttons; then the leader's indicator page with its chart
and the chain view of a goal."""

import datetime
from decimal import Decimal

import pytest

from lerend.improvement import services as improvement
from lerend.monitoring.models import WellbeingScore
from lerend.monitoring.services import indicators as indicator_services
from lerend.monitoring.services import wellbeing

from .conftest import DESKTOP, PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_round_on_a_phone_then_indicator_chart_and_chain(page, live_server, login, world):
    today = datetime.date.today()
    page.set_viewport_size(PHONE)
    login(world.staff)
    page.goto(f"{live_server.url}/o/regenboog/monitoren/welbevinden/")
    assert page.get_by_role("heading", name="Welbevinden en betrokkenheid").is_visible()
    page.get_by_role("link", name="Ronde starten").click()
    page.wait_for_load_state()
    page.get_by_label("Groep").select_option(label="Groep Rups")  # in the optgroup "De Vlinder"
    page.get_by_label("Eerste moment").fill((today - datetime.timedelta(days=2)).isoformat())
    page.get_by_label("Tweede moment (een andere dag)").fill(today.isoformat())
    page.get_by_role("button", name="Ronde starten").click()
    page.wait_for_load_state()
    assert page.get_by_text("Ronde gestart.").is_visible()

    page.get_by_label("Kind (nummer of schuilnaam — nooit een naam)").fill("7")
    page.locator(".field--moment").get_by_text("Eerste").click()
    page.locator(".field--wellbeing").get_by_text("4", exact=True).click()
    page.locator(".field--involvement").get_by_text("5", exact=True).click()
    screenshot(page, "monitoring-round-entry-phone")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan en volgende").click()
    page.wait_for_load_state()
    assert page.get_by_text("Opgeslagen voor kind 7. Volgende kind.").is_visible()
    assert page.get_by_text("nog 9 kinderen nodig").is_visible()
    score = WellbeingScore.objects.get()
    assert (score.child, score.moment, score.wellbeing, score.involvement) == ("7", 1, 4, 5)
    screenshot(page, "monitoring-round-saved-phone")
    assert_accessible(page)

    # The leader: an indicator with a year of measurements, and the chain of a goal.
    goal = improvement.create_goal(
        organisation=world.org,
        actor=world.teamleader,
        level="team",
        team=world.team,
        owner=world.teamleader,
        title="Rust in de groep",
        starts_on=today,
        ends_on=today,
    )
    indicator = indicator_services.create_indicator(
        organisation=world.org,
        actor=world.board,
        level="organisation",
        title="Welbevinden op 4–5",
        kind="uitkomst",
        unit="%",
        baseline=Decimal(55),
        baseline_on=today - datetime.timedelta(days=365),
        target=Decimal(70),
        direction="hoger",
        cadence="maand",
        source="handmatig",
        owner=world.board,
        goal_ids=[goal.pk],
    )
    for month in range(6):
        indicator_services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=today - datetime.timedelta(days=30 * (5 - month)),
            value=Decimal(56 + 2 * month),
            confidence="midden",
        )
    wellbeing.close_round(round=score.round, actor=world.teamleader)
    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)
    login(world.teamleader)
    page.goto(f"{live_server.url}/o/regenboog/monitoren/indicatoren/{indicator.pk}/")
    assert page.get_by_text("Op koers").first.is_visible()
    assert page.locator("svg.chart--line circle").count() == 6
    screenshot(page, "monitoring-indicator-desktop")
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/monitoren/welbevinden/")
    assert page.get_by_role("link", name="De Vlinder – Groep Rups").is_visible()
    screenshot(page, "monitoring-wellbeing-overview-desktop")
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/monitoren/indicatoren/nieuw/")
    screenshot(page, "monitoring-indicator-form-desktop")
    assert_accessible(page)
    page.goto(f"{live_server.url}/o/regenboog/monitoren/keten/doel/{goal.pk}/")
    assert page.get_by_text("geen bewijs", exact=False).is_visible()
    screenshot(page, "monitoring-chain-desktop")
    assert_accessible(page)
