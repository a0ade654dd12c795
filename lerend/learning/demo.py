"""Demo content of the learning area, added through its own services (see contrib.py)."""

import datetime

from django.db import transaction

from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role

from . import demo_text, selectors, services
from .models import EvidenceKind, JournalEntry, PdActivity, ReviewKind


def add_demo(demo) -> list[str]:
    """The demo medewerker's journal, shared entry, POP with evidence and a review
    conversation with the demo coach (``demo`` is the demo app's DemoContext)."""
    added = ["learning"] if _add(demo) else []
    return added + (["pd, feedback, team reflection"] if _add_together(demo) else [])


@transaction.atomic
def _add_together(demo) -> bool:
    """The PD catalogue with the demo medewerker registered, a feedback question to two
    colleagues, and a team reflection of the medewerker's team. Skipped when the catalogue
    has entries."""
    organisation, today = demo.organisation, demo.today
    if PdActivity.objects.filter(organisation=organisation).exists():
        return False
    staff, admin = demo.login(Role.MEDEWERKER), demo.login(Role.BEHEERDER)
    access = resolve_access(staff, organisation)
    catalogue = demo.texts(
        [
            ("Training interactievaardigheden", "training", 12, 450, ["pedagogisch-professionals"]),
            ("Studiedag jonge kind", "study_day", 6, 0, ["professionalisering"]),
            ("E-learning meldcode", "e_learning", 3, 35, ["pedagogisch-professionals"]),
        ],
        [
            ("Cursus expliciete directe instructie", "course", 16, 650, ["professionalisering"]),
            ("Studiedag formatief handelen", "study_day", 6, 0, ["monitoring-evaluatie"]),
            ("Coaching in de klas", "coaching", 8, 0, ["coaching"]),
        ],
    )
    activities = [
        services.create_pd_activity(
            organisation=organisation,
            actor=admin,
            title=title,
            kind=kind,
            hours=hours,
            cost=cost,
            building_blocks=blocks,
            starts_on=today + datetime.timedelta(days=30 + 14 * index),
            provider=demo.texts("Academie Kinderopvang", "Onderwijsacademie"),
        )
        for index, (title, kind, hours, cost, blocks) in enumerate(catalogue)
    ]
    services.register(access=access, actor=staff, activity=activities[0], person=staff)
    team = demo.team_of(staff)
    colleagues = list(
        type(staff)
        .objects.filter(memberships__team=team, is_active=True)
        .exclude(pk=staff.pk)
        .distinct()
        .order_by("pk")[:2]
    )
    if colleagues:
        services.create_feedback_request(
            access=access,
            requester=staff,
            question=demo.texts(
                "Wat zie je mij doen als de kinderen onrustig worden aan tafel?",
                "Wat werkt in mijn instructie, en wat zou je anders doen?",
            ),
            people=colleagues,
        )
    services.create_reflection(
        access=access,
        actor=staff,
        team=team,
        title=demo.texts("Terugblik op de wenperiode", "Terugblik op de rekenperiode"),
        held_on=today - datetime.timedelta(days=12),
    )
    return True


@transaction.atomic
def _add(demo) -> bool:
    organisation, today = demo.organisation, demo.today
    staff = demo.login(Role.MEDEWERKER)
    if JournalEntry.objects.filter(organisation=organisation, owner=staff).exists():
        return False
    text = demo.texts(demo_text.CHILDCARE, demo_text.SCHOOL)
    access = resolve_access(staff, organisation)
    coaches = selectors.share_target_people(access, staff)
    coach = coaches.filter(email=demo.login_email(Role.COACH)).first()
    coach = coach or coaches.first()
    entries = []
    for index, (title, body, phase, blocks) in enumerate(text["journal"]):
        entries.append(
            services.create_entry(
                organisation=organisation,
                owner=staff,
                title=title,
                body=body,
                phase=phase,
                building_blocks=blocks,
                written_on=today - datetime.timedelta(days=21 - 7 * index),
            )
        )
    services.share(access=access, owner=staff, entry=entries[1], person=coach)
    plan = services.get_or_create_plan(organisation=organisation, owner=staff, year=today.year)
    goals = [
        services.add_goal(
            plan=plan,
            title=title,
            description=description,
            building_blocks=blocks,
            source_entry=entries[1] if index == 0 else None,
            start_score=2 + index,
        )
        for index, (title, description, blocks) in enumerate(text["pop_goals"])
    ]
    services.add_activity(
        goal=goals[0], description=text["activity"], planned_for=today + datetime.timedelta(21)
    )
    title, body = text["evidence"]
    services.add_evidence(plan=plan, kind=EvidenceKind.TEXT, title=title, goal=goals[0], text=body)
    review = services.create_review(
        access=access,
        plan=plan,
        kind=ReviewKind.PLANNING,
        reviewer=coach,
        held_on=today - datetime.timedelta(days=10),
    )
    services.save_review_notes(review=review, notes=text["review_notes"])
    return True
