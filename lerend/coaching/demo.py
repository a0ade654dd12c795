"""Demo content of coaching, added through its own services (see contrib.py).

Childcare: a year of coaching until the demo day — the figures for the norm (a combined KDV
and BSO, VE-children, flexible staff), the division over the locations, the organisation's
coach at every location plus an external VIB coach, team coaching and coaching on the job;
one location is behind on hours and a few people there have not been coached yet.
School: the coach supports three starting teachers, each with a coachplan and sessions.
Deterministic: people are taken in id order, dates follow from the demo day."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from lerend.kit.contrib import offer
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Location, Membership, Role, Team

from . import selectors, services
from .models import Assignment, CoachingPlan, PlanShare, PlanVisit

SEED = "coaching-demo"

PLAN_CHILDCARE = {
    "question": "Ik wil rustiger reageren als de groep onrustig wordt, zonder de kinderen "
    "kwijt te raken.",
    "forms": ["vib", "on_the_job"],
    "goals": [
        (
            "Eerst kijken, dan handelen",
            "Ik benoem wat ik zie voordat ik ingrijp.",
            ["coaching"],
            ["interactievaardigheden.sensitieve-responsiviteit"],
        ),
        (
            "Overgangsmomenten voorbereiden",
            "Opruimen en naar buiten gaan zonder stemverheffing.",
            ["pedagogisch-professionals"],
            ["interactievaardigheden.structuur"],
        ),
    ],
    "notes": [
        "Video van het fruitmoment bekeken. Je wacht al vaker even af; de kinderen merken dat.",
        "Op de groep meegekeken bij het opruimen. Het liedje werkt, de aankondiging mag eerder.",
        "Terugblik: het lukt beter bij de peuters dan bij de baby's. Daar zit de volgende stap.",
    ],
    "agreements": [
        "Volgende keer filmen bij het opruimen.",
        "Vijf minuten vooraf aankondigen, met de zandloper.",
        "Samen met de collega van de babygroep een moment kiezen om te filmen.",
    ],
}

PLAN_SCHOOL = {
    "question": "Als startende leraar wil ik een rustige start van de dag en duidelijke "
    "instructie.",
    "forms": ["on_the_job", "vib", "conversation"],
    "goals": [
        (
            "Een rustige start van de dag",
            "De klas is binnen vijf minuten aan het werk.",
            ["pedagogisch-professionals"],
            ["klas.klassenmanagement"],
        ),
        (
            "Instructie in kleine stappen",
            "Ik check na elke stap of iedereen mee is.",
            ["professionalisering"],
            ["klas.instructie"],
        ),
    ],
    "notes": [
        "Lesbezoek rekenen: heldere instructie, de overgang naar zelfstandig werken rommelig.",
        "Video van de inloop bekeken. Je staat bij de deur; dat helpt al.",
        "Gesprek over het oudergesprek van volgende week: wat wil je bereiken?",
    ],
    "agreements": [
        "Werkkaarten klaarleggen voor de instructie begint.",
        "Dagritmekaarten op het bord, ook voor de middag.",
        "Na het oudergesprek samen terugkijken.",
    ],
}


def add_demo(demo) -> list[str]:
    """``demo`` is the demo app's DemoContext."""
    added = ["coaching"] if _add(demo) else []
    added += ["coaching plan shared"] if _add_share(demo) else []
    return added + (["visit in a coaching trajectory"] if _add_visit_link(demo) else [])


@transaction.atomic
def _add_visit_link(demo) -> bool:
    """A coachee adds a visit in which they were observed to their coaching trajectory."""
    if PlanVisit.objects.filter(plan__organisation=demo.organisation).exists():
        return False
    observing = offer("visits_observing")
    if observing is None:
        return False
    for plan in CoachingPlan.objects.filter(
        organisation=demo.organisation, coachee__isnull=False
    ).order_by("pk"):
        visits = list(observing(demo.organisation, plan.coachee))
        if visits:
            services.link_visit(actor=plan.coachee, plan=plan, visit_id=visits[0].id)
            return True
    return False


@transaction.atomic
def _add_share(demo) -> bool:
    """A coachee lets a leader who covers them read their coaching plan."""
    if PlanShare.objects.filter(organisation=demo.organisation).exists():
        return False
    for plan in CoachingPlan.objects.filter(
        organisation=demo.organisation, coachee__isnull=False
    ).order_by("pk"):
        access = resolve_access(plan.coachee, demo.organisation)
        reader = selectors.share_targets(access, plan).first()
        if reader is not None:
            services.share_plan(access=access, actor=plan.coachee, plan=plan, person=reader)
            return True
    return False


def _staff_by_team(organisation):
    rows = (
        Membership.objects.active()
        .filter(organisation=organisation, role=Role.MEDEWERKER, team__isnull=False)
        .select_related("person")
        .order_by("team_id", "person_id")
    )
    teams: dict[int, list] = {}
    for m in rows:
        if m.person not in teams.setdefault(m.team_id, []):
            teams[m.team_id].append(m.person)
    return teams


def _dates(rng, year_start, today, n):
    span = max((today - year_start).days, 1)
    return sorted(year_start + datetime.timedelta(days=rng.randrange(span)) for _ in range(n))


@transaction.atomic
def _add(demo) -> bool:
    organisation, today = demo.organisation, demo.today
    if Assignment.objects.filter(organisation=organisation).exists():
        return False
    coach = demo.login(Role.COACH)
    staff = demo.login(Role.MEDEWERKER)
    admin = demo.login(Role.BEHEERDER)
    if demo.is_childcare:
        _childcare(demo, organisation, today, coach, staff, admin)
    else:
        _school(demo, organisation, today, coach, staff, admin)
    return True


