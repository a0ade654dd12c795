"""Reads that decide who may see what in the organisations area."""

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone

from .access import Access
from .models import Invitation, Location, Membership, Organisation, Role, Team


def organisations_for(user):
    """Organisations where ``user`` has at least one active membership."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    org_ids = Membership.objects.active().filter(person=user).values("organisation_id")
    return Organisation.objects.filter(id__in=org_ids).order_by("name")


def my_teams(access: Access):
    """Teams the person belongs to, with their location, in one query."""
    return Team.objects.filter(id__in=access.team_ids).select_related("location")


def organisation_overview(organisation: Organisation) -> dict:
    """Head counts for a leader's overview: fixed number of queries whatever the size."""
    active = Membership.objects.active().filter(organisation=organisation)
    by_role = dict(active.values_list("role").annotate(n=Count("person", distinct=True)).order_by())
    return {
        "locations": Location.objects.filter(organisation=organisation).count(),
        "teams": Team.objects.filter(organisation=organisation).count(),
        "people": active.values("person").distinct().count(),
        "by_role": [(label, by_role.get(value, 0)) for value, label in Role.choices],
    }


def visible_locations(access: Access) -> list[Location]:
    """Locations a leader's scope covers, each with ``team_count`` and ``staff_count``
    (distinct people with an active membership at the location or in one of its teams).
    Two queries whatever the number of locations."""
    qs = Location.objects.filter(organisation=access.organisation)
    if not access.covers_organisation():
        qs = qs.filter(id__in=access.location_ids)
    locations = list(qs.annotate(team_count=Count("teams", distinct=True)).order_by("name"))
    staff = dict(
        Membership.objects.active()
        .filter(organisation=access.organisation)
        .annotate(at=Coalesce("location_id", "team__location_id"))
        .filter(at__in=[loc.id for loc in locations])
        .values_list("at")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    )
    for loc in locations:
        loc.staff_count = staff.get(loc.id, 0)
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
