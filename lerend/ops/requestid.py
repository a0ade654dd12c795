"""One id per request, in every log line of that request and on the response.

The reverse proxy sends ``X-Request-ID`` (nginx: ``proxy_set_header X-Request-ID
$request_id``); without one, or with one that is not a plain token, the middleware makes a
fresh id. The id is kept in a context variable for the duration of the request, so the
logging filter can stamp every record (also those of libraries), and is returned in the
``X-Request-ID`` response header so a person reporting a problem can quote it.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

HEADER = "X-Request-ID"
_VALID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def clean(value: str | None) -> str:
    """The proxy's id when it is a plain token, else a new one (a log must not carry
    whatever a client chooses to send)."""
    if value and _VALID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = clean(request.headers.get(HEADER))
        request.request_id = rid
        # Kept until the response is closed (``clear`` on request_finished), so the handler's
        # own "Internal Server Error" line, written after the middleware, carries it too.
        request_id.set(rid)
        response = self.get_response(request)
        response[HEADER] = rid
        return response


def clear(**kwargs) -> None:
    request_id.set("-")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (``-`` outside a request: worker, commands)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True
