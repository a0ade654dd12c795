"""Reads that decide who may see what in the organisations area."""

from django.db.models import Count, Q

from .access import Access
from .models import Location, Membership, Organisation, Role, Team


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


def visible_locations(access: Access):
    """Locations with team and head counts that a leader's scope covers."""
    qs = Location.objects.filter(organisation=access.organisation)
    if not access.covers_organisation():
        qs = qs.filter(id__in=[m.location_id for m in access.memberships if m.location_id])
    today_active = Q(memberships__end_date__isnull=True)
    return qs.annotate(
        team_count=Count("teams", distinct=True),
        staff_count=Count("memberships__person", filter=today_active, distinct=True),
    ).order_by("name")
