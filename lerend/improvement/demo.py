"""Demo content of the improvement cycle, added through its own services (see contrib.py).
Audit entries appear as if the demo bestuurder and leaders made them, as the demo is meant
to show. Randomness is seeded per organisation, so the content is the same every time."""

import datetime
import random

from django.db import transaction

from lerend.organisations.models import Membership, Role, Team

from . import demo_text, services
from .models import (
    Action,
    ActionStatus,
    DevelopmentTheme,
    GoalStatus,
    ItemKind,
    VisionVersion,
)


def add_demo(demo) -> list[str]:
    """The demo organisation's vision, goals, team boards and actions (``demo`` is the demo
    app's DemoContext). Skipped when the vision is there; names what it added."""
    added = ["improvement"] if _add(demo) else []
    return added + (["development themes"] if _add_steering(demo) else [])


@transaction.atomic
def _add(demo) -> bool:
    organisation, today = demo.organisation, demo.today
    if VisionVersion.objects.filter(organisation=organisation, level="organisation").exists():
        return False
    text = demo.texts(demo_text.CHILDCARE, demo_text.SCHOOL)
    board = demo.login(Role.BESTUURDER)
    services.save_vision(
        organisation=organisation,
        actor=board,
        vision=text["vision"],
        mission=text["mission"],
        core_values="\n".join(text["core_values"]),
        is_public=True,
    )
    school_year = datetime.date(today.year if today.month >= 8 else today.year - 1, 8, 1)
    period = {"starts_on": school_year, "ends_on": school_year.replace(year=school_year.year + 1)}
    goals = [
        services.create_goal(organisation=organisation, actor=board, owner=board, **spec, **period)
        for spec in text["goals"]
    ]
    teamleader = demo.login(Role.TEAMLEIDER)
    staff = demo.login(Role.MEDEWERKER)
    home = demo.team_of(staff)
    location = home.location
    manager = (
        Membership.objects.filter(
            organisation=organisation, location=location, role="locatiemanager"
        )
        .order_by("id")
        .first()
        .person
    )
    location_goal = services.create_goal(
        organisation=organisation,
        actor=manager,
        location=location,
        owner=manager,
        supports=goals[0],
        **text["location_goal"],
        **period,
    )
    teams = [home] + list(
        Team.objects.filter(organisation=organisation, location=location)
        .exclude(pk=home.pk)
        .order_by("id")[:2]
    )
    rng = random.Random(f"{organisation.slug}-improvement")
    actions = iter(text["actions"] * 2)
    statuses = [ActionStatus.TODO, ActionStatus.DOING, ActionStatus.DONE]
    for index, (team, (title, blocks)) in enumerate(zip(teams, text["team_goals"], strict=False)):
        leader = _leader_of(team, organisation) or teamleader
        goal = services.create_goal(
            organisation=organisation,
            actor=leader,
            team=team,
            owner=leader,
            title=title,
            building_blocks=blocks,
            supports=location_goal if index != 1 else goals[1],
            status=GoalStatus.BEHIND if index == 2 else GoalStatus.ON_TRACK,
            **period,
        )
        owners = [staff if team == home else leader, leader]
        for number in range(5):
            status = statuses[number % 3]
            # Some past due (overdue cards, and a done one that is asked "Did it work?"),
            # some ahead.
            due = today + datetime.timedelta(days=(-31 if number < 3 else 10) + 7 * number)
            action = services.create_action(
                organisation=organisation,
                actor=leader,
                team=team,
                title=next(actions),
                owner=owners[number % 2],
                due_on=due,
                goal=goal if number != 4 else None,
                building_blocks=blocks,
            )
            if status != ActionStatus.TODO:
                services.move_action(action=action, status=status, version=action.version)
        _add_board(team, leader, text, today, rng)
    # As the daily task would have done by now: ask "Did it work?" for actions due long ago.
    follow_up = today - datetime.timedelta(
        weeks=services.settings_for(organisation).follow_up_weeks
    )
    Action.objects.filter(
        organisation=organisation,
        status=ActionStatus.DONE,
        due_on__lte=follow_up,
        follow_up_asked_on__isnull=True,
    ).update(follow_up_asked_on=today)
    return True


@transaction.atomic
def _add_steering(demo) -> bool:
    """A steering group (the bestuurder and the demo teamleider) and two development themes,
    one of them decided. Skipped when the organisation has themes."""
    organisation = demo.organisation
    if DevelopmentTheme.objects.filter(organisation=organisation).exists():
        return False
    board, leader = demo.login(Role.BESTUURDER), demo.login(Role.TEAMLEIDER)
    for person in (board, leader):
        services.appoint_steering_member(organisation=organisation, actor=board, person=person)
    themes = demo.texts(
        [
            ("Rust en ritme in de dag", "Overgangen in de dag kosten veel onrust.", ["cultuur"]),
            ("Taal in elke activiteit", "Meer taalaanbod bij de jongste kinderen.", ["innovatie"]),
        ],
        [
            ("Formatief handelen", "Leerkrachten willen beter zien wat leerlingen al kunnen.",
             ["monitoring-evaluatie"]),
            ("Samen lesontwerpen", "Bouwen willen lessen samen voorbereiden.", ["team"]),
        ],
    )  # fmt: skip
    for title, description, blocks in themes:
        services.propose_theme(
            organisation=organisation,
            actor=leader,
            title=title,
            description=description,
            building_blocks=blocks,
        )
    return True


def _leader_of(team, organisation):
    membership = (
        Membership.objects.filter(organisation=organisation, team=team, role=Role.TEAMLEIDER)
        .select_related("person")
        .first()
    )
    return membership.person if membership else None


def _add_board(team, leader, text, today, rng):
    for kind, key in (
        (ItemKind.SUCCESS, "successes"),
        (ItemKind.AGREEMENT, "agreements"),
        (ItemKind.PROBLEM, "problems"),
    ):
        for line in text[key]:
            services.add_board_item(team=team, actor=leader, kind=kind, text=line)
    services.update_schedule(
        team=team,
        actor=leader,
        weekday=rng.choice([0, 1, 3]),
        starts_at=datetime.time(rng.choice([8, 13]), 15),
        duration_minutes=15,
        place=text["place"],
    )
    services.save_session_notes(
        team=team,
        actor=leader,
        notes=f"{text['successes'][0]}\n{text['problems'][0]}",
        held_on=today - datetime.timedelta(days=7),
    )
