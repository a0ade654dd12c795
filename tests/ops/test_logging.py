"""Every log line of a request carries its id; the id comes from the proxy when it is a
plain token, is made otherwise, and is returned to the client. Production logs are JSON."""

import json
import logging
import os
import subprocess
import sys

import pytest

from lerend.ops import requestid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def captured():
    """The console handler's filter and a list of the records it lets through."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(requestid.RequestIdFilter())
    logger = logging.getLogger("lerend.test.requestid")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, records
    logger.removeHandler(handler)


@pytest.mark.urls("tests.ops.urls")
def test_the_proxys_request_id_is_on_the_response_and_in_the_log(client, captured):
    logger, records = captured
    response = client.get("/logs/", HTTP_X_REQUEST_ID="proxy-abc-123")
    assert response["X-Request-ID"] == "proxy-abc-123"
    logger.info("after the request")
    assert [(r.getMessage(), r.request_id) for r in records] == [
        ("in the view", "proxy-abc-123"),
        ("after the request", "-"),
    ]


@pytest.mark.urls("tests.ops.urls")
def test_the_server_error_line_carries_the_request_id(client, captured):
    _, records = captured
    error_logger = logging.getLogger("django.request")
    kept: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.addFilter(requestid.RequestIdFilter())
    handler.emit = kept.append  # type: ignore[method-assign]
    error_logger.addHandler(handler)
    client.raise_request_exception = False
    try:
        response = client.get("/fails/", HTTP_X_REQUEST_ID="proxy-err-9")
    finally:
        error_logger.removeHandler(handler)
    assert response.status_code == 500
    assert [(r.getMessage(), r.request_id) for r in kept] == [
        ("Internal Server Error: /fails/", "proxy-err-9")
    ]
    assert requestid.request_id.get() == "-"


@pytest.mark.django_db
def test_a_missing_or_odd_request_id_is_replaced_by_a_fresh_one(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second
    odd = client.get("/healthz", HTTP_X_REQUEST_ID="a b\nFAKE LOG LINE")["X-Request-ID"]
    assert len(odd) == 32 and "FAKE" not in odd
    assert requestid.clean("x" * 129) != "x" * 129


def test_production_logs_one_json_object_a_line_with_the_request_id():
    """The production settings' formatter, for real: a record through the configured
    handler comes out as JSON with the request id."""
    code = (
        "import logging, django; django.setup();"
        "from lerend.ops import requestid;"
        "requestid.request_id.set('rid-42');"
        "logging.getLogger('lerend.x').warning('hallo %s', 'wereld')"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lerend.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
    }
    env.pop("LEREND_LOG_FORMAT", None)
    env.pop("SENTRY_DSN", None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    line = json.loads(done.stderr.strip().splitlines()[-1])
    assert line["message"] == "hallo wereld"
    assert line["request_id"] == "rid-42"
    assert line["level"] == "WARNING" and line["logger"] == "lerend.x"
