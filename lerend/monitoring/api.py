"""Indicators and well-being group profiles in the API, by the same rules as the pages:
indicators the person may read (``selectors.visible_indicators``) with their computed
status; group profiles only for the groups they see, and a group below the organisation's
threshold of observed children comes back with ``visible: false`` and no numbers at all —
not even how many children, so "too few" tells nothing more."""

import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from lerend.api.auth import tenant
from lerend.api.schemas import MAX_ID, Pages, responses

from . import rules
from .numbers import rounded
from .selectors import indicators as selectors
from .selectors import wellbeing as wellbeing_selectors

router = Router(tags=["monitoring"])
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class PointOut(Schema):
    measured_on: datetime.date
    value: float


class IndicatorOut(Schema):
    id: int
    title: str
    kind: str
    level: str
    location_id: int | None
    team_id: int | None
    unit: str
    baseline: float
    target: float
    target_on: datetime.date | None
    direction: str
    cadence: str
    source: str
    building_blocks: list[str]
    status: str
    latest: PointOut | None


class IndicatorDetailOut(IndicatorOut):
    points: list[PointOut]


class ProfileOut(Schema):
    team_id: int
    team: str
    location: str
    visible: bool
    round_first_on: datetime.date | None
    children: int | None
    wellbeing_high: float | None
    wellbeing_low: float | None
    involvement_high: float | None
    involvement_low: float | None


def _number(value):
    return float(rounded(value, 2))


def _point(point) -> dict | None:
    if point is None:
        return None
    return {"measured_on": point.measured_on, "value": _number(point.value)}


def _indicator_out(i, *, points=False) -> dict:
    out = {
        "id": i.pk,
        "title": i.title,
        "kind": i.kind,
        "level": i.level,
        "location_id": i.location_id,
        "team_id": i.team_id,
        "unit": i.unit,
        "baseline": _number(i.baseline),
        "target": _number(i.target),
        "target_on": i.target_on,
        "direction": i.direction,
        "cadence": i.cadence,
        "source": i.source,
        "building_blocks": i.building_blocks,
        "status": i.status,
        "latest": _point(i.latest),
    }
    if points:
        out["points"] = [_point(p) for p in i.points]
    return out


@router.get(
    "/o/{org}/indicators", response=responses(list[IndicatorOut]), summary="Indicators you may read"
)
@paginate(Pages)
def indicators(request, org: str):
    access = tenant(request, org)
    found = selectors.set_latest_status(list(selectors.visible_indicators(access)))
    return [_indicator_out(i) for i in found]


@router.get(
    "/o/{org}/indicators/{indicator_id}",
    response=responses(IndicatorDetailOut),
    summary="One indicator with its measurements",
)
def indicator(request, org: str, indicator_id: PathId):
    access = tenant(request, org)
    try:
        found = selectors.indicator_for_viewer(access, indicator_id)
    except PermissionDenied:
        raise HttpError(403, _("You may not read this indicator.")) from None
    return _indicator_out(found, points=True)


def _profile_out(row) -> dict:
    team, profile = row["team"], row["profile"]
    visible = bool(profile and profile.visible)
    return {
        "team_id": team.pk,
        "team": team.name,
        "location": team.location.name,
        "visible": visible,
        "round_first_on": row["round"].first_on if row["round"] else None,
        "children": profile.children if visible else None,
        "wellbeing_high": _number(profile.wellbeing_high) if visible else None,
        "wellbeing_low": _number(profile.wellbeing_low) if visible else None,
        "involvement_high": _number(profile.involvement_high) if visible else None,
        "involvement_low": _number(profile.involvement_low) if visible else None,
    }


@router.get(
    "/o/{org}/wellbeing/groups",
    response=responses(list[ProfileOut]),
    summary="Latest well-being profile of the groups you see",
)
@paginate(Pages)
def wellbeing_groups(request, org: str):
    access = tenant(request, org)
    if not rules.can_read_monitoring(access):
        raise HttpError(403, _("Your role does not cover this."))
    k = selectors.threshold(access.organisation)
    return [_profile_out(row) for row in wellbeing_selectors.groups_in_scope(access, k)]
