"""Values Lerend computes itself, for indicators with a computed source — and for the chain
view. The one module of this app that reads other apps' records.

Where another app has a public read for the question it is used (visits held per team:
collaboration's selector; scan block scores: improvement's anonymity-guarded adapter over
scans). Where none exists yet the count is made here, read-only, on the other app's model,
with the same minimum the owning app uses for counts about people; each such place says
which selector it should become once the owning app offers it.

A computed value is a count or share over a scope (the organisation, a location or a
team) and a calendar year. ``None`` means "not enough behind it to say".
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from lerend.collaboration import selectors as collaboration_selectors
from lerend.improvement.models import BoardSession
from lerend.kit.contrib import measure
from lerend.learning.models import Applied, DevelopmentPlan, Participation, ParticipationStatus
from lerend.learning.selectors import MIN_APPLIED_ANSWERS, MIN_TEAM_SIZE_FOR_COUNTS
from lerend.organisations.models import Membership, Scope, Team
from lerend.scans import results as scan_results
from lerend.scans import selectors as scan_selectors

from .models import Source

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Area:
    """Where a computed value is taken: the whole organisation, a location or a team."""

    organisation: object
    location: object = None
    team: object = None


def scope_of(indicator) -> Area:
    return Area(indicator.organisation, indicator.location, indicator.team)


def team_ids(scope: Area) -> list[int]:
    if scope.team is not None:
        return [scope.team.pk]
    teams = Team.objects.filter(organisation=scope.organisation)
    if scope.location is not None:
        teams = teams.filter(location=scope.location)
    return list(teams.values_list("pk", flat=True))


def _people(scope: Area):
    """Active people in scope, as a subquery of person ids."""
    memberships = Membership.objects.active().filter(organisation=scope.organisation)
    if scope.team is not None:
        memberships = memberships.filter(scope=Scope.TEAM, team=scope.team)
    elif scope.location is not None:
        memberships = memberships.filter(
            Q(location=scope.location) | Q(team__location=scope.location)
        )
    return memberships.values("person_id").distinct()


def pop_share(scope: Area, year: int) -> Decimal | None:
    """% of the active people in scope with a development plan (POP) for ``year``; None below
    learning's minimum group size for counts. Two queries.
    Should become a learning selector ("plans per scope and year")."""
    people = _people(scope)
    size = people.count()
    if size < MIN_TEAM_SIZE_FOR_COUNTS:
        return None
    with_plan = (
        DevelopmentPlan.objects.filter(
            organisation=scope.organisation, year=year, owner_id__in=people
        )
        .values("owner_id")
        .distinct()
        .count()
    )
    return (HUNDRED * with_plan / size).quantize(Decimal("0.01"))


def board_sessions(scope: Area, year: int) -> Decimal:
    """Board sessions held by the teams in scope in ``year``. One query.
    Should become an improvement selector ("sessions held per scope and year")."""
    held = BoardSession.objects.filter(
        team__organisation=scope.organisation,
        team_id__in=team_ids(scope),
        held_on__year=year,
    )
    return Decimal(held.count())


def visits_held(scope: Area, year: int) -> Decimal:
    """Visits and observations held in ``year`` of people in the teams in scope (collaboration's
    own count, per team, summed)."""
    per_team = collaboration_selectors.visits_held_per_team(
        scope.organisation, team_ids(scope), year
    )
    return Decimal(sum(per_team.values()))


def applied_counts(scope: Area, year: int) -> dict[str, int]:
    """Answers to "did you apply it in practice?" of people in scope, for PD activities of
    ``year``: {"ja": n, "deels": n, "nee": n, "total": n}. One query.
    Should become a learning selector ("applied answers per scope and year")."""
    rows = (
        Participation.objects.filter(
            activity__organisation=scope.organisation,
            activity__starts_on__year=year,
            person_id__in=_people(scope),
        )
        .exclude(applied="")
        .values("applied")
        .annotate(n=Count("id"))
    )
    counts = dict.fromkeys(Applied.values, 0)
    for row in rows:
        counts[row["applied"]] = row["n"]
    counts["total"] = sum(counts.values())
    return counts


def applied_share(scope: Area, year: int) -> Decimal | None:
    """% of answers "yes" or "partly"; None below learning's minimum number of answers."""
    counts = applied_counts(scope, year)
    if counts["total"] < MIN_APPLIED_ANSWERS:
        return None
    applied = counts[Applied.YES] + counts[Applied.PARTLY]
    return (HUNDRED * applied / counts["total"]).quantize(Decimal("0.01"))


def attended_count(scope: Area, year: int) -> int | None:
    """PD participations attended by people in scope in ``year``; None below learning's
    minimum group size. Two queries."""
    people = _people(scope)
    if people.count() < MIN_TEAM_SIZE_FOR_COUNTS:
        return None
    return Participation.objects.filter(
        activity__organisation=scope.organisation,
        activity__starts_on__year=year,
        status=ParticipationStatus.ATTENDED,
        person_id__in=people,
    ).count()


def scan_blocks(scope: Area, block_keys) -> dict[str, Decimal | None]:
    """Each block's mean score (1..5) in the latest closed scan, when the scan's anonymity
    plan shows the group; else None. The scan's results are read once for all the keys."""
    scores = scan_results.block_scores(
        scope.organisation, reader=None, team=scope.team, location=scope.location
    )
    return {
        key: None
        if not scores or scores.get(key) is None
        else Decimal(str(scores[key])).quantize(Decimal("0.01"))
        for key in block_keys
    }


def scan_block(scope: Area, block_key: str) -> Decimal | None:
    return scan_blocks(scope, [block_key])[block_key]


def response_rate(scope: Area) -> Decimal | None:
    """The response rate (%) of the latest closed staff scan for the scope's group, as the
    scan's own plan shows it to a leader (scans' ``response_overview``: the same
    complementary suppression as the results); None when the plan hides the group or there
    is no such scan."""
    campaign = scan_results.latest_closed_campaign(scope.organisation)
    if campaign is None:
        return None
    if scope.team is not None:
        key: tuple = ("team", scope.team.pk)
    elif scope.location is not None:
        key = ("location", scope.location.pk)
    else:
        key = ("organisation",)
    for row in scan_selectors.response_overview(campaign)["rows"]:
        if tuple(row["key"]) == key and row["rate"] is not None:
            return Decimal(row["rate"].percentage)
    return None


def coaching_coverage(scope: Area, year: int) -> Decimal | None:
    """% of the staff in scope coached this year, as the coaching app computes it (offered
    through ``kit.contrib.measure``; None without a coaching app or below its minimum)."""
    offered = measure("coaching_coverage")
    if offered is None:
        return None
    return offered.compute(scope.organisation, scope.location, scope.team, year)


def compute(indicator, on: datetime.date) -> Decimal | None:
    """The value of a computed indicator on ``on`` (its calendar year so far)."""
    scope, year = scope_of(indicator), on.year
    if indicator.source == Source.POP_SHARE:
        return pop_share(scope, year)
    if indicator.source == Source.BOARD_SESSIONS:
        return board_sessions(scope, year)
    if indicator.source == Source.VISITS_HELD:
        return visits_held(scope, year)
    if indicator.source == Source.PD_APPLIED:
        return applied_share(scope, year)
    if indicator.source == Source.SCAN_BLOCK:
        return scan_block(scope, indicator.scan_block)
    if indicator.source == Source.RESPONSE_RATE:
        return response_rate(scope)
    if indicator.source == Source.COACHING_COVERAGE:
        return coaching_coverage(scope, year)
    raise ValueError(f"{indicator.source} is not a computed source")
