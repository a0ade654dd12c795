import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from lerend.improvement import selectors, services
from lerend.improvement.models import Goal, VisionVersion
from lerend.improvement.validators import validate_block_keys
from lerend.organisations.models import AuditEntry

from .conftest import GoalFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _goal_post(world, **overrides):
    data = {
        "title": "Elke dag buiten spelen",
        "why": "Kinderen bewegen te weinig.",
        "building_blocks": ["cultuur"],
        "owner": world.teamleader.pk,
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + datetime.timedelta(days=120)).isoformat(),
        "indicator": "Elke groep is dagelijks minstens een uur buiten.",
    }
    data.update(overrides)
    return data


def test_validate_block_keys_accepts_known_and_rejects_unknown():
    validate_block_keys(["cultuur"])
    with pytest.raises(ValidationError) as error:
        validate_block_keys(["cultuur", "bestaat-niet"])
    assert error.value.messages == ["Onbekende bouwsteen: bestaat-niet."]
    with pytest.raises(ValidationError):
        validate_block_keys(["cultuur", "cultuur"])


def test_team_goal_created_by_teamleader_with_audit(client, world, url):
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:team_goal_create", team_id=world.team.pk), _goal_post(world)
    )
    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("improvement:goal_detail", goal_id=goal.pk)
    assert (goal.level, goal.team, goal.organisation, goal.building_blocks) == (
        "team",
        world.team,
        world.org,
        ["cultuur"],
    )
    entry = AuditEntry.objects.get(action="goal.create")
    assert (entry.actor, entry.target_id, entry.after["title"]) == (
        world.teamleader,
        str(goal.pk),
        "Elke dag buiten spelen",
    )


def test_goal_in_the_past_gets_dutch_message(client, world, url):
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:team_goal_create", team_id=world.team.pk),
        _goal_post(world, starts_on="2020-01-01", ends_on="2020-06-01"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "Deze einddatum ligt in het verleden. Kies vandaag of een latere datum."
    ]
    assert Goal.objects.count() == 0


def test_goal_without_owner_gets_dutch_message(client, world, url):
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:team_goal_create", team_id=world.team.pk), _goal_post(world, owner="")
    )
    assert response.context["form"].errors["owner"] == ["Kies wie eigenaar is van dit doel."]


def test_goal_with_unknown_block_is_refused(client, world, url):
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:team_goal_create", team_id=world.team.pk),
        _goal_post(world, building_blocks=["onzin"]),
    )
    assert response.context["form"].errors["building_blocks"] == ["Onbekende bouwsteen: onzin."]


def test_goal_update_records_only_what_changed(client, world, url):
    goal = GoalFactory(team=world.team, owner=world.teamleader, title="Oud")
    client.force_login(world.teamleader)
    data = _goal_post(
        world,
        title="Nieuw",
        status="achter",
        starts_on=goal.starts_on.isoformat(),
        ends_on=goal.ends_on.isoformat(),
        why="",
        indicator="",
        building_blocks=[],
    )
    response = client.post(url("improvement:goal_edit", goal_id=goal.pk), data)
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="goal.update")
    assert entry.before == {"title": "Oud", "status": "op_koers"}
    assert entry.after == {"title": "Nieuw", "status": "achter"}


def test_goal_edit_keeps_an_end_date_that_has_passed(client, world, url):
    """An old goal can still get its status updated: only a changed end date is checked."""
    goal = GoalFactory(
        team=world.team,
        owner=world.teamleader,
        starts_on=TODAY() - datetime.timedelta(days=100),
        ends_on=TODAY() - datetime.timedelta(days=1),
    )
    client.force_login(world.teamleader)
    data = _goal_post(
        world,
        title=goal.title,
        status="behaald",
        starts_on=goal.starts_on.isoformat(),
        ends_on=goal.ends_on.isoformat(),
    )
    assert client.post(url("improvement:goal_edit", goal_id=goal.pk), data).status_code == 302
    goal.refresh_from_db()
    assert goal.status == "behaald"


def test_team_goal_supports_location_goal_cascade_both_ways(client, world, url):
    org_goal = GoalFactory(organisation=world.org, title="Spelend leren")
    client.force_login(world.teamleader)
    client.post(
        url("improvement:team_goal_create", team_id=world.team.pk),
        _goal_post(world, supports=org_goal.pk),
    )
    team_goal = Goal.objects.get(team=world.team)
    assert team_goal.supports == org_goal
    up = client.get(url("improvement:goal_detail", goal_id=team_goal.pk)).content.decode()
    down = client.get(url("improvement:goal_detail", goal_id=org_goal.pk)).content.decode()
    assert "Spelend leren" in up
    assert "Elke dag buiten spelen" in down


def test_team_goal_cannot_support_another_locations_goal(world):
    from tests.factories import LocationFactory

    elsewhere = LocationFactory(organisation=world.org)
    other = GoalFactory(organisation=world.org, location=elsewhere)
    with pytest.raises(ValidationError) as error:
        services.create_goal(
            organisation=world.org,
            actor=world.teamleader,
            team=world.team,
            title="x",
            owner=world.teamleader,
            starts_on=TODAY(),
            ends_on=TODAY(),
            supports=other,
        )
    assert error.value.message_dict == {
        "supports": ["Een team ondersteunt doelen van de eigen locatie."]
    }


