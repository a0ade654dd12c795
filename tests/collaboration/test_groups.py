import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from lerend.collaboration import selectors, services
from lerend.collaboration.models import GroupMeeting, LearningGroup
from lerend.improvement.models import Action
from lerend.organisations.models import AuditEntry, Role
from tests.factories import member

from .conftest import SECRET_NOTES

pytestmark = pytest.mark.django_db


def test_group_member_sees_meeting_notes(client, world, group, url):
    client.force_login(world.staff)
    meeting = group.meetings.get()
    assert client.get(url("group_detail", group_id=group.pk)).status_code == 200
    response = client.get(url("meeting_detail", meeting_id=meeting.pk))
    assert response.status_code == 200
    assert SECRET_NOTES in response.content.decode()


@pytest.mark.parametrize("persona", ["teamleader", "manager", "board", "admin"])
def test_group_covering_leader_sees_dates_not_notes(client, world, group, url, persona):
    client.force_login(getattr(world, persona))
    meeting = group.meetings.get()
    response = client.get(url("group_detail", group_id=group.pk))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Donderdag 2 april 2026, 15:30" in body
    assert SECRET_NOTES not in body
    assert "Casus over een ouder" not in body
    assert "Oudergesprek voorbereiden" not in body
    assert f"/bijeenkomsten/{meeting.pk}/" not in body
    for name in ("meeting_detail", "meeting_edit", "session", "meeting_action"):
        assert client.get(url(name, meeting_id=meeting.pk)).status_code == 404, name
    # Seeing the group, not working in it: read-only gives 403.
    assert client.get(url("group_edit", group_id=group.pk)).status_code == 403
    assert client.post(url("meeting_create", group_id=group.pk), {}).status_code == 403
    assert "Intervisie Rups" in client.get(url("index")).content.decode()


def test_group_leader_of_another_location_and_coach_get_404(client, world, group, url):
    from tests.factories import LocationFactory

    elsewhere = LocationFactory(organisation=world.org, name="Het Anker")
    other_manager = member(world.org, Role.LOCATIEMANAGER, location=elsewhere)
    for person in (other_manager, world.coach, member(world.org, team=world.other_team)):
        client.force_login(person)
        assert client.get(url("group_detail", group_id=group.pk)).status_code == 404
        assert client.get(url("group_edit", group_id=group.pk)).status_code == 404
        assert "Intervisie Rups" not in client.get(url("index")).content.decode()


def test_group_outsider_gets_404(client, world, group, url):
    client.force_login(world.outsider)
    assert client.get(url("group_detail", group_id=group.pk)).status_code == 404


def test_group_create_makes_creator_coordinator_and_audits(client, world, teammate, url):
    client.force_login(world.staff)
    response = client.post(
        url("group_create"),
        {
            "kind": "plg",
            "name": "PLG Taal",
            "theme": "Woordenschat",
            "building_blocks": ["team"],
            "members": [teammate.pk],
        },
    )
    group = LearningGroup.objects.get()
    assert response.status_code == 302
    assert sorted(group.memberships.values_list("person_id", "role")) == sorted(
        [(world.staff.pk, "coordinator"), (teammate.pk, "lid")]
    )
    assert AuditEntry.objects.filter(action="group.create", target_id=str(group.pk)).count() == 1


def test_group_members_must_be_colleagues(world):
    with (
        override("en"),
        pytest.raises(ValidationError, match="Choose people from your organisation"),
    ):
        services.create_group(
            organisation=world.org,
            actor=world.staff,
            kind="plg",
            name="X",
            members=[world.outsider],
        )


def _meeting(group, day, facilitator=None, case_bringer=None):
    return services.plan_meeting(
        group=group,
        date=datetime.date(2026, 1, day),
        starts_at=datetime.time(15, 0),
        duration_minutes=60,
        facilitator=facilitator,
        case_bringer=case_bringer,
    )


def test_rotation_suggests_member_who_led_least_recently(world, teammate):
    third = member(world.org, team=world.team)
    group = services.create_group(
        organisation=world.org,
        actor=world.staff,
        kind="intervisie",
        name="G",
        members=[teammate, third],
    )
    # Nobody led yet: first by name among never-led.
    never = sorted([world.staff, teammate, third], key=lambda p: (p.name, p.pk))[0]
    assert selectors.suggest_facilitator(group) == never
    _meeting(group, 5, facilitator=world.staff, case_bringer=teammate)
    _meeting(group, 12, facilitator=teammate, case_bringer=third)
    assert selectors.suggest_facilitator(group) == third  # never facilitated
    _meeting(group, 19, facilitator=third, case_bringer=world.staff)
    assert selectors.suggest_facilitator(group) == world.staff  # led longest ago (5 Jan)
    assert selectors.suggest_case_bringer(group) == teammate  # brought on 5 Jan


