"""The read API at /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json, docs at
/api/v1/docs). Each domain app contributes a router from its own ``api.py``, named in its
``contrib.py``; this module holds the one instance (on top of every app, so it lives in
``web``) and the "who am I" route. Keys, authentication, rate limit and the shared schemas
are the ``api`` app's, on the ground floor, so the domain apps' routers can use them.

Read-only on purpose: integrations ask for figures (dashboards of a school board, a BI
tool), and every write keeps going through the pages with their forms, confirmations and
audit trail. Personal records (journal, POP, feedback, observations of a person) are not in
the API at all: they are shared person to person, never read by role (DESIGN.md §2)."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema

import lerend
from lerend.api.auth import KeyRateThrottle, TokenAuth, tenant
from lerend.api.schemas import responses
from lerend.kit import contrib

api = NinjaAPI(
    title="Lerend API",
    # The release (pyproject.toml, CHANGELOG.md); the URL's /v1/ is the API's own version.
    version=lerend.__version__,
    description=(
        "Read access to Lerend for one organisation, with a personal API key "
        "(`Authorization: Bearer lerend_...`). A key reads what its person may read on the "
        "pages; scan results pass the same anonymity plan."
    ),
    auth=TokenAuth(),
    throttle=[KeyRateThrottle(settings.API_RATE_LIMIT)],
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    # One neutral answer for "does not exist" and "not in your organisation" (DESIGN.md).
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


class MembershipOut(Schema):
    role: str
    scope: str
    location_id: int | None
    team_id: int | None


class OrganisationOut(Schema):
    slug: str
    name: str


class MeOut(Schema):
    name: str
    email: str
    language: str
    organisation: OrganisationOut
    memberships: list[MembershipOut]


@api.get(
    "/o/{org}/me", response=responses(MeOut), tags=["me"], summary="The key's person and roles"
)
def me(request, org: str):
    access = tenant(request, org)
    return {
        "name": request.user.name,
        "email": request.user.email,
        "language": request.user.language,
        "organisation": access.organisation,
        "memberships": [
            {
                "role": m.role,
                "scope": m.scope,
                "location_id": m.location_id,
                "team_id": m.team_id,
            }
            for m in access.memberships
        ],
    }


class VersionOut(Schema):
    version: str
    api: str


@api.get(
    "/version",
    response=VersionOut,
    auth=None,
    throttle=[],
    tags=["meta"],
    summary="The running release of Lerend (no key needed)",
)
def version(request):
    return {"version": lerend.__version__, "api": "v1"}


# Each domain app names its router in its contrib.py (``api_router``).
for router in contrib.api_routers():
    api.add_router("/", router)
