"""Every organisation URL, for every persona: outsiders get 404, anonymous visitors go to the
log-in, another organisation's object id gives 404, and each member gets exactly what the
view's declared rule and loader (``@require(rule, obj=loader)``) predict: 200 (302 where the
page redirects by design), 403, 404 or 405. Views that declare nothing yet are listed in
UNDECLARED and only checked for server errors.

URLs are enumerated from the resolver, so a new page is covered the day it is added. A URL
kwarg this file does not know makes the test fail: register how to fill it in OBJECT_KWARGS.
"""

import datetime
import re

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from lerend.api import services as api_services
from lerend.improvement.models import Action, DevelopmentTheme, Goal, SteeringGroupMember
from lerend.kit import contrib
from lerend.organisations import decorators
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Invitation, Role
from lerend.scans import services as scan_services
from tests.coaching.records import make_records as make_coaching_records
from tests.collaboration.records import make_records as make_collaboration_records
from tests.knowledge.records import make_records as make_knowledge_records
from tests.learning.records import make_records
from tests.monitoring.records import make_records as make_monitoring_records
from tests.networks.records import make_records as make_network_records
from tests.partners.records import make_records as make_partner_records

pytestmark = pytest.mark.django_db

ORG_PREFIX = "o/<slug:org_slug>/"


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def org_routes() -> list[str]:
    routes = sorted({r for r in _walk(get_resolver().url_patterns) if r.startswith(ORG_PREFIX)})
    assert routes, "no organisation URLs found"
    return routes


def _from_contributions(name):
    find = contrib.url_objects()[name]

    def fill(w, org):
        pk = find(org)
        assert pk is not None, f"world has no object for <{name}> in {org}"
        return pk

    return fill


# How to fill each URL kwarg with an object of a given organisation: what the apps declare
# in their contrib.py (url_objects), with the world's own people and places where a page
# needs a particular one.
OBJECT_KWARGS = {
    **{name: _from_contributions(name) for name in contrib.url_objects()},
    "location_id": lambda w, org: w.location.pk if org == w.org else w.other_location.pk,
    "team_id": lambda w, org: w.team.pk if org == w.org else w.other_org_team.pk,
    "person_id": lambda w, org: w.staff.pk if org == w.org else w.outsider.pk,
    # Own org: a shipped version (any organisation may copy it); other org: its own published
    # version, which must stay invisible.
    "version_id": lambda w, org: (
        w.shipped.pk if org == w.org else _from_contributions("version_id")(w, org)
    ),
}
# Kwargs that are not objects of an organisation (keys of shipped data, tokens, ...).
PLAIN_KWARGS = {
    "method_key": "incidentmethode",
    "rubric_key": "klas",
    "key": "cultuur",
    "block": "cultuur",
    "practice": "intervisie",
}


def build(route: str, world, org, slug: str) -> str:
    url = route.replace("<slug:org_slug>", slug)
    for conv, name in re.findall(r"<(?:(\w+):)?(\w+)>", url):
        token = f"<{conv}:{name}>" if conv else f"<{name}>"
        if name in OBJECT_KWARGS:
            value = OBJECT_KWARGS[name](world, org)
        elif name in PLAIN_KWARGS:
            value = PLAIN_KWARGS[name]
        else:
            raise AssertionError(f"{route}: register how to fill <{name}> in the matrix")
        url = url.replace(token, str(value))
    return "/" + url


def has_object_kwarg(route: str) -> bool:
    return any(name in OBJECT_KWARGS for name in re.findall(r"<(?:\w+:)?(\w+)>", route))