def _personal_plan(organisation, today, coach, coachee, text, rng, assignment):
    plan = services.create_plan(
        organisation=organisation,
        year=today.year,
        coachee=coachee,
        coach=coach,
        question=text["question"],
        planned_forms=text["forms"],
    )
    access = resolve_access(coachee, organisation)
    known = {key for key, _label in services.focus_choices(organisation)}
    for title, description, blocks, focus in text["goals"]:
        services.add_goal(
            access=access,
            actor=coach,
            plan=plan,
            title=title,
            description=description,
            building_blocks=blocks,
            focus_areas=[key for key in focus if key in known],
        )
    year_start = max(datetime.date(today.year, 1, 1), assignment.starts_on)
    for held_on, notes, agreements, form in zip(
        _dates(rng, year_start, today, 3),
        text["notes"],
        text["agreements"],
        ("vib", "on_the_job", "conversation"),
        strict=True,
    ):
        services.log_session(
            actor=coach,
            assignment=assignment,
            attendees=[coachee],
            held_on=held_on,
            minutes=60,
            form=form,
            notes=notes,
            agreements=agreements,
        )
    return plan


def _childcare(demo, organisation, today, coach, staff, admin):
    rng = random.Random(SEED)
    year = today.year
    year_start = datetime.date(year, 1, 1)
    locations = list(
        Location.objects.filter(
            organisation=organisation, kind__in=selectors.CHILDCARE_KINDS
        ).order_by("name")
    )
    # Figures for the norm: the first kindercentrum has a KDV and a BSO registration.
    combined = next((loc for loc in locations if loc.kind == "kindercentrum"), None)
    figures = {}
    for index, location in enumerate(locations):
        registrations = 2 if location == combined else 1
        ve_children = [6, 0, 3, 4][index % 4]
        figures[location] = (registrations, ve_children)
    services.save_norm_figures(
        organisation=organisation,
        actor=admin,
        year=year,
        flexible_hours_per_week=Decimal("54"),
        locations=figures,
    )
    norm, per_location, _unplaced, _row = selectors.norm_for(organisation, year)
    fte = {f.location.pk: f.fte for f in per_location}
    total_fte = sum(fte.values()) or Decimal(1)
    lines = {}
    for location in locations:
        registrations, ve_children = figures[location]
        coaching = (norm.coaching_hours * fte[location.pk] / total_fte).quantize(Decimal("0.1"))
        lines[location] = (50 * registrations, coaching, 10 * ve_children)
    services.decide_division(
        organisation=organisation,
        actor=admin,
        year=year,
        lines=lines,
        explanation="De coachuren volgen de fte per locatie. De VE-uren gaan naar de "
        "kindcentra met VE-kinderen. De beleidsuren zijn per LRK-registratie verdeeld.",
    )
    starts = min(year_start, today - datetime.timedelta(days=30))
    assignments = {
        location.pk: services.create_assignment(
            organisation=organisation, actor=admin, coach=coach, location=location, starts_on=starts
        )
        for location in locations
    }
    external = services.create_assignment(
        organisation=organisation,
        actor=admin,
        external_coach="Bureau Beeld en Begeleiding",
        location=locations[-1],
        starts_on=starts,
    )
    personal = services.create_assignment(
        organisation=organisation, actor=admin, coach=coach, person=staff, starts_on=starts
    )
    _personal_plan(organisation, today, coach, staff, PLAN_CHILDCARE, rng, personal)

    teams = _staff_by_team(organisation)
    team_location = dict(
        Team.objects.filter(organisation=organisation).values_list("pk", "location_id")
    )
    behind = locations[2 % len(locations)].pk  # behind on hours; some people not coached
    skipped = []
    for team_id, people in sorted(teams.items()):
        location_id = team_location[team_id]
        assignment = assignments[location_id]
        people = [p for p in people if p != staff]
        if location_id == behind:
            skipped += people[-1:]
            people = people[:-1]
            rounds, personal_rounds = 2, 1
        else:
            rounds, personal_rounds = 6, 6
        for held_on in _dates(rng, starts, today, rounds):
            services.log_session(
                actor=coach,
                assignment=assignment,
                attendees=people,
                held_on=held_on,
                minutes=90,
                form="team",
            )
        for person in people:
            for held_on in _dates(rng, starts, today, personal_rounds):
                services.log_session(
                    actor=coach,
                    assignment=assignment,
                    attendees=[person],
                    held_on=held_on,
                    minutes=rng.choice([45, 60, 90]),
                    form=rng.choice(["on_the_job", "on_the_job", "walk_in"]),
                )
    # The external coach: video interaction guidance at the last location.
    last_teams = [t for t in sorted(teams) if team_location[t] == locations[-1].pk]
    for team_id in last_teams[:2]:
        for person in teams[team_id][:3]:
            if person == staff:
                continue
            services.log_session(
                actor=admin,
                assignment=external,
                attendees=[person],
                held_on=_dates(rng, starts, today, 1)[0],
                minutes=120,
                form="vib",
            )
    demo.note(
        f"Coaching: norm {norm.total} uur, {len(skipped)} mensen nog niet gecoacht "
        f"(achterstand bij {locations[2 % len(locations)].name})."
    )


def _school(demo, organisation, today, coach, staff, admin):
    rng = random.Random(SEED)
    starts = min(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=30))
    team = demo.team_of(staff)
    colleagues = [p for p in _staff_by_team(organisation).get(team.pk, []) if p != staff][:2]
    for starter in [staff, *colleagues]:
        assignment = services.create_assignment(
            organisation=organisation, actor=admin, coach=coach, person=starter, starts_on=starts
        )
        _personal_plan(organisation, today, coach, starter, PLAN_SCHOOL, rng, assignment)
    demo.note("Coaching: de coach begeleidt drie startende leraren.")
