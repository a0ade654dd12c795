"""Demo content of monitoring, added through its own services (see contrib.py): indicators
with a year of check-ins, two well-being rounds in a few groups (classes in a school
board), an imported group result and three experiments in different states. Randomness is
seeded per organisation, so the content is the same every time; skipped when present."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from lerend.improvement import selectors as goal_selectors
from lerend.organisations.models import Role, Team

from .imports import ImportRow
from .models import Indicator
from .services import experiments, indicators, wellbeing

MARK = "Welbevinden: observaties op 4–5"

CHILDCARE = {
    "outcome": ("Taal: peuters op of boven niveau", "%"),
    "process": "Bordsessies met een verbeteractie",
    "experiments": [
        (
            "Buiten eten in de lente",
            "Eten kinderen rustiger en met meer plezier als we buiten lunchen?",
            "Twee keer per week lunchen we buiten, in vaste tafelgroepjes.",
            "Kinderen eten rustiger; betrokkenheid tijdens de lunch stijgt.",
        ),
        (
            "Vaste gezichten bij het brengen",
            "Worden kinderen rustiger gebracht als steeds dezelfde medewerker ze opvangt?",
            "Per groep ontvangt één vaste pedagogisch medewerker de kinderen.",
            "Minder huilende kinderen bij het afscheid.",
        ),
        (
            "Voorleesmoment met ouders",
            "Doen ouders vaker mee met voorlezen als we een vast moment bieden?",
            "Elke vrijdag om half vijf een kwartier voorlezen, ouders welkom.",
            "Meer ouders lezen thuis voor.",
        ),
    ],
}
SCHOOL = {
    "outcome": ("Rekenen: leerlingen op of boven niveau (LVS)", "%"),
    "process": "Bordsessies met een verbeteractie",
    "experiments": [
        (
            "Coöperatief leren bij rekenen",
            "Leren leerlingen meer van elkaar met vaste maatjes bij rekenen?",
            "Drie keer per week werken leerlingen in vaste tweetallen aan de verwerking.",
            "Meer betrokkenheid en betere toetsresultaten.",
        ),
        (
            "Stille start van de dag",
            "Beginnen leerlingen rustiger als de dag start met tien minuten lezen?",
            "Elke ochtend tien minuten stillezen voor de kring.",
            "Een rustiger begin, meer welbevinden.",
        ),
        (
            "Leerlingen geven feedback op de les",
            "Wat leren leerkrachten van een korte exitvraag aan leerlingen?",
            "Aan het eind van elke les twee vragen op een kaartje.",
            "Leerkrachten passen hun uitleg sneller aan.",
        ),
    ],
}


def add_demo(demo) -> list[str]:
    return ["monitoring"] if _add(demo) else []


def _months_ago(today, n):
    return today - datetime.timedelta(days=round(30.44 * n))


@transaction.atomic
def _add(demo) -> bool:
    organisation, today = demo.organisation, demo.today
    if Indicator.objects.filter(organisation=organisation, title=MARK).exists():
        return False
    rng = random.Random(f"monitoring-{organisation.slug}")
    text = demo.texts(CHILDCARE, SCHOOL)
    board = demo.login(Role.BESTUURDER)
    staff = demo.login(Role.MEDEWERKER)
    own_team = demo.team_of(staff)
    start = _months_ago(today, 12)
    goals = list(goal_selectors.organisation_goals(organisation)[:1])

    wellbeing_indicator = indicators.create_indicator(
        organisation=organisation,
        actor=board,
        level="organisation",
        title=MARK,
        description="Aandeel van alle observaties in de laatste welbevindenronde op 4 of 5.",
        kind="uitkomst",
        unit="%",
        baseline=Decimal(55),
        baseline_on=start,
        target=Decimal(70),
        target_on=start + datetime.timedelta(days=730),
        direction="hoger",
        cadence="maand",
        source="handmatig",
        building_blocks=["monitoring-evaluatie"],
        owner=board,
        goal_ids=[g.pk for g in goals],
    )
    process_indicator = indicators.create_indicator(
        organisation=organisation,
        actor=board,
        level="organisation",
        title=text["process"],
        kind="proces",
        unit="%",
        baseline=Decimal(40),
        baseline_on=start,
        target=Decimal(75),
        direction="hoger",
        cadence="maand",
        source="handmatig",
        building_blocks=["team"],
        owner=board,
        goal_ids=[g.pk for g in goals],
    )
    for month in range(12, 0, -1):
        day = _months_ago(today, month - 1) - datetime.timedelta(days=2)
        for indicator, base, step in ((wellbeing_indicator, 55, 0.9), (process_indicator, 40, 2.1)):
            value = Decimal(str(round(base + step * (12 - month) + rng.uniform(-2, 2), 1)))
            indicators.add_check_in(
                indicator=indicator,
                actor=board,
                measured_on=day,
                value=value,
                confidence=rng.choice(["hoog", "midden", "midden", "laag"]),
                note="",
            )
    pop = indicators.create_indicator(
        organisation=organisation,
        actor=board,
        level="organisation",
        title="Medewerkers met een POP dit jaar",
        kind="proces",
        unit="%",
        baseline=Decimal(30),
        baseline_on=start,
        target=Decimal(90),
        direction="hoger",
        cadence="kwartaal",
        source="pop",
        building_blocks=["professionalisering"],
        owner=board,
    )
    indicators.measure_computed(indicator=pop, actor=board, on=today)
    # Coaching coverage, computed by the coaching app (its demo runs before this one).
    coverage = indicators.create_indicator(
        organisation=organisation,
        actor=board,
        level="organisation",
        title="Medewerkers dit jaar gecoacht",
        kind="proces",
        unit="%",
        baseline=Decimal(0),
        baseline_on=datetime.date(today.year, 1, 1),
        target=Decimal(100),
        target_on=datetime.date(today.year, 12, 31),
        direction="hoger",
        cadence="maand",
        source="coaching",
        building_blocks=["coaching"],
        owner=board,
    )
    indicators.measure_computed(indicator=coverage, actor=board, on=today)
    title, unit = text["outcome"]
    imported = indicators.create_indicator(
        organisation=organisation,
        actor=board,
        level="organisation",
        title=title,
        kind="uitkomst",
        unit=unit,
        baseline=Decimal(62),
        baseline_on=start,
        target=Decimal(72),
        direction="hoger",
        cadence="halfjaar",
        source="import",
        owner=board,
    )
    teams = list(Team.objects.filter(organisation=organisation).order_by("pk"))
    groups = [own_team] + [t for t in teams if t.pk != own_team.pk][:3]
    for months, lift in ((7, 0), (1, 4)):
        rows = [
            ImportRow(
                line=i + 2,
                raw={},
                team=team,
                measured_on=_months_ago(today, months),
                value=Decimal(str(round(60 + lift + rng.uniform(-6, 8), 1))),
                children=rng.randint(12, 26),
            )
            for i, team in enumerate(groups)
        ]
        indicators.import_group_results(indicator=imported, actor=board, rows=rows)

    # Two well-being rounds per group: half a year ago (closed) and this month; the last
    # group observed too few children, so its profile stays hidden.
    for index, team in enumerate(groups[:3]):
        for months, closed in ((6, True), (0, False)):
            first_on = _months_ago(today, months) - datetime.timedelta(days=8)
            round_ = wellbeing.start_round(
                organisation=organisation,
                actor=staff if team == own_team else board,
                team=team,
                first_on=first_on,
                second_on=first_on + datetime.timedelta(days=2),
            )
            children = 7 if index == 2 and not closed else 12 + index
            lift = 0 if closed else 1
            for child in range(1, children + 1):
                for moment in (1, 2):
                    wellbeing.record_score(
                        round=round_,
                        actor=staff if team == own_team else board,
                        child=str(child),
                        moment=moment,
                        wellbeing=min(5, max(1, round(rng.gauss(3.4 + 0.3 * lift, 0.9)))),
                        involvement=min(5, max(1, round(rng.gauss(3.2 + 0.3 * lift, 1.0)))),
                    )
            if closed:
                wellbeing.save_reflection(
                    round=round_,
                    actor=board,
                    reflection="Na de zomer veel nieuwe kinderen en wisselingen in het team.",
                    context_factors=["nieuwe_kinderen", "bezetting"],
                )
                wellbeing.close_round(round=round_, actor=board)

    specs = text["experiments"]
    leader = demo.login(Role.TEAMLEIDER)
    states = ("afgerond", "loopt", "gepland")
    for (title, question, change, hypothesis), state, months in zip(
        specs, states, (8, 2, -1), strict=True
    ):
        starts_on = _months_ago(today, months)
        experiment = experiments.create_experiment(
            organisation=organisation,
            actor=board,
            teams=groups[:2],
            title=title,
            question=question,
            hypothesis=hypothesis,
            change=change,
            owner=leader,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=120),
            indicator=wellbeing_indicator,
            building_blocks=["innovatie"],
        )
        if state == "gepland":
            continue
        for team in groups[:2]:
            for n, description in enumerate(
                ("Afspraken maken in het team", "Eerste week", "Evaluatie")
            ):
                step = experiments.add_step(
                    experiment=experiment,
                    actor=leader,
                    team=team,
                    description=description,
                    planned_on=starts_on + datetime.timedelta(days=14 * n),
                )
                if state == "afgerond" or n == 0 or (n == 1 and team == groups[0]):
                    experiments.mark_step(step=step, actor=leader, done=True)
        experiments.start_experiment(experiment=experiment, actor=leader)
        if state == "afgerond":
            experiments.finish_experiment(
                experiment=experiment,
                actor=leader,
                result="In beide groepen een merkbaar rustiger moment; in november te koud.",
                lessons="Werkt in lente en zomer; in de winter zoeken we een binnenvariant.",
                decision="bijstellen",
                celebrated=True,
            )
    demo.note(
        f"Monitoren: {organisation.name} — indicatoren, welbevindenrondes in "
        f"{len(groups[:3])} groepen en drie experimenten."
    )
    return True
