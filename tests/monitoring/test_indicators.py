import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.monitoring.models import CheckIn, Indicator
from lerend.monitoring.selectors import indicators as selectors
from lerend.monitoring.services import indicators as services
from lerend.organisations.access import resolve_access
from lerend.organisations.models import AuditEntry, Role
from tests.factories import member

from .conftest import TODAY, make_indicator

pytestmark = pytest.mark.django_db


def test_indicator_list_personas(client, world, url, indicator, team_indicator):
    for person in (world.staff, world.teamleader, world.manager, world.coach, world.board):
        client.force_login(person)
        assert client.get(url("monitoring:indicators")).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url("monitoring:indicators")).status_code == 404


def test_indicator_create_personas(client, world, url):
    client.force_login(world.board)
    assert client.get(url("monitoring:indicator_create")).status_code == 200
    client.force_login(world.staff)
    assert client.get(url("monitoring:indicator_create")).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url("monitoring:indicator_create")).status_code == 404


def test_team_indicator_is_403_for_a_member_of_another_team(client, world, url, team_indicator):
    other = member(world.org, Role.MEDEWERKER, team=world.other_team)
    page = url("monitoring:indicator", indicator_id=team_indicator.pk)
    client.force_login(world.staff)
    assert client.get(page).status_code == 200
    client.force_login(world.coach)  # covers the location
    assert client.get(page).status_code == 200
    client.force_login(other)
    assert client.get(page).status_code == 403
    assert "Rust in Groep Rups" not in client.get(url("monitoring:indicators")).content.decode()
    client.force_login(world.outsider)
    assert client.get(page).status_code == 404


def test_other_organisations_indicator_is_404(client, world, url):
    elsewhere = make_indicator(world.other_org, world.outsider)
    client.force_login(world.admin)
    assert client.get(url("monitoring:indicator", indicator_id=elsewhere.pk)).status_code == 404


def test_create_indicator_through_the_form_links_a_goal_and_is_audited(client, world, url):
    from lerend.improvement import services as improvement

    goal = improvement.create_goal(
        organisation=world.org,
        actor=world.board,
        owner=world.board,
        title="Meer buiten",
        starts_on=TODAY,
        ends_on=TODAY,
    )
    client.force_login(world.board)
    response = client.post(
        url("monitoring:indicator_create"),
        {
            "title": "Buitenspel",
            "kind": "uitkomst",
            "level": "organisation",
            "unit": "%",
            "baseline": "40",
            "baseline_on": "2026-01-01",
            "target": "60,5",
            "direction": "hoger",
            "cadence": "kwartaal",
            "source": "handmatig",
            "goal_ids": [str(goal.pk)],
            "building_blocks": ["monitoring-evaluatie"],
            "owner": world.staff.pk,
        },
    )
    indicator = Indicator.objects.get(title="Buitenspel")
    assert response.status_code == 302
    assert indicator.target == Decimal("60.5")
    assert indicator.owner == world.staff
    assert selectors.links_of(indicator)["doel"] == [goal.pk]
    assert AuditEntry.objects.filter(action="indicator.create", actor=world.board).count() == 1


def test_target_on_the_wrong_side_of_the_baseline_is_refused(world):
    with pytest.raises(ValidationError) as error:
        make_indicator(world.org, world.board, baseline=Decimal("60"), target=Decimal("40"))
    assert error.value.message_dict == {
        "target": ["Bij 'hoger is beter' moet het doel boven de beginwaarde liggen."]
    }


def test_owner_must_be_a_member(client, world, url):
    client.force_login(world.board)
    response = client.post(
        url("monitoring:indicator_create"),
        {
            "title": "X",
            "kind": "proces",
            "level": "organisation",
            "baseline": "1",
            "baseline_on": "2026-01-01",
            "target": "2",
            "direction": "hoger",
            "cadence": "kwartaal",
            "source": "handmatig",
            "owner": world.outsider.pk,
        },
    )
    assert response.status_code == 200
    assert "Kies iemand uit de lijst: deze persoon kan hier niet gekozen worden." in (
        response.content.decode()
    )
    assert not Indicator.objects.filter(title="X").exists()


def test_staff_cannot_create_at_organisation_level_by_posting(client, world, url):
    client.force_login(world.teamleader)
    response = client.post(
        url("monitoring:indicator_create"),
        {
            "title": "Stiekem",
            "kind": "proces",
            "level": "organisation",
            "baseline": "1",
            "baseline_on": "2026-01-01",
            "target": "2",
            "direction": "hoger",
            "cadence": "kwartaal",
            "source": "handmatig",
        },
    )
    assert response.status_code == 200
    assert not Indicator.objects.filter(title="Stiekem").exists()


def test_check_in_sets_status_and_shows_on_list(client, world, url, indicator):
    client.force_login(world.board)
    response = client.post(
        url("monitoring:check_in_create", indicator_id=indicator.pk),
        {"measured_on": TODAY.isoformat(), "value": "55,5", "confidence": "hoog", "note": "Goed"},
    )
    assert response.status_code == 302
    assert CheckIn.objects.get(indicator=indicator).value == Decimal("55.5")
    html = client.get(url("monitoring:indicators")).content.decode()
    assert "55,5 %" in html
    found = selectors.indicators_visible_to(resolve_access(world.board, world.org))
    assert [(i.title, i.status) for i in found] == [("Kinderen buiten", "op_koers")]