@pytest.fixture
def matrix_world(world):
    from tests.factories import LocationFactory, TeamFactory

    world.other_location = LocationFactory(organisation=world.other_org, name="Elders")
    world.other_org_team = TeamFactory(location=world.other_location, name="Elders-team")
    from tests.factories import member

    member(world.other_org, team=world.other_org_team)
    world.shipped = scan_services.shipped_version("pulse")
    for org, admin in ((world.org, world.admin), (world.other_org, world.outsider)):
        Invitation.objects.create(
            organisation=org,
            email=f"nieuw@{org.slug}.nl",
            name="Nieuw",
            role="medewerker",
            scope="organisation",
            token_hash=f"hash-{org.slug}",
            invited_by=admin,
            expires_at="2099-01-01T00:00:00Z",
        )
        draft = scan_services.copy_instrument(
            organisation=org, actor=admin, version=scan_services.shipped_version("pulse")
        )
        scan_services.publish_instrument(own=draft, actor=admin)
        scan_services.copy_instrument(organisation=org, actor=admin, version=world.shipped)
        today = datetime.date.today()
        scan_services.create_campaign(
            organisation=org,
            actor=admin,
            instrument_version=world.shipped,
            title="Pulse",
            audience="staff",
            role_groups=("leiding", "medewerkers"),
            teams=(),
            locations=(),
            opens_on=today,
            closes_on=today + datetime.timedelta(days=14),
        )
    for org, team, admin in (
        (world.org, world.team, world.admin),
        (world.other_org, world.other_org_team, world.outsider),
    ):
        today = datetime.date.today()
        goal = Goal.objects.create(
            organisation=org, level="team", team=team, title="Doel", starts_on=today, ends_on=today
        )
        Action.objects.create(
            organisation=org, team=team, goal=goal, title="Actie", due_on=today, owner=admin
        )
        DevelopmentTheme.objects.create(organisation=org, title="Thema", description="D")
        SteeringGroupMember.objects.create(organisation=org, person=admin)
        api_services.create_token(person=admin, organisation=org, name="Sleutel", days=30)
    # Personal records: the owner's coach covers the owner; everyone else must get 404.
    other_owner = member(world.other_org, team=world.other_org_team)
    other_coach = member(world.other_org, Role.COACH, location=world.other_location)
    world.learning_records = {
        world.org.pk: make_records(world.org, world.staff, world.coach),
        world.other_org.pk: make_records(world.other_org, other_owner, other_coach),
    }
    other_third = member(world.other_org, team=world.other_org_team)
    world.collaboration_records = {
        world.org.pk: make_collaboration_records(
            world.org, world.staff, world.coach, shared_with=world.teamleader
        ),
        world.other_org.pk: make_collaboration_records(
            world.other_org, other_owner, other_coach, shared_with=other_third
        ),
    }
    other_leader = member(world.other_org, Role.LOCATIEMANAGER, location=world.other_location)
    world.coaching_records = {
        world.org.pk: make_coaching_records(world.org, world.staff, world.coach, world.manager),
        world.other_org.pk: make_coaching_records(
            world.other_org, other_owner, other_coach, other_leader
        ),
    }
    for org, owner, leader, team in (
        (world.org, world.staff, world.board, world.team),
        (world.other_org, other_owner, world.outsider, world.other_org_team),
    ):
        make_monitoring_records(org, owner, leader, team)
    make_knowledge_records(world.org, world.staff)
    make_knowledge_records(world.other_org, other_owner)
    make_network_records(world.org, world.staff, world.board)
    make_network_records(world.other_org, other_owner, world.outsider)
    make_partner_records(world.org, world.coach)
    make_partner_records(world.other_org, world.outsider)
    return world


def test_matrix_outsider_gets_404_on_every_organisation_url(client, matrix_world):
    w = matrix_world
    client.force_login(w.outsider)
    for route in org_routes():
        url = build(route, w, w.org, "regenboog")
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


def test_matrix_unknown_organisation_is_404_for_everyone(client, matrix_world):
    client.force_login(matrix_world.admin)
    for route in org_routes():
        url = build(route, matrix_world, matrix_world.org, "bestaat-niet")
        assert client.get(url).status_code == 404, url


def test_matrix_anonymous_is_sent_to_log_in(client, matrix_world):
    for route in org_routes():
        url = build(route, matrix_world, matrix_world.org, "regenboog")
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/account/inloggen/"), url


PERSONAS = ["staff", "teamleader", "manager", "coach", "board", "admin"]

