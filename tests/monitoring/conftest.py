import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from lerend.monitoring.services import indicators as services
from tests.api.conftest import api_get, make_key  # noqa: F401 -- fixtures for test_api.py

TODAY = datetime.date.today()


@pytest.fixture
def url():
    def _url(name, **kwargs):
        return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})

    return _url


def make_indicator(org, actor, **values):
    defaults = {
        "level": "organisation",
        "title": "Kinderen buiten",
        "kind": "uitkomst",
        "unit": "%",
        "baseline": Decimal("40"),
        "baseline_on": TODAY - datetime.timedelta(days=365),
        "target": Decimal("60"),
        "direction": "hoger",
        "cadence": "kwartaal",
        "source": "handmatig",
        "owner": actor,
    }
    defaults.update(values)
    return services.create_indicator(organisation=org, actor=actor, **defaults)


@pytest.fixture
def indicator(world):
    return make_indicator(world.org, world.board)


@pytest.fixture
def team_indicator(world):
    """An indicator of world.team that people outside it may not read."""
    return make_indicator(
        world.org, world.teamleader, level="team", team=world.team, title="Rust in Groep Rups"
    )
