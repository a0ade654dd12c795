"""Authentication and tenancy of the API.

A request carries ``Authorization: Bearer lerend_...``. The key decides the person AND the
organisation; the organisation slug in the path must be the key's, otherwise the answer is
404 — the same answer as for an organisation that does not exist (DESIGN.md, tenancy).

The path parameter is called ``org``, not ``org_slug``: the web's TenantMiddleware acts on
``org_slug`` (session log-in, redirect to the log-in page), which is not how the API works.
"""

from django.http import Http404
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

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


class KeyRateThrottle(AuthRateThrottle):
    """Requests counted per key (its digest: unlike a row id, never reused by another key)."""

    def get_cache_key(self, request) -> str:
        return self.cache_format % {"scope": self.scope, "ident": request.auth.digest}
