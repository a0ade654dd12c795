"""Advice networks in the API: exactly the aggregates the round's page shows the key's
person, through the same gate — team measures, suppressed tie tables (null where not shown),
suggestions. No person, no node, no degree."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from lerend.api.auth import tenant
from lerend.api.schemas import responses
from lerend.kit import numbers

from . import selectors
from .models import NetworkRound

router = Router(tags=["networks"])


class TeamOut(Schema):
    team: str
    location: str
    density: float
    reciprocity: float | None
    centralisation: float
    isolates_band: str


class MatrixOut(Schema):
    title: str
    units: list[str]
    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]


class RoundOut(Schema):
    title: str
    status: str
    opens_on: str
    closes_on: str
    invited: int
    responded: int
    ready: bool
    teams: list[TeamOut]
    matrices: list[MatrixOut]
    suggestions: list[list[str]]


def _share(value: float) -> float:
    return float(numbers.rounded(value, 3))


def _matrix(title, matrix, names) -> dict:
    units = list(matrix.units)
    return {
        "title": title,
        "units": [names[u].name for u in units],
        "cells": [[None if a == b else matrix.cells[(a, b)] for b in units] for a in units],
        "row_totals": [matrix.row_totals[a] for a in units],
        "column_totals": [matrix.column_totals[b] for b in units],
    }


@router.get(
    "/o/{org}/networks/{round_id}",
    response=responses(RoundOut),
    summary="An advice-network round's aggregates (teams of at least k, suppressed tables)",
)
def network_round(request, org: str, round_id: int):
    access = tenant(request, org)
    found = get_object_or_404(NetworkRound, organisation=access.organisation, pk=round_id)
    results = selectors.results_for(found, access)
    matrices = [
        _matrix(location.name, matrix, teams) for location, matrix, teams in results.team_matrices
    ]
    if results.location_matrix:
        matrices.append(_matrix("locations", *results.location_matrix))
    teams = []
    for row in results.teams:
        m = row.measures.get(0)
        if m is not None:
            teams.append(
                {
                    "team": row.team.name,
                    "location": row.team.location.name,
                    "density": _share(m.density),
                    "reciprocity": None if m.reciprocity is None else _share(m.reciprocity),
                    "centralisation": _share(m.centralisation),
                    "isolates_band": m.isolates_band,
                }
            )
    return {
        "title": found.title,
        "status": found.status,
        "opens_on": found.opens_on.isoformat(),
        "closes_on": found.closes_on.isoformat(),
        "invited": results.invited if results.invited >= found.k else 0,
        "responded": results.responded if results.invited >= found.k else 0,
        "ready": results.ready,
        "teams": teams if results.ready else [],
        "matrices": matrices if results.ready else [],
        "suggestions": [list(p) for p in results.suggestions] if results.ready else [],
    }
