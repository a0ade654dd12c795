"""One of every monitoring record in an organisation, keyed by URL kwarg — for the tenancy
matrix (tests/test_tenancy_matrix.py) and the erasure test (tests/test_contrib.py).
``person`` owns or entered each of them; ``leader`` leads the organisation."""

import datetime
from decimal import Decimal

from lerend.monitoring.services import indicators

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
    return {"indicator_id": indicator.pk}
