"""Coaching hours and coverage in the API: per location, numbers only — never notes,
agreements, plans or who was coached. Readable by the roles that see the hours page
(``rules.can_view_hours``), within their scope, as on the pages."""

from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from lerend.api.auth import tenant
from lerend.api.schemas import responses

from . import rules, selectors

router = Router(tags=["coaching"])


class YearFilter(Schema):
    year: int | None = Field(None, ge=2000, le=2100)


class LocationHoursOut(Schema):
    location_id: int
    location: str
    planned_hours: float | None
    realised_hours: float
    realised_by_month: list[float]


class HoursOut(Schema):
    year: int
    norm_hours: float | None
    division_version: int | None
    locations: list[LocationHoursOut]


class LocationCoverageOut(Schema):
    location_id: int | None
    location: str
    people: int
    coached: int


class CoverageOut(Schema):
    year: int
    people: int
    coached: int
    locations: list[LocationCoverageOut]


def _year(filters) -> int:
    return filters.year or timezone.localdate().year


def _access(request, org):
    access = tenant(request, org)
    if not rules.can_view_hours(access):
        raise HttpError(403, "Your role does not include coaching hours.")
    return access


@router.get(
    "/o/{org}/coaching/hours",
    response=responses(HoursOut),
    summary="Coaching hours per location: planned in the division, realised in the log",
)
def hours(request, org: str, filters: Query[YearFilter]):
    access = _access(request, org)
    year = _year(filters)
    organisation = access.organisation
    division = selectors.current_division(organisation, year)
    norm = selectors.norm_for(organisation, year)[0] if organisation.is_childcare else None
    rows = selectors.realised_hours(access, year)
    return {
        "year": year,
        "norm_hours": float(norm.total) if norm else None,
        "division_version": division.version if division else None,
        "locations": [
            {
                "location_id": r.location.pk,
                "location": r.location.name,
                "planned_hours": float(r.planned) if r.planned is not None else None,
                "realised_hours": float(r.realised),
                "realised_by_month": [float(m) for m in r.by_month],
            }
            for r in rows
        ],
    }


@router.get(
    "/o/{org}/coaching/coverage",
    response=responses(CoverageOut),
    summary="How many staff members were coached this year, per location",
)
def coverage(request, org: str, filters: Query[YearFilter]):
    access = _access(request, org)
    year = _year(filters)
    counts = selectors.coverage_counts(access, year)
    return {
        "year": year,
        "people": counts["people"],
        "coached": counts["coached"],
        "locations": [
            {
                "location_id": r["location_id"],
                "location": r["name"],
                "people": r["people"],
                "coached": r["coached"],
            }
            for r in counts["locations"]
        ],
    }