def test_team_warned_above_max_active_goals(client, world, url):
    services.update_settings(organisation=world.org, actor=world.admin, max_active_goals_per_team=2)
    GoalFactory(team=world.team)
    GoalFactory(team=world.team)
    GoalFactory(team=world.team, status="behaald")  # not active: does not count
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:team_goal_create", team_id=world.team.pk), _goal_post(world)
    )
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "Groep Rups heeft nu 3 actieve doelen; jullie organisatie adviseert er hooguit 2. "
        "Minder doelen, meer focus: kijk of je er een kunt afronden of stoppen."
    ]
    page = client.get(url("improvement:team_goals", team_id=world.team.pk)).content.decode()
    assert "3 actieve doelen" in page


def test_team_not_warned_at_the_limit(client, world, url):
    GoalFactory(team=world.team)
    GoalFactory(team=world.team)
    client.force_login(world.teamleader)
    response = client.post(
        url("improvement:team_goal_create", team_id=world.team.pk), _goal_post(world)
    )
    assert [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"] == []


def test_settings_change_is_audited(client, world, url):
    client.force_login(world.board)
    response = client.post(
        url("improvement:settings"), {"max_active_goals_per_team": 4, "follow_up_weeks": 3}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="improvement.settings")
    assert entry.before == {"max_active_goals_per_team": 3, "follow_up_weeks": 2}
    assert entry.after == {"max_active_goals_per_team": 4, "follow_up_weeks": 3}


def test_vision_versions_keep_history_and_audit(client, world, url):
    client.force_login(world.board)
    vision_url = url("improvement:vision_edit")
    client.post(
        vision_url, {"vision": "Elk kind telt.", "mission": "", "core_values": "Vertrouwen"}
    )
    client.post(
        vision_url,
        {"vision": "Elk kind telt.", "mission": "", "core_values": "Vertrouwen\nNieuwsgierigheid"},
    )
    versions = list(VisionVersion.objects.order_by("id"))
    assert [v.core_value_list for v in versions] == [
        ["Vertrouwen"],
        ["Vertrouwen", "Nieuwsgierigheid"],
    ]
    assert selectors.current_vision(world.org) == versions[1]
    entries = AuditEntry.objects.filter(action="vision.update").order_by("id")
    assert [e.after for e in entries] == [
        {
            "vision": "Elk kind telt.",
            "mission": "",
            "core_values": "Vertrouwen",
            "is_public": False,
        },
        {"core_values": "Vertrouwen\nNieuwsgierigheid"},
    ]
    page = client.get(vision_url).content.decode()
    assert page.count("Deze versie bekijken") == 2


def test_vision_empty_gets_message(client, world, url):
    client.force_login(world.board)
    response = client.post(url("improvement:vision_edit"), {"vision": " ", "mission": ""})
    assert response.context["form"].non_field_errors() == [
        "Schrijf minstens een visie, een missie of een kernwaarde."
    ]


def test_vision_shown_to_every_member_with_team_accent(client, world, url):
    services.save_vision(
        organisation=world.org,
        actor=world.board,
        vision="Elk kind telt.",
        mission="",
        core_values="Vertrouwen",
    )
    services.save_vision(
        organisation=world.org,
        actor=world.teamleader,
        team=world.team,
        vision="Rups: buiten is ons tweede lokaal.",
        mission="",
        core_values="",
    )
    services.save_vision(
        organisation=world.org,
        actor=world.admin,
        team=world.other_team,
        vision="Accent van Pop.",
        mission="",
        core_values="",
    )
    client.force_login(world.staff)
    page = client.get(url("improvement:overview")).content.decode()
    assert "Elk kind telt." in page
    assert "Rups: buiten is ons tweede lokaal." in page
    assert "Accent van Pop." not in page


def test_team_accent_cannot_be_public(world):
    version = services.save_vision(
        organisation=world.org,
        actor=world.teamleader,
        team=world.team,
        vision="x",
        mission="",
        core_values="",
        is_public=True,
    )
    assert version.is_public is False


def test_public_vision_page_only_when_public(client, world, public_urls):
    services.save_vision(
        organisation=world.org,
        actor=world.board,
        vision="Elk kind telt.",
        mission="",
        core_values="",
    )
    assert client.get("/visie/regenboog/").status_code == 404
    services.save_vision(
        organisation=world.org,
        actor=world.board,
        vision="Elk kind telt.",
        mission="",
        core_values="",
        is_public=True,
    )
    response = client.get("/visie/regenboog/")
    assert response.status_code == 200
    assert "Elk kind telt." in response.content.decode()
    assert client.get("/visie/elders/").status_code == 404


def test_goal_core_value_choices_come_from_vision(client, world, url):
    services.save_vision(
        organisation=world.org,
        actor=world.board,
        vision="",
        mission="",
        core_values="Vertrouwen\nNieuwsgierigheid",
    )
    services.save_vision(
        organisation=world.org,
        actor=world.teamleader,
        team=world.team,
        vision="",
        mission="",
        core_values="Buiten",
    )
    client.force_login(world.teamleader)
    form = client.get(url("improvement:team_goal_create", team_id=world.team.pk)).context["form"]
    assert [c[0] for c in form.fields["core_value"].choices] == [
        "",
        "Vertrouwen",
        "Nieuwsgierigheid",
        "Buiten",
    ]


def test_overview_query_count_same_for_one_and_three_goals(
    client, world, url, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.staff)
    counts = []
    for n in (1, 3):
        Goal.objects.all().delete()
        for _ in range(n):
            GoalFactory(team=world.team)
            GoalFactory(organisation=world.org)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("improvement:overview")).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
