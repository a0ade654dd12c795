"""Authentication and tenancy of the API.

A request carries ``Authorization: Bearer lerend_...``. The key decides the person AND the
organisation; the organisation slug in the path must be the key's, otherwise the answer is
404 — the same answer as for an organisation that does not exist (DESIGN.md, tenancy).

The path parameter is called ``org``, not ``org_slug``: the web's TenantMiddleware acts on
``org_slug`` (session log-in, redirect to the log-in page), which is not how the API works.
"""

from django.http import Http404
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from lerend.accounts import throttle
from lerend.organisations.access import Access

from . import services


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = services.authenticate(token)
        if found is None:
            return None
        api_token, access = found
        request.user = api_token.person
        request.organisation = api_token.organisation
        request.access = access
        return api_token


def tenant(request, org: str) -> Access:
    """The caller's Access in the organisation named in the path, or 404."""
    if request.organisation.slug != org:
        raise Http404
    return request.access


class KeyRateThrottle(BaseThrottle):
    """At most ``limit`` requests per key in a fixed window, counted exactly with the same
    atomic counters as the log-in limit (``accounts.throttle.hit``; decision 0005). Keyed
    on the key's digest: unlike a row id, never reused by another key."""

    PERIODS = {"s": 1, "m": 60, "h": 3600}

    def __init__(self, rate: str):
        count, period = rate.split("/")
        self.limit, self.window = int(count), self.PERIODS[period]

    def allow_request(self, request) -> bool:
        key = throttle.key_for("api", request.auth.digest)
        return throttle.hit(key, self.window) <= self.limit

    def wait(self) -> float:
        return float(self.window)
