"""One of every monitoring record in an organisation, keyed by URL kwarg — for the tenancy
matrix (tests/test_tenancy_matrix.py) and the erasure test (tests/test_contrib.py).
``person`` owns or entered each of them; ``leader`` leads the organisation."""

import datetime
from decimal import Decimal

from lerend.monitoring.services import experiments, indicators, wellbeing

TODAY = datetime.date.today()


def make_records(org, person, leader, team) -> dict[str, int]:
    indicator = indicators.create_indicator(
        organisation=org,
        actor=leader,
        level="organisation",
        title="Welbevinden boven de 4",
        kind="uitkomst",
        unit="%",
        baseline=Decimal(50),
        baseline_on=TODAY - datetime.timedelta(days=200),
        target=Decimal(70),
        direction="hoger",
        cadence="kwartaal",
        source="handmatig",
        owner=person,
    )
    indicators.add_check_in(
        indicator=indicator,
        actor=person,
        measured_on=TODAY,
        value=Decimal(55),
        confidence="midden",
        note="Na de zomer",
    )
    round_ = wellbeing.start_round(
        organisation=org,
        actor=person,
        team=team,
        first_on=TODAY - datetime.timedelta(days=3),
        second_on=TODAY - datetime.timedelta(days=1),
    )
    wellbeing.record_score(
        round=round_, actor=person, child="7", moment=1, wellbeing=4, involvement=3
    )
    experiment = experiments.create_experiment(
        organisation=org,
        actor=person,
        teams=[team],
        title="Buiten eten",
        question="Eten kinderen rustiger buiten?",
        change="Twee keer per week buiten lunchen",
        owner=person,
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=60),
        indicator=indicator,
    )
    step = experiments.add_step(
        experiment=experiment,
        actor=person,
        team=team,
        description="Tafels buiten zetten",
        planned_on=TODAY,
    )
    return {
        "indicator_id": indicator.pk,
        "round_id": round_.pk,
        "experiment_id": experiment.pk,
        "step_id": step.pk,
    }
