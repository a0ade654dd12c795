import re

import pytest

from tests.scans.test_results_support import parents_campaign, pulse_campaign

from .conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_team_leader_reads_team_results_and_downloads_the_pdf(page, live_server, world, login):
    pulse = pulse_campaign(world, everything=True)
    login(world.teamleader)
    page.goto(f"{live_server.url}/o/{world.org.slug}/scans/resultaten/")
    assert_accessible(page)
    page.get_by_role("link", name="Groep Rups").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Resultaten van Groep Rups").is_visible()
    assert page.locator("svg.chart--radar").count() == 1
    assert page.locator("svg.chart--bars").count() == 1
    # every chart has its table alternative
    page.locator("#h-radar ~ details summary").click()
    table = page.locator("#h-radar ~ details table")
    assert table.is_visible()
    assert table.get_by_role("row", name=re.compile("Pedagogisch professionals")).is_visible()
    assert page.get_by_text("Rups zegt 5").is_visible()  # the leader reads comments
    screenshot(page, "scans-results-team")
    assert_accessible(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="Download het teamrapport (pdf)").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    pdf_url = (
        f"{live_server.url}/o/{world.org.slug}/scans/{pulse.campaign.pk}/resultaten/"
        f"team/{world.team.pk}/pdf/"
    )
    response = page.request.get(pdf_url)
    assert response.headers["content-type"] == "application/pdf"

    page.set_viewport_size(PHONE)
    page.reload()
    screenshot(page, "scans-results-team-phone")


def test_leader_opening_a_small_team_sees_too_few(page, live_server, world, login):
    pulse = pulse_campaign(world, everything=True)
    login(world.manager)
    page.goto(
        f"{live_server.url}/o/{world.org.slug}/scans/{pulse.campaign.pk}/resultaten/"
        f"locatie/{world.location.pk}/"
    )
    assert page.locator("svg.chart--heatmap").count() == 1
    screenshot(page, "scans-results-location")
    assert_accessible(page)
    page.goto(
        f"{live_server.url}/o/{world.org.slug}/scans/{pulse.campaign.pk}/resultaten/"
        f"team/{world.other_team.pk}/"
    )
    assert page.get_by_role("heading", name="Te weinig respondenten").is_visible()
    assert page.locator("svg").count() == 0
    screenshot(page, "scans-results-too-few")
    assert_accessible(page)


def test_board_reads_the_organisation_dashboard(page, live_server, world, login):
    pulse = pulse_campaign(world, everything=True)
    parents_campaign(world, {world.team: [(2, 3)] * 6}, title="Oudervragenlijst voorjaar")
    login(world.board)
    page.goto(f"{live_server.url}/o/{world.org.slug}/scans/{pulse.campaign.pk}/resultaten/")
    assert page.get_by_role("heading", name="Resultaten van Kinderopvang De Regenboog").is_visible()
    gap = page.locator("section", has=page.get_by_role("heading", name="Verschil in beleving"))
    assert gap.locator("svg.chart--gap").count() == 1
    assert gap.get_by_label("Vergelijk met de oudercampagne").input_value() != "geen"
    screenshot(page, "scans-results-organisation")
    assert_accessible(page)
    gap.get_by_label("Vergelijk met de oudercampagne").select_option(label="Geen vergelijking")
    gap.get_by_role("button", name="Toon").click()
    page.wait_for_load_state()
    assert page.url.endswith("?vergelijk=geen")
    assert gap.locator("svg.chart--gap").count() == 0
    page.get_by_role("link", name="Heatmap van de teams").click()
    page.wait_for_load_state()
    assert page.locator("svg.chart--heatmap").count() == 1
    screenshot(page, "scans-results-heatmap")
    assert_accessible(page)
