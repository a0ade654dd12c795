"""Error reporting is off unless SENTRY_DSN is set, and never sends personal data."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PROBE = (
    "import django, sentry_sdk; django.setup();"
    "client = sentry_sdk.get_client();"
    "dc = client.options['data_collection'];"
    "print(client.is_active(), dc['user_info'], dc['stack_frame_variables'],"
    " dc['cookies']['mode'], client.options.get('release'))"
)


def _production(extra: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")} | {
        "DJANGO_SETTINGS_MODULE": "lerend.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env | extra,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_error_reporting_stays_off_without_sentry_dsn():
    assert _production({}).startswith("False")
    assert _production({"SENTRY_DSN": "  "}).startswith("False")


def test_error_reporting_is_on_with_sentry_dsn_and_sends_no_personal_data():
    import lerend  # noqa: PLC0415 — the version the release is named after

    # A GlitchTip-style DSN; nothing is sent during this probe.
    out = _production({"SENTRY_DSN": "http://public@127.0.0.1:9/1"})
    assert out == f"True False False off lerend@{lerend.__version__}"


def test_a_report_carries_no_user_and_no_client_address():
    """A real event through the SDK into a transport that keeps it: the user a view might
    have set and the client address are gone; the request id stays."""
    code = """
import sentry_sdk
from sentry_sdk.transport import Transport
from lerend.settings.error_reporting import init_error_reporting

kept = []

class Keep(Transport):
    def capture_envelope(self, envelope):
        kept.extend(item.payload.json for item in envelope.items if item.payload.json)

init_error_reporting({"SENTRY_DSN": "http://public@127.0.0.1:9/1"}, transport=Keep)
with sentry_sdk.new_scope() as scope:
    scope.set_user({"email": "fenna@school.example", "ip_address": "10.1.2.3"})
    scope.set_tag("request_id", "rid-7")
    sentry_sdk.capture_message("boom")
sentry_sdk.flush()
import json
print(json.dumps(kept))
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    events = [e for e in json.loads(done.stdout) if e.get("message") == "boom"]
    assert len(events) == 1
    text = json.dumps(events[0])
    assert "fenna" not in text and "10.1.2.3" not in text
    assert events[0]["tags"]["request_id"] == "rid-7"
