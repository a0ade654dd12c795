"""Scan results in the API: the same groups, the same rules and the same anonymity plan as
the result pages (results.py). A hidden group comes back with ``visible: false`` and no
numbers at all; open comments are not in the API (people's own words stay on the pages,
for the leaders allowed to read them there)."""

import datetime
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema
from ninja.errors import HttpError

from lerend.api.auth import tenant
from lerend.api.schemas import MAX_ID, responses
from lerend.kit.numbers import count
from lerend.organisations.models import Location, Team

from . import rules, selectors
from .results import levels
from .results.core import (
    CampaignResults,
    DimensionResult,
    GroupResult,
    campaign_for_results,
    location_ref,
    organisation_ref,
    team_ref,
)
from .results.plan import results_ready

router = Router(tags=["scans"])
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class CampaignOut(Schema):
    id: int
    title: str
    audience: str
    instrument: str
    instrument_version: int
    opens_on: datetime.date
    closes_on: datetime.date
    status: str
    results_ready: bool


class ScoreCount(Schema):
    score: int
    count: int


class DisplayOut(Schema):
    """The numbers as the pages write them (the one number rule, the reader's language) and
    the level of the one rule for low, strong and "begin hier" (docs/scores.md)."""

    mean: str
    favourable: str
    n: str
    dont_know: str | None = None
    level: str | None = None


class ItemOut(Schema):
    key: str
    text: str
    n: int
    mean: float | None
    favourable_share: float | None
    display: DisplayOut


class DimensionOut(Schema):
    key: str
    name: str
    building_block: str | None
    n: int
    # The block score: the mean of the respondents' own means (docs/scores.md).
    mean: float | None
    respondents: int | None
    favourable_share: float | None
    dont_know_share: float | None
    display: DisplayOut
    distribution: list[ScoreCount]
    # True when the group is shown but fewer than k answered this dimension there: then it
    # comes without numbers (n 0, no mean, no distribution).
    suppressed: bool
    cronbach_alpha: float | None
    items: list[ItemOut]


class GroupOut(Schema):
    kind: str
    id: int | None
    name: str
    visible: bool
    respondents: int | None
    respondents_display: str | None
    dimensions: list[DimensionOut]


class ResultsOut(Schema):
    campaign: CampaignOut
    k: int
    group: GroupOut
    subgroups: list[GroupOut]


def _campaign_out(campaign) -> dict:
    version = campaign.instrument_version
    return {
        "id": campaign.pk,
        "title": campaign.title,
        "audience": campaign.audience,
        "instrument": version.key,
        "instrument_version": version.version,
        "opens_on": campaign.opens_on,
        "closes_on": campaign.closes_on,
        "status": campaign.status,
        "results_ready": results_ready(campaign),
    }


def _dimension_out(d: DimensionResult, verdict, *, items: bool) -> dict:
    return {
        "key": d.key,
        "name": str(d.name),
        "building_block": d.building_block,
        "n": d.counts.n,
        "mean": d.mean,
        "respondents": None if d.suppressed else d.respondents,
        "favourable_share": d.favourable,
        "dont_know_share": d.dont_know_share,
        "display": {
            "mean": d.mean_text,
            "favourable": d.favourable_text,
            "n": d.n_text,
            "dont_know": d.dont_know_text,
            "level": levels.label(verdict) or None,
        },
        "distribution": []
        if d.suppressed
        else [{"score": s, "count": c} for s, c, _share in d.distribution],
        "suppressed": d.suppressed,
        "cronbach_alpha": d.alpha,
        "items": [
            {
                "key": i.key,
                "text": str(i.text),
                "n": i.counts.n,
                "mean": i.mean,
                "favourable_share": i.favourable,
                "display": {
                    "mean": i.mean_text,
                    "favourable": i.favourable_text,
                    "n": count(i.counts.n),
                },
            }
            for i in d.items
            if items and i.counts.n
        ],
    }


