"""Error reporting through the Sentry SDK (which also talks to a self-hosted GlitchTip),
switched on only when ``SENTRY_DSN`` is set. No personal data is sent: no user, IP address,
cookie, request body, query string, SQL parameter or local variable. Sentry SDK 3 replaced
``send_default_pii`` by the finer ``data_collection`` option; ``NO_PERSONAL_DATA`` switches
every personal category off, and ``scrub`` removes user and client address from each event
as a second lock."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import lerend

# Headers worth having in a report; every other request header is left out.
_HEADERS = ["user-agent", "accept", "content-type", "content-length", "host", "x-request-id"]

NO_PERSONAL_DATA: dict[str, Any] = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_headers": {"request": {"mode": "allowlist", "terms": _HEADERS}},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "database_query_data": False,
    "queues": False,
    "stack_frame_variables": False,
    "gen_ai": {"inputs": False, "outputs": False},
    "mcp": {"inputs": False, "outputs": False},
    "graphql": {"document": False, "variables": False},
}


def scrub(event: dict, hint: dict | None = None) -> dict:
    """Drop the user and the client address, whatever an integration put there."""
    event.pop("user", None)
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("env", None)
        request.pop("cookies", None)
        request.pop("data", None)
    return event


def init_error_reporting(environ: Mapping[str, str] = os.environ, **extra: Any) -> bool:
    """Start the SDK when ``SENTRY_DSN`` is set; return whether it was started."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk  # noqa: PLC0415 — only loaded when error reporting is switched on
    from sentry_sdk.integrations.django import DjangoIntegration  # noqa: PLC0415 — idem

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environ.get("SENTRY_ENVIRONMENT", "production"),
        release=f"lerend@{lerend.__version__}",
        data_collection=NO_PERSONAL_DATA,
        before_send=scrub,
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        **extra,
    )
    return True