def test_check_in_by_staff_is_403(client, world, url, indicator):
    client.force_login(world.staff)
    response = client.post(
        url("monitoring:check_in_create", indicator_id=indicator.pk),
        {"measured_on": TODAY.isoformat(), "value": "50", "confidence": "hoog"},
    )
    assert response.status_code == 403
    assert not CheckIn.objects.exists()


def test_check_in_in_the_future_or_twice_a_day_is_refused(world, indicator):
    with pytest.raises(ValidationError):
        services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=TODAY + datetime.timedelta(days=1),
            value=Decimal(1),
            confidence="hoog",
        )
    services.add_check_in(
        indicator=indicator,
        actor=world.board,
        measured_on=TODAY,
        value=Decimal(1),
        confidence="hoog",
    )
    with pytest.raises(ValidationError) as error:
        services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=TODAY,
            value=Decimal(2),
            confidence="hoog",
        )
    assert error.value.message_dict == {"measured_on": ["Er is al een meting op deze dag."]}


def test_detail_page_has_chart_with_target_and_table(client, world, url, indicator):
    for days, value in ((90, "45"), (30, "50")):
        services.add_check_in(
            indicator=indicator,
            actor=world.board,
            measured_on=TODAY - datetime.timedelta(days=days),
            value=Decimal(value),
            confidence="midden",
        )
    client.force_login(world.staff)
    html = client.get(url("monitoring:indicator", indicator_id=indicator.pk)).content.decode()
    assert html.count("<circle") == 2
    assert 'stroke-dasharray="6 4"' in html  # the target line
    assert "Doel 60" in html
    assert "<td>50 %</td>" in html


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("monitoring:indicators")).status_code == 200
    return len(queries)


def test_indicator_list_query_count_is_constant(client, world, url):
    client.force_login(world.board)
    make_indicator(world.org, world.board, title="Een")
    one = _list_queries(client, url)
    for n in range(2):
        extra = make_indicator(
            world.org, world.board, title=f"Meer {n}", level="team", team=world.team
        )
        services.add_check_in(
            indicator=extra,
            actor=world.board,
            measured_on=TODAY,
            value=Decimal(50),
            confidence="hoog",
        )
    assert _list_queries(client, url) == one


def test_statuses_for_goals_offers_the_computed_status(world, indicator):
    from lerend.improvement import services as improvement

    goal = improvement.create_goal(
        organisation=world.org,
        actor=world.board,
        owner=world.board,
        title="Meer buiten",
        starts_on=TODAY,
        ends_on=TODAY,
    )
    services.update_indicator(indicator=indicator, actor=world.board, goal_ids=[goal.pk])
    services.add_check_in(
        indicator=indicator,
        actor=world.board,
        measured_on=TODAY,
        value=Decimal(61),
        confidence="hoog",
    )
    found = selectors.statuses_for_goals(world.org, [goal.pk])
    assert [(row["indicator"].title, row["status"]) for row in found[goal.pk]] == [
        ("Kinderen buiten", "behaald")
    ]


def test_exports_csv_and_xlsx_hold_the_visible_indicators(
    client, world, url, indicator, team_indicator
):
    other = member(world.org, Role.MEDEWERKER, team=world.other_team)
    services.add_check_in(
        indicator=indicator,
        actor=world.board,
        measured_on=TODAY,
        value=Decimal("52.25"),
        confidence="hoog",
    )
    client.force_login(other)
    text = client.get(url("monitoring:export_csv")).getvalue().decode("utf-8-sig")
    assert "Kinderen buiten" in text
    assert "52,25" in text
    assert "Rust in Groep Rups" not in text
    response = client.get(url("monitoring:export_xlsx"))
    assert response.status_code == 200
    assert response.getvalue()[:2] == b"PK"


def test_indicator_edit_personas_and_save(client, world, url, team_indicator):
    page = url("monitoring:indicator_edit", indicator_id=team_indicator.pk)
    client.force_login(world.staff)
    assert client.get(page).status_code == 403
    client.force_login(world.outsider)
    assert client.get(page).status_code == 404
    client.force_login(world.teamleader)
    assert client.get(page).status_code == 200
    response = client.post(
        page,
        {
            "title": "Rust in Groep Rups",
            "kind": "uitkomst",
            "level": "team",
            "team": world.team.pk,
            "baseline": "40",
            "baseline_on": "2026-01-01",
            "target": "65",
            "direction": "hoger",
            "cadence": "maand",
            "source": "handmatig",
        },
    )
    assert response.status_code == 302
    team_indicator.refresh_from_db()
    assert (team_indicator.target, team_indicator.cadence) == (Decimal("65"), "maand")
    entry = AuditEntry.objects.get(action="indicator.update")
    assert entry.after["target"] == "65.00"


def test_pdf_export_holds_the_indicators_with_their_charts(client, world, url, indicator):
    services.add_check_in(
        indicator=indicator,
        actor=world.board,
        measured_on=TODAY,
        value=Decimal("52.5"),
        confidence="hoog",
    )
    client.force_login(world.staff)
    response = client.get(url("monitoring:export_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(world.outsider)
    assert client.get(url("monitoring:export_pdf")).status_code == 404


def test_an_archived_indicator_leaves_the_list(client, world, url, indicator):
    services.update_indicator(indicator=indicator, actor=world.board, archived=True)
    client.force_login(world.board)
    assert "Kinderen buiten" not in client.get(url("monitoring:indicators")).content.decode()
    page = url("monitoring:indicator", indicator_id=indicator.pk)
    assert client.get(page).status_code == 200
