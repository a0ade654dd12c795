"""Development themes: propose, support (toggle, htmx and plain), decide (steering group
only, reason required, audited, visible to all), projects, and the steering group."""

import pytest
from django.core.exceptions import ValidationError

from lerend.improvement import services
from lerend.improvement.models import DevelopmentTheme, ThemeStatus, ThemeSupport
from lerend.organisations.models import AuditEntry

from .conftest import GoalFactory, SteeringMemberFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ALL = ["staff", "teamleader", "manager", "coach", "board", "admin"]


@pytest.fixture
def theme(world):
    return ThemeFactory(organisation=world.org, proposed_by=world.teamleader)


@pytest.fixture
def steering(world):
    """Distributed leadership: a staff member sits in the steering group."""
    SteeringMemberFactory(organisation=world.org, person=world.staff)
    return world.staff


@pytest.mark.parametrize("persona", ALL)
def test_theme_pages_open_for_every_member(client, world, url, theme, persona):
    client.force_login(getattr(world, persona))
    for name, kwargs in [
        ("improvement:themes", {}),
        ("improvement:theme_create", {}),
        ("improvement:theme_detail", {"theme_id": theme.pk}),
        ("improvement:steering_group", {}),
    ]:
        assert client.get(url(name, **kwargs)).status_code == 200, name


def test_theme_pages_give_404_to_an_outsider(client, world, url, theme):
    client.force_login(world.outsider)
    assert client.get(url("improvement:themes")).status_code == 404
    assert client.get(url("improvement:theme_detail", theme_id=theme.pk)).status_code == 404
    assert client.post(url("improvement:theme_support", theme_id=theme.pk)).status_code == 404


def test_theme_of_another_organisation_gives_404(client, world, url):
    elsewhere = ThemeFactory(organisation=world.other_org)
    client.force_login(world.admin)
    assert client.get(url("improvement:theme_detail", theme_id=elsewhere.pk)).status_code == 404


def test_theme_propose_creates_it_and_audits(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("improvement:theme_create"),
        {
            "title": "Buiten leren",
            "description": "Meer buiten spelen.",
            "building_blocks": ["innovatie"],
        },
    )
    theme = DevelopmentTheme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("improvement:theme_detail", theme_id=theme.pk)
    assert (theme.status, theme.proposed_by, theme.building_blocks) == (
        ThemeStatus.PROPOSED,
        world.staff,
        ["innovatie"],
    )
    assert AuditEntry.objects.filter(action="theme.propose", actor=world.staff).count() == 1


def test_theme_propose_needs_a_title_and_description(client, world, url):
    client.force_login(world.staff)
    response = client.post(url("improvement:theme_create"), {"title": "", "description": ""})
    assert response.status_code == 200
    assert DevelopmentTheme.objects.count() == 0


def test_theme_support_toggles_without_js(client, world, url, theme):
    client.force_login(world.staff)
    support = url("improvement:theme_support", theme_id=theme.pk)
    back = url("improvement:themes")
    response = client.post(support, {"next": back})
    assert response["Location"] == back
    assert ThemeSupport.objects.filter(theme=theme, person=world.staff).count() == 1
    client.post(support)
    assert ThemeSupport.objects.filter(theme=theme).count() == 0