def test_rotation_never_proposes_one_person_for_both_roles(world, teammate):
    """Issue 12: "Bram ten Have begeleidt en Bram ten Have brengt een casus in". The one who
    led longest ago had also brought a case longest ago; the proposal must still name two
    people when the group has two."""
    group = services.create_group(
        organisation=world.org, actor=world.staff, kind="intervisie", name="G", members=[teammate]
    )
    # Both roles are least recent for the same person when nobody has done either yet.
    facilitator, case_bringer = selectors.suggest_roles(group)
    assert facilitator is not None and case_bringer is not None
    assert facilitator != case_bringer
    _meeting(group, 5, facilitator=teammate, case_bringer=teammate)
    facilitator, case_bringer = selectors.suggest_roles(group)
    assert (facilitator, case_bringer) == (world.staff, teammate)


def test_rotation_proposal_on_the_meeting_form_names_two_people(client, world, teammate, url):
    group = services.create_group(
        organisation=world.org, actor=world.staff, kind="intervisie", name="G", members=[teammate]
    )
    client.force_login(world.staff)
    response = client.get(url("meeting_create", group_id=group.pk))
    form = response.context["form"]
    assert form.initial["facilitator"] != form.initial["case_bringer"]


def test_group_page_shows_who_led_which_session(client, world, teammate, url):
    group = services.create_group(
        organisation=world.org, actor=world.staff, kind="intervisie", name="G", members=[teammate]
    )
    _meeting(group, 5, facilitator=world.staff, case_bringer=teammate)
    _meeting(group, 12, facilitator=teammate, case_bringer=world.staff)
    rows = selectors.leadership_history(group)
    assert [(r["person"], r["facilitated"], r["brought"]) for r in rows] == [
        (world.staff, 1, 1),
        (teammate, 1, 1),
    ]
    client.force_login(world.staff)
    body = client.get(url("group_detail", group_id=group.pk)).content.decode()
    assert "Wie leidde welke bijeenkomst" in body
    assert f"12 januari 2026: begeleider {teammate.name}, inbrenger {world.staff.name}" in body


def test_meeting_create_prefills_rotation_suggestion(client, world, group, teammate, url):
    client.force_login(world.staff)
    response = client.get(url("meeting_create", group_id=group.pk))
    assert response.status_code == 200
    form = response.context["form"]
    # teammate facilitated on 2 April; staff never did.
    assert form.initial["facilitator"] == world.staff
    assert form.initial["case_bringer"] == teammate


def test_meeting_facilitator_must_be_member(world, group):
    with override("en"), pytest.raises(ValidationError, match="Choose a member of the group"):
        _meeting(group, 3, facilitator=world.coach)


