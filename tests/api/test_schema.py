"""Property-based tests of the whole API from its own OpenAPI schema (schemathesis):
generated requests on every route never cause a server error, and every answer matches the
schema it promises. Run in-process through the WSGI app, on a world with a closed scan and
goals, with a bestuurder's key (who may read every route)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from lerend.wsgi import application
from tests.improvement.conftest import ActionFactory, GoalFactory
from tests.scans.test_results_support import pulse_campaign

# The schema is static (no database behind it), so it is read once, at collection.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.update(parameters={"org": "regenboog"})


@pytest.fixture
def keep_connection():
    """Calls go straight to the WSGI app, whose request signals would close the database
    connection after each call — and with it the test's transaction on PostgreSQL. Django's
    test client unhooks the same handler for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def board_key(world, make_key, keep_connection):
    pulse_campaign(world)
    GoalFactory(team=world.team, title="Rups deelt")
    ActionFactory(team=world.team, title="Actie Rups")
    return make_key(world.board)


@schema.parametrize()
@settings(
    max_examples=50,
    derandomize=True,  # the same examples on every run: CI is never red by chance
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_route_keeps_to_its_schema(case, board_key):
    # Unknown query parameters are ignored on purpose (a BI tool's cache-buster must not
    # break a dashboard), so "schema-violating request accepted" is not a failure here;
    # a known parameter with a bad value is a 422 (tests/api/test_improvement_api.py).
    case.call_and_validate(
        headers={"Authorization": f"Bearer {board_key}"},
        excluded_checks=[negative_data_rejection],
    )
