"""Reads that decide who may see what in the organisations area."""

import datetime
import functools
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import FieldDoesNotExist
from django.db.models import (
    BooleanField,
    Case,
    Choices,
    Count,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lerend.kit import cache, numbers

from . import audit
from .access import Access
from .models import AuditEntry, Invitation, Location, Membership, Organisation, Role, Team


def organisations_for(user):
    """Organisations where ``user`` has at least one active membership."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    org_ids = Membership.objects.active().filter(person=user).values("organisation_id")
    return Organisation.objects.filter(id__in=org_ids).order_by("name")


def my_teams(access: Access):
    """Teams the person belongs to, with their location, in one query."""
    return Team.objects.filter(id__in=access.team_ids).select_related("location")


def people_namespace(organisation_id: int) -> tuple[str, int]:
    """The cache namespace of everything counted over an organisation's people: bumped when
    a membership, a person's active flag, or a team's location changes (see signals.py)."""
    return ("people", organisation_id)


def headcounts(organisation: Organisation) -> dict:
    """Distinct active people: in total, per role and per location (a membership at the
    location or in one of its teams). Three queries over every membership of the
    organisation, so kept in the shared cache until the people change (kit.cache)."""

    def count() -> dict:
        active = Membership.objects.active().filter(organisation=organisation)
        return {
            "people": active.values("person").distinct().count(),
            "by_role": dict(
                active.values_list("role").annotate(n=Count("person", distinct=True)).order_by()
            ),
            "by_location": dict(
                active.annotate(at=Coalesce("location_id", "team__location_id"))
                .filter(at__isnull=False)
                .values_list("at")
                .annotate(n=Count("person", distinct=True))
                .order_by()
            ),
        }

    return cache.cached(f"headcounts:{organisation.pk}", [people_namespace(organisation.pk)], count)


def organisation_overview(organisation: Organisation) -> dict:
    """Head counts for a leader's overview: fixed number of queries whatever the size."""
    counts = headcounts(organisation)
    return {
        "locations": Location.objects.filter(organisation=organisation).count(),
        "teams": Team.objects.filter(organisation=organisation).count(),
        "people": counts["people"],
        "by_role": [(label, counts["by_role"].get(value, 0)) for value, label in Role.choices],
    }


def visible_locations(access: Access) -> list[Location]:
    """Locations a leader's scope covers, each with ``team_count`` and ``staff_count``
    (distinct people with an active membership at the location or in one of its teams).
    A fixed number of queries whatever the number of locations."""
    qs = Location.objects.filter(organisation=access.organisation)
    if not access.covers_organisation():
        qs = qs.filter(id__in=access.location_ids)
    locations: list[Location] = list(
        qs.annotate(team_count=Count("teams", distinct=True)).order_by("name")
    )
    staff = headcounts(access.organisation)["by_location"]
    for loc in locations:
        loc.staff_count = staff.get(loc.id, 0)  # type: ignore[attr-defined]  # shown per row
    return locations


def open_invitation_count(organisation: Organisation) -> int:
    return Invitation.objects.filter(
        organisation=organisation,
        used_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).count()


def teams_without_leader(organisation: Organisation) -> int:
    led = (
        Membership.objects.active()
        .filter(organisation=organisation, role=Role.TEAMLEIDER, team__isnull=False)
        .values("team_id")
    )
    return Team.objects.filter(organisation=organisation).exclude(id__in=led).count()


def team_members(access: Access):
    """Colleagues in the teams the person leads (teamleider with team scope), by team."""
    led = [m.team_id for m in access.memberships if m.role == Role.TEAMLEIDER and m.team_id]
    if not led:
        return []
    return list(
        Membership.objects.active()
        .filter(team_id__in=led)
        .select_related("person", "team")
        .order_by("team__name", "person__name")
    )


# --- management pages -------------------------------------------------------------------

PEOPLE_VIEWER_ROLES = frozenset(
    {Role.BEHEERDER, Role.BESTUURDER, Role.LOCATIEMANAGER, Role.TEAMLEIDER}
)


def _people_scope(access: Access):
    """Q on Membership for the part of the organisation whose people this person may list:
    bestuurder/beheerder everything, locatiemanager their location, teamleider their team.
    None means everything."""
    q = Q(pk__in=[])
    for m in access.memberships:
        if m.role not in PEOPLE_VIEWER_ROLES:
            continue
        if m.role in (Role.BEHEERDER, Role.BESTUURDER) or m.scope == "organisation":
            return None
        if m.scope == "location":
            q |= Q(location_id=m.location_id) | Q(team__location_id=m.location_id)
        elif m.scope == "team":
            q |= Q(team_id=m.team_id)
    return q


def _open_invitation_expiry(organisation: Organisation):
    """Subquery: when the newest usable (not used, not revoked) invitation of
    ``organisation`` to the outer person's e-mail address expires; NULL when there is none.
    An expired one still counts here, so the page can say it has expired."""
    return Subquery(
        Invitation.objects.filter(
            organisation=organisation,
            email__iexact=OuterRef("email"),
            used_at__isnull=True,
            revoked_at__isnull=True,
        )
        .order_by("-created_at", "-id")
        .values("expires_at")[:1]
    )


def _pending_q(prefix: str = ""):
    """Q for people who have not activated their account yet.

    The data model's signal is the password: the staff import creates the account with an
    *unusable* password (Django marks those with ``UNUSABLE_PASSWORD_PREFIX``) and only
    accepting an invitation sets a real one; password reset skips such accounts, so there is
    no other way out. ``last_login`` is not used: accounts made by hand or in tests may
    never have logged in yet while they can, and ``Invitation.used_at`` is per organisation
    while an imported person may be in a second organisation without an invitation there.
    So "pending" reads: this person cannot log in yet, whatever invitation exists."""
    return Q(**{f"{prefix}password__startswith": UNUSABLE_PASSWORD_PREFIX})


def with_pending(people, organisation: Organisation):
    """Annotate people with ``is_pending`` (see ``_pending_q``) and ``invitation_expires_at``
    (``_open_invitation_expiry``) inside the same query: no query per row."""
    return people.annotate(
        is_pending=Case(
            When(_pending_q(), then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        invitation_expires_at=_open_invitation_expiry(organisation),
    )


def visible_people(
    access: Access,
    *,
    query="",
    location_id=None,
    team_id=None,
    role="",
    former=False,
    pending=False,
):
    """People of the organisation this person may list, each with ``org_memberships``
    (their active memberships here, with location and team), ``is_pending`` and
    ``invitation_expires_at`` (``with_pending``). ``pending`` keeps only people who have not
    activated their account yet. Two queries whatever the number of people (the rows and
    the prefetched memberships)."""
    organisation = access.organisation
    memberships = Membership.objects.filter(organisation=organisation)
    active = Membership.objects.active().filter(organisation=organisation)
    scope = _people_scope(access)
    base = active if not former else memberships
    if scope is not None:
        base = base.filter(scope)
    if location_id:
        base = base.filter(Q(location_id=location_id) | Q(team__location_id=location_id))
    if team_id:
        base = base.filter(team_id=team_id)
    if role:
        base = base.filter(role=role)
    # A subquery is a valid __in value; django-stubs' lookup check expects an iterable.
    people = get_user_model().objects.filter(id__in=base.values("person_id"))  # type: ignore[misc]
    if former:
        people = people.exclude(id__in=active.values("person_id"))
    if query:
        people = people.filter(Q(name__icontains=query) | Q(email__icontains=query))
    if pending:
        people = people.filter(_pending_q())
    people = with_pending(people, organisation)
    return people.order_by("name", "id").prefetch_related(
        Prefetch(
            "memberships",
            queryset=active.select_related("location", "team__location").order_by("role"),
            to_attr="org_memberships",
        )
    )


def filter_choices(access: Access) -> dict:
    """Locations and teams offered as filters on the people list (within the viewer's scope)."""
    locations = Location.objects.filter(organisation=access.organisation)
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    if _people_scope(access) is not None:
        viewing = [m for m in access.memberships if m.role in PEOPLE_VIEWER_ROLES]
        loc_ids = {m.location_id for m in viewing if m.scope == "location" and m.location_id}
        team_ids = {m.team_id for m in viewing if m.scope == "team"}
        locations = locations.filter(id__in=loc_ids)
        teams = teams.filter(Q(location_id__in=loc_ids) | Q(id__in=team_ids))
    return {"locations": list(locations), "teams": list(teams)}


def person_in_organisation(organisation: Organisation, person_id: int):
    """A person with any membership (also ended) in ``organisation``; None otherwise —
    someone from another organisation is treated as unknown."""
    return (
        get_user_model()
        .objects.filter(id=person_id, memberships__organisation=organisation)
        .distinct()
        .first()
    )


def people_list_shows_email(access: Access) -> bool:
    """Whether the people list shows e-mail addresses to this viewer. Everyone who may see
    the list sees them today (colleagues need them to reach each other); the export asks
    the same question, so it can never show more than the page."""
    return True


def person_pending(organisation: Organisation, person) -> dict:
    """The activation state for the person page: ``pending`` (see ``_pending_q``) and the
    newest invitation of ``organisation`` to the person's address that was not used (open,
    expired or revoked), or None. One query, none when the person is active."""
    pending = not person.has_usable_password()  # the same test as _pending_q, in Python
    invitation = None
    if pending:
        invitation = (
            Invitation.objects.filter(
                organisation=organisation, email__iexact=person.email, used_at__isnull=True
            )
            .order_by("-created_at", "-id")
            .first()
        )
    return {"pending": pending, "invitation": invitation}


def person_memberships(organisation: Organisation, person):
    return list(
        Membership.objects.filter(organisation=organisation, person=person)
        .select_related("location", "team")
        .order_by("-start_date", "id")
    )


def locations_with_counts(organisation: Organisation):
    """Every location with ``team_count`` and ``people_count`` (active memberships at the
    location or in its teams). Two queries."""
    locations = list(
        Location.objects.filter(organisation=organisation).annotate(
            team_count=Count("teams", distinct=True)
        )
    )
    counts = dict(
        Membership.objects.active()
        .filter(organisation=organisation)
        .annotate(at=Coalesce("location_id", "team__location_id"))
        .values_list("at")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    )
    for loc in locations:
        loc.people_count = counts.get(loc.id, 0)  # type: ignore[attr-defined]  # shown per row
    return locations


def teams_by_location(organisation: Organisation):
    """[(location, [team with people_count, ...]), ...] — locations without teams too.
    Two queries."""
    teams = (
        Team.objects.filter(organisation=organisation)
        .select_related("location")
        .annotate(
            people_count=Count(
                "memberships__person",
                filter=_active_q("memberships__"),
                distinct=True,
            )
        )
        .order_by("location__name", "name")
    )
    groups: dict[int, tuple[Location, list[Team]]] = {
        loc.id: (loc, []) for loc in Location.objects.filter(organisation=organisation)
    }
    for team in teams:
        groups[team.location_id][1].append(team)
    return list(groups.values())


def _active_q(prefix: str):
    today = timezone.localdate()
    return (
        Q(**{f"{prefix}start_date__lte": today})
        & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))
        & Q(**{f"{prefix}person__is_active": True})
    )


def invitations_for(organisation: Organisation):
    return Invitation.objects.filter(organisation=organisation).select_related(
        "location", "team", "invited_by"
    )


def audit_entries(organisation: Organisation, *, action=""):
    qs = AuditEntry.objects.filter(organisation=organisation).select_related("actor")
    if action:
        qs = qs.filter(action=action)
    return qs


@functools.cache
def _models_by_name() -> dict:
    """model_name -> model over every installed app (audit entries store the model name;
    a test keeps model names unique)."""
    return {model._meta.model_name: model for model in apps.get_models()}


def _lookup(registry: dict, target_type: str, key: str):
    return registry.get(f"{target_type}.{key}", registry.get(key))


def _model_field(target_type: str, key: str):
    model = _models_by_name().get(target_type)
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except FieldDoesNotExist:
        return None


def audit_field_label(target_type: str, key: str) -> str:
    """The translated label of a recorded field ("fte" -> "FTE", "location" -> "locatie"):
    an app's ``FIELD_LABELS`` first, then the model field's own verbose name (not one Django
    made up from the attribute name, which is English); a key that is already words (a
    location's name in the hours norm) as it is."""
    labels, _values = audit.field_registry()
    label = _lookup(labels, target_type, key)
    if label is not None:
        return str(label)
    field = _model_field(target_type, key)
    if field is not None and field.verbose_name != key.replace("_", " "):
        return str(field.verbose_name)
    return key


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2})?$")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def audit_value(target_type: str, key: str, value) -> str:
    """A recorded value as words for the log: yes/no, a dash for nothing, choice labels
    ("staff" -> "medewerkers"), lists joined, dates and decimals written the Dutch way. Never
    a Python literal (None, True, ['a', 'b'])."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list | tuple):
        return ", ".join(audit_value(target_type, key, item) for item in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{audit_field_label(target_type, str(k))}: {audit_value(target_type, str(k), v)}"
            for k, v in value.items()
        )
    _labels, describers = audit.field_registry()
    describe = _lookup(describers, target_type, key)
    field = _model_field(target_type, key)
    if describe is None and field is not None and field.choices:
        describe = dict(field.flatchoices)
    if describe is not None:
        if isinstance(describe, type) and issubclass(describe, Choices):
            describe = dict(describe.choices)
        if isinstance(describe, dict):
            return str(describe.get(value, value))
        return str(describe(value))
    if isinstance(value, int):
        return str(value)  # a count, a year or an id: never grouped ("2.026")
    if isinstance(value, float):
        return numbers.number(value)
    text = str(value)
    if _ISO_DATE.match(text):
        return date_format(datetime.date.fromisoformat(text), "j F Y")
    if _ISO_DATETIME.match(text):
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return date_format(moment, "j F Y H:i")
    if _ISO_TIME.match(text):
        return text[:5]
    if _DECIMAL.match(text):
        return numbers.number(text, len(text.partition(".")[2]))
    return text


def audit_change(target_type: str, key: str, before: dict | None, after: dict | None):
    """(label, old or None when not recorded, new) of one recorded field, all as words."""
    old = audit_value(target_type, key, before[key]) if before and key in before else None
    new = audit_value(target_type, key, (after or {}).get(key))
    return audit_field_label(target_type, key), old, new