def test_theme_support_with_htmx_swaps_only_the_button(client, world, url, theme):
    ThemeSupport.objects.create(theme=theme, person=world.coach)
    client.force_login(world.staff)
    response = client.post(
        url("improvement:theme_support", theme_id=theme.pk), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div class="theme-support"')
    assert "2 steunbetuigingen" in html
    assert "Jij steunt dit" in html


def test_theme_detail_shows_a_count_and_never_supporters_names(client, world, url, theme):
    ThemeSupport.objects.create(theme=theme, person=world.coach)
    ThemeSupport.objects.create(theme=theme, person=world.board)
    client.force_login(world.staff)
    html = client.get(url("improvement:theme_detail", theme_id=theme.pk)).content.decode()
    assert "2 steunbetuigingen" in html
    assert world.coach.name not in html
    assert world.board.name not in html
    assert "Jij steunt dit" not in html
    client.force_login(world.coach)
    html = client.get(url("improvement:theme_detail", theme_id=theme.pk)).content.decode()
    assert "Jij steunt dit" in html


def test_theme_support_is_closed_after_a_decision(world, theme):
    services.decide_theme(
        theme=theme, actor=world.staff, status=ThemeStatus.REJECTED, reason="Past niet nu."
    )
    with pytest.raises(ValidationError):
        services.toggle_support(theme=theme, actor=world.coach)


@pytest.mark.parametrize("persona", ALL)
def test_theme_decide_only_for_the_steering_group(client, world, url, theme, steering, persona):
    client.force_login(getattr(world, persona))
    expected = 200 if persona == "staff" else 403
    assert client.get(url("improvement:theme_decide", theme_id=theme.pk)).status_code == expected


def test_theme_decide_needs_a_reason(client, world, url, theme, steering):
    client.force_login(steering)
    response = client.post(
        url("improvement:theme_decide", theme_id=theme.pk), {"status": "aangenomen", "reason": " "}
    )
    assert response.status_code == 200
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.PROPOSED


def test_theme_decision_and_reason_are_audited_and_visible_to_all(
    client, world, url, theme, steering
):
    client.force_login(steering)
    response = client.post(
        url("improvement:theme_decide", theme_id=theme.pk),
        {"status": "aangenomen", "reason": "Veel steun en het past bij ons visiedoel."},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="theme.decide")
    assert (entry.actor, entry.before, entry.after) == (
        steering,
        {"status": "voorgesteld", "reason": ""},
        {"status": "aangenomen", "reason": "Veel steun en het past bij ons visiedoel."},
    )
    client.force_login(world.coach)
    html = client.get(url("improvement:theme_detail", theme_id=theme.pk)).content.decode()
    assert "Besluit van de regiegroep" in html
    assert "Veel steun en het past bij ons visiedoel." in html


def test_theme_list_filters_by_status(client, world, url):
    ThemeFactory(organisation=world.org, title="Open thema")
    ThemeFactory(organisation=world.org, title="Afgewezen thema", status=ThemeStatus.REJECTED)
    client.force_login(world.staff)
    html = client.get(url("improvement:themes") + "?status=afgewezen").content.decode()
    assert "Afgewezen thema" in html
    assert "Open thema" not in html


def test_theme_list_never_shows_another_organisations_themes(client, world, url):
    ThemeFactory(organisation=world.other_org, title="Thema elders")
    client.force_login(world.staff)
    assert "Thema elders" not in client.get(url("improvement:themes")).content.decode()


def _list_queries(client, world, url, django_assert_num_queries, count):
    for _ in range(count):
        theme = ThemeFactory(organisation=world.org)
        ThemeSupport.objects.create(theme=theme, person=world.coach)
    client.force_login(world.staff)
    client.get(url("improvement:themes"))  # warm caches (session, site)
    with django_assert_num_queries(QUERIES):
        assert client.get(url("improvement:themes")).status_code == 200


QUERIES = 7  # the same whatever the number of themes and supporters


@pytest.mark.parametrize("count", [1, 3])
def test_theme_list_query_count_is_constant(client, world, url, django_assert_num_queries, count):
    _list_queries(client, world, url, django_assert_num_queries, count)


def test_theme_project_by_steering_group_on_adopted_theme(client, world, url, theme, steering):
    goal = GoalFactory(team=world.team)
    client.force_login(steering)
    add = url("improvement:theme_project_add", theme_id=theme.pk)
    assert client.get(add).status_code == 403  # not adopted yet
    services.decide_theme(theme=theme, actor=steering, status=ThemeStatus.ADOPTED, reason="Ja.")
    response = client.post(
        add, {"title": "Buitenlab", "owner": world.teamleader.pk, "goals": [goal.pk]}
    )
    assert response.status_code == 302
    project = theme.projects.get()
    assert (project.owner, list(project.goals.all())) == (world.teamleader, [goal])
    client.force_login(world.coach)
    assert client.get(add).status_code == 403
    html = client.get(url("improvement:theme_detail", theme_id=theme.pk)).content.decode()
    assert "Buitenlab" in html and goal.title in html


def test_theme_project_refuses_a_goal_of_another_organisation(world, theme):
    theme.status = ThemeStatus.ADOPTED
    elsewhere = GoalFactory(organisation=world.other_org, owner=world.outsider)
    with pytest.raises(ValidationError):
        services.add_project(
            theme=theme, actor=world.admin, title="X", owner=world.staff, goals=[elsewhere]
        )


@pytest.mark.parametrize("persona", ALL)
def test_steering_group_managed_by_bestuurder_and_beheerder(client, world, url, persona):
    client.force_login(getattr(world, persona))
    response = client.post(url("improvement:steering_group"), {"person": world.staff.pk})
    may = persona in {"board", "admin"}
    assert response.status_code == (302 if may else 403)


def test_steering_group_appoint_and_remove_are_audited(client, world, url):
    client.force_login(world.admin)
    client.post(url("improvement:steering_group"), {"person": world.staff.pk})
    member = world.staff
    from lerend.improvement.models import SteeringGroupMember

    row = SteeringGroupMember.objects.get(organisation=world.org)
    assert row.person == member
    response = client.post(url("improvement:steering_group_remove", steering_member_id=row.pk))
    assert response.status_code == 302
    assert not SteeringGroupMember.objects.exists()
    assert list(
        AuditEntry.objects.filter(action__startswith="steering.")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["steering.appoint", "steering.remove"]


def test_steering_group_refuses_an_outsider(world):
    with pytest.raises(ValidationError):
        services.appoint_steering_member(
            organisation=world.org, actor=world.admin, person=world.outsider
        )


def test_steering_group_remove_is_for_leaders(client, world, url, steering):
    from lerend.improvement.models import SteeringGroupMember

    row = SteeringGroupMember.objects.get()
    client.force_login(world.manager)
    assert (
        client.post(url("improvement:steering_group_remove", steering_member_id=row.pk)).status_code
        == 403
    )


def test_theme_home_task_only_for_the_steering_group(world, theme, steering):
    from django.test import RequestFactory

    from lerend.improvement import tasks_home
    from lerend.organisations.access import resolve_access

    ThemeFactory(organisation=world.org, status=ThemeStatus.ADOPTED)
    ThemeFactory(organisation=world.other_org)

    def tasks(person):
        request = RequestFactory().get("/")
        request.user = person
        request.access = resolve_access(person, world.org)
        return [(t.text, t.url) for t in tasks_home.tasks_for(request)]

    assert tasks(steering) == [
        (
            "1 ontwikkelthema wacht op een besluit van de regiegroep",
            "/o/regenboog/verbeteren/themas/",
        )
    ]
    assert tasks(world.admin) == []