def _group_out(group: GroupResult, points: int, *, items: bool = False) -> dict:
    kind, *rest = group.ref.key
    verdicts = levels.verdicts(
        {d.key: d.mean for d in group.dimensions}, [d.key for d in group.dimensions], points
    )
    return {
        "kind": kind,
        "id": rest[0] if rest and isinstance(rest[0], int) else None,
        "name": group.ref.label,
        "visible": group.visible,
        "respondents": group.respondents if group.visible else None,
        "respondents_display": group.respondents_text if group.visible else None,
        "dimensions": [
            _dimension_out(d, verdicts.get(d.key), items=items) for d in group.dimensions
        ],
    }


def _results(request, campaign_id: int) -> CampaignResults:
    campaign = campaign_for_results(request.organisation, campaign_id)
    if campaign is None:
        raise Http404
    # For the key's owner: where they may have answered, atoms keep k+1 (route 2).
    results = CampaignResults(campaign, reader=request.user)
    if not results.is_ready:
        raise HttpError(409, _("Results are available once the campaign has closed."))
    return results


def _answer(results: CampaignResults, group: GroupResult, subgroups) -> dict:
    return {
        "campaign": _campaign_out(results.campaign),
        "k": results.k,
        "group": _group_out(group, results.scale.points, items=True),
        "subgroups": [_group_out(g, results.scale.points) for g in subgroups],
    }


@router.get("/o/{org}/scans", response=responses(list[CampaignOut]), summary="Launched campaigns")
def campaigns(request, org: str):
    """Every launched campaign of the organisation (the results overview lists the same)."""
    access = tenant(request, org)
    found = selectors.campaigns_for(access.organisation).filter(launched_at__isnull=False)
    return [_campaign_out(c) for c in found.order_by("-opens_on", "-id")]


@router.get(
    "/o/{org}/scans/{campaign_id}/results/organisation",
    response=responses(ResultsOut, 409),
    summary="Results of the whole organisation, with its locations",
)
def organisation_results(request, org: str, campaign_id: PathId):
    access = tenant(request, org)
    if not rules.can_view_organisation_results(access):
        raise HttpError(403, _("Your role does not cover the whole organisation."))
    results = _results(request, campaign_id)
    group = results.group(organisation_ref(access.organisation))
    locations = []
    if group.visible:
        found = Location.objects.filter(
            organisation=access.organisation, pk__in=results.location_ids
        ).order_by("name", "pk")
        locations = results.many([location_ref(loc) for loc in found], "location_key")
    return _answer(results, group, locations)


@router.get(
    "/o/{org}/scans/{campaign_id}/results/locations/{location_id}",
    response=responses(ResultsOut, 409),
    summary="Results of one location, with its teams",
)
def location_results(request, org: str, campaign_id: PathId, location_id: PathId):
    access = tenant(request, org)
    location = Location.objects.filter(organisation=access.organisation, pk=location_id).first()
    if location is None:
        raise Http404
    if not rules.can_view_location_results(access, location.pk):
        raise HttpError(403, _("Your role does not cover this location."))
    results = _results(request, campaign_id)
    group = results.group(location_ref(location))
    teams = []
    if group.visible:
        found = Team.objects.filter(location=location, pk__in=results.team_ids)
        teams = results.many([team_ref(t) for t in found.order_by("name", "pk")], "team_key")
    return _answer(results, group, teams)


@router.get(
    "/o/{org}/scans/{campaign_id}/results/teams/{team_id}",
    response=responses(ResultsOut, 409),
    summary="Results of one team",
)
def team_results(request, org: str, campaign_id: PathId, team_id: PathId):
    access = tenant(request, org)
    team = Team.objects.filter(organisation=access.organisation, pk=team_id).first()
    if team is None:
        raise Http404
    if not rules.can_view_team_results(access, team):
        raise HttpError(403, _("You are not in this team and your role does not cover it."))
    results = _results(request, campaign_id)
    return _answer(results, results.group(team_ref(team)), [])