# Views that do not declare their permission yet (``@require(rule, obj=loader)``): checked
# only for "no server error". A ratchet: this set may only shrink, and it must hold exactly
# the undeclared views, so it cannot go stale.
UNDECLARED: set[str] = set()


def _methods(view):
    """The methods a ``require_http_methods`` wrapper (``require_POST``, ...) allows, and
    whether it answers before the declared rule does; (None, False) without one. Django
    keeps the list only in that wrapper's closure."""
    before_rule = True
    while view is not None:
        code = view.__code__
        if "request_method_list" in code.co_freevars:
            cell = view.__closure__[code.co_freevars.index("request_method_list")]
            return cell.cell_contents, before_rule
        if code.co_filename == decorators.__file__:
            before_rule = False
        view = getattr(view, "__wrapped__", None)
    return None, False


def declared(view, route) -> bool:
    """The view declares its rule, and — when its URL names an object — how it loads it."""
    if getattr(view, "rule", None) is None:
        return False
    return view.loader is not None or not re.findall(r"<(?:\w+:)?(\w+)>", route[len(ORG_PREFIX) :])


def view_name(view) -> str:
    return f"{view.__module__}.{view.__qualname__}"


def predicted(view, url, person, org, session=None) -> int:
    """The status the view's declaration promises this person on a GET of ``url``."""
    methods, before_rule = _methods(view)
    refused = methods is not None and "GET" not in methods
    if refused and before_rule:
        return 405
    match = resolve(url)
    request = RequestFactory().get(url)
    request.user, request.organisation, request.session = person, org, session
    request.access = access = resolve_access(person, org)
    if view.loader is None:
        allowed = view.rule(access)
    else:
        kwargs = {k: v for k, v in match.kwargs.items() if k != "org_slug"}
        try:
            obj = view.loader(request, **kwargs)
        except Http404:
            return 404
        allowed = view.rule(access, obj)
    if not allowed:
        return 403
    if refused:
        return 405
    redirects = view.redirects(request) if callable(view.redirects) else view.redirects
    return 302 if redirects else 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix_members_get_what_the_declared_rule_predicts(client, matrix_world, persona):
    """Declared views: exactly 200 (or 302 by design), 403 or 404 as the rule and loader
    say. Undeclared ones (UNDECLARED): at least never a server error."""
    w = matrix_world
    person = getattr(w, persona)
    client.force_login(person)
    wrong = []
    for route in org_routes():
        url = build(route, w, w.org, "regenboog")
        view = resolve(url).func
        status = client.get(url).status_code
        if declared(view, route):
            expected = predicted(view, url, person, w.org, client.session)
            if status != expected:
                wrong.append(f"{url} ({view_name(view)}): {status}, rule says {expected}")
        elif status not in (200, 302, 403, 404, 405):
            wrong.append(f"{url} ({view_name(view)}): {status}")
    assert wrong == [], "\n".join(wrong)


def test_matrix_undeclared_views_are_exactly_the_ratchet():
    undeclared = set()
    for route in org_routes():
        view = resolve("/" + _example(route)).func
        if not declared(view, route):
            undeclared.add(view_name(view))
    assert sorted(undeclared - UNDECLARED) == [], "declare the rule (or, for now, add it here)"
    assert sorted(UNDECLARED - undeclared) == [], "declared now: take it off UNDECLARED"


def _example(route: str) -> str:
    """A URL of ``route`` that resolves (values need not exist)."""

    def fill(m):
        conv = m.group(1)
        return "1" if conv in (None, "int") else "x"

    return re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def test_matrix_other_organisations_object_ids_give_404(client, matrix_world):
    """The beheerder of one organisation, given ids that belong to another: always 404."""
    w = matrix_world
    client.force_login(w.admin)
    checked = 0
    for route in org_routes():
        if not has_object_kwarg(route):
            continue
        url = build(route, w, w.other_org, "regenboog")
        # 405 (wrong method) is decided before any lookup, so it reveals nothing either.
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {}).status_code in (404, 405), url
        checked += 1
    print(f"{checked} object URLs checked")
