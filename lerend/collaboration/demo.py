"""Demo content of learning together, added through its own services (see contrib.py): a
learning group of the demo medewerker's team with a held and a planned meeting, a visit with
an observation guide (a group observation in childcare, a lesson visit with a lesson design at
a school), shared with the demo coach."""

import datetime

from django.db import transaction

from lerend.organisations.models import Membership, Role

from . import services
from .models import LearningGroup


def add_demo(demo) -> list[str]:
    return ["collaboration"] if _add(demo) else []


def _team_colleagues(demo, staff, count):
    team = demo.team_of(staff)
    ids = (
        Membership.objects.filter(organisation=demo.organisation, team=team, role=Role.MEDEWERKER)
        .exclude(person=staff)
        .order_by("person_id")
        .values_list("person_id", flat=True)[:count]
    )
    return list(type(staff).objects.filter(pk__in=ids).order_by("pk")), team


@transaction.atomic
def _add(demo) -> bool:
    organisation, today = demo.organisation, demo.today
    if LearningGroup.objects.filter(organisation=organisation).exists():
        return False
    staff, coach = demo.login(Role.MEDEWERKER), demo.login(Role.COACH)
    colleagues, team = _team_colleagues(demo, staff, 3)
    group = services.create_group(
        organisation=organisation,
        actor=staff,
        kind="intervisie" if demo.is_childcare else "plg",
        name=demo.texts("Intervisie " + team.name, "PLG rekenen " + team.name),
        theme=demo.texts("Rust bij de overgangen van de dag", "Feedback tijdens de rekenles"),
        building_blocks=["pedagogisch-professionals", "team"],
        members=colleagues,
    )
    members = [staff, *colleagues]
    held = services.plan_meeting(
        group=group,
        date=today - datetime.timedelta(days=21),
        starts_at=datetime.time(15, 30),
        duration_minutes=60,
        method_key="incidentmethode",
        facilitator=members[1] if len(members) > 1 else staff,
        case_bringer=staff,
        notes=demo.texts(
            "Casus: onrust bij het opruimen. Afspraak: een vast liedje en één taak per kind.",
            "Casus: instructie aan de verlengde tafel. Afspraak: eerst een exitvraag.",
        ),
    )
    facilitator, case_bringer = (members[2], members[3]) if len(members) > 3 else (staff, staff)
    services.plan_meeting(
        group=group,
        date=today + datetime.timedelta(days=14),
        starts_at=datetime.time(15, 30),
        duration_minutes=60,
        method_key="vijfstappenmethode",
        facilitator=facilitator,
        case_bringer=case_bringer,
    )
    design = None
    if not demo.is_childcare:
        design = services.save_design(
            organisation=organisation,
            actor=staff,
            title="Breuken met de breukenstokken (groep 5)",
            goal="Leerlingen vergelijken breuken met dezelfde noemer.",
            plan="Start met een echte pizza, dan de stokken, dan een exitvraag.",
            participants=colleagues[:1],
        )
    visit = services.plan_visit(
        organisation=organisation,
        actor=colleagues[0] if colleagues else coach,
        observed=staff,
        observers=[colleagues[0] if colleagues else coach],
        kind="groepsobservatie" if demo.is_childcare else "lesbezoek",
        date=held.date + datetime.timedelta(days=7),
        team=team,
        rubric_key="interactievaardigheden" if demo.is_childcare else "klas",
        focus_question=demo.texts(
            "Hoe begeleid ik de overgang naar het eten?", "Geef ik feedback op het proces?"
        ),
        **({"lesson_design": design} if design else {}),
    )
    services.share_visit(actor=staff, visit=visit, person=coach)
    return True