def test_meeting_edit_saves_notes(client, world, group, teammate, url):
    meeting = group.meetings.get()
    client.force_login(teammate)
    response = client.post(
        url("meeting_edit", meeting_id=meeting.pk),
        {
            "date": "2026-04-02",
            "starts_at": "15:30",
            "duration_minutes": 90,
            "place": "Teamkamer",
            "method_key": "balintmethode",
            "facilitator": teammate.pk,
            "case_bringer": world.staff.pk,
            "agenda": "",
            "notes": "Nieuwe notities",
            "action_points": "",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.notes, meeting.method_key) == ("Nieuwe notities", "balintmethode")


def test_session_walks_steps_and_saves_notes_without_js(client, world, group, url):
    meeting = group.meetings.get()
    client.force_login(world.staff)
    session = url("session", meeting_id=meeting.pk)
    response = client.get(session)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Stap 1 van 5" in body
    assert "Het voorval" in body
    assert "<script" not in body.split("</head>")[1]  # no inline script in the body
    response = client.post(session + "?stap=1", {"text": "Feiten: maandagochtend", "go": "next"})
    assert response.status_code == 302
    assert response["Location"] == session + "?stap=2"
    assert "Feiten verzamelen" in client.get(session + "?stap=2").content.decode()
    response = client.post(session + "?stap=2", {"text": "", "go": "prev"})
    assert response["Location"] == session + "?stap=1"
    response = client.post(session + "?stap=5", {"text": "Les: eerst vragen", "go": "finish"})
    assert response["Location"] == url("meeting_detail", meeting_id=meeting.pk)
    meeting.refresh_from_db()
    assert meeting.step_notes == {"1": "Feiten: maandagochtend", "5": "Les: eerst vragen"}


def test_session_without_method_sends_to_edit(client, world, group, url):
    meeting = group.meetings.get()
    GroupMeeting.objects.filter(pk=meeting.pk).update(method_key="")
    client.force_login(world.staff)
    response = client.get(url("session", meeting_id=meeting.pk))
    assert response["Location"] == url("meeting_edit", meeting_id=meeting.pk)


def test_meeting_action_creates_board_action_on_case_bringers_team(
    client, world, group, teammate, url
):
    meeting = group.meetings.get()
    client.force_login(world.staff)
    response = client.get(url("meeting_action", meeting_id=meeting.pk) + "?punt=Oudergesprek")
    assert response.status_code == 200
    assert response.context["form"].initial["team"] == world.team
    response = client.post(
        url("meeting_action", meeting_id=meeting.pk),
        {
            "title": "Oudergesprek voorbereiden",
            "owner": world.staff.pk,
            "due_on": "2026-05-01",
            "team": world.team.pk,
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.title, action.team, action.owner, action.origin) == (
        "Oudergesprek voorbereiden",
        world.team,
        world.staff,
        "anders",
    )
    assert list(meeting.actions.all()) == [action]
    assert SECRET_NOTES not in action.title + action.learned


def test_group_index_query_count_is_flat(client, world, django_assert_num_queries, url):
    client.force_login(world.staff)

    def make(n):
        for i in range(n):
            services.create_group(
                organisation=world.org, actor=world.staff, kind="plg", name=f"G{i}{n}"
            )

    make(1)
    with django_assert_num_queries(8) as ctx:
        client.get(url("index"))
    make(2)
    with django_assert_num_queries(len(ctx.captured_queries)):
        client.get(url("index"))


def test_group_detail_query_count_is_flat(client, world, teammate, django_assert_num_queries, url):
    group = services.create_group(
        organisation=world.org, actor=world.staff, kind="intervisie", name="G", members=[teammate]
    )
    client.force_login(world.staff)
    _meeting(group, 5, facilitator=world.staff, case_bringer=teammate)
    with django_assert_num_queries(10) as ctx:
        client.get(url("group_detail", group_id=group.pk))
    _meeting(group, 6, facilitator=teammate, case_bringer=world.staff)
    _meeting(group, 7, facilitator=world.staff, case_bringer=teammate)
    with django_assert_num_queries(len(ctx.captured_queries)):
        client.get(url("group_detail", group_id=group.pk))


def test_tasks_home_names_facilitator_and_visit_without_content(rf, world, group, teammate):
    import datetime as dt

    from lerend.collaboration import tasks_home
    from lerend.collaboration.models import GroupMeeting
    from lerend.organisations.access import resolve_access

    GroupMeeting.objects.update(date=dt.date.today() + dt.timedelta(days=2))
    request = rf.get("/")
    request.user, request.access = teammate, resolve_access(teammate, world.org)
    with override("en"):
        texts = [t.text for t in tasks_home.tasks_for(request)]
    day = (dt.date.today() + dt.timedelta(days=2)).strftime("%d-%m")
    assert texts == [f"You facilitate Intervisie Rups on {day}"]


def test_meeting_action_refuses_a_board_outside_the_members_teams(client, world, group, url):
    """The team chooser offers the teams of the group's members only (team_picker): another
    team of the organisation and another organisation's team are a form error."""
    from tests.factories import TeamFactory

    meeting = group.meetings.get()
    client.force_login(world.staff)
    elsewhere = TeamFactory(location__organisation=world.other_org)
    for team in (world.other_team, elsewhere):
        response = client.post(
            url("meeting_action", meeting_id=meeting.pk),
            {"title": "Actie", "owner": world.staff.pk, "due_on": "2026-05-01", "team": team.pk},
        )
        assert response.status_code == 200
        assert "Kies een team uit de lijst" in str(response.context["form"].errors["team"])
    assert not Action.objects.exists()
