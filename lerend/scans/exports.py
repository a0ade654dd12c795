"""Scan exports: anonymous raw answers (CSV, streamed) and aggregated results (CSV, XLSX).

Both read the campaign's plan from the read model (``results/plan.py``, for the person
downloading — the same plan the result pages use), so a download never shows a group the
pages hide, and the two downloads show the same groups. A dimension with fewer than k
answers behind it in a group is exported without numbers (route 3).

Raw answers (docs/anonymity.md, "Raw anonymous rows"):

* Strata are coarsened for ALL rows with ``anonymity.coarsen_strata`` (global recoding),
  checked together with the published plan, so every exported stratum holds >= k
  respondents and "published group minus exported stratum" exposes nobody. When no level
  is safe, the export has no rows at all.
* No database id leaves: a response gets a fresh number, locations and teams are given by
  name. No date leaves at all (route 5): the campaign's own period is the finest time.
* Row order says nothing about when anyone answered: responses are ordered by the kept
  strata and then at random (``secrets``), and numbered in that order.
* Memory stays flat: answers are read per block of responses (``iterator``), written to a
  small buffer and streamed; only the per-response mapping (id -> number, strata, month)
  is held, which is a few small tuples per respondent — never the answers.
"""

from __future__ import annotations

import math
import random
import secrets
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from lerend.kit import downloads
from lerend.kit.numbers import rounded
from lerend.organisations.access import Access
from lerend.organisations.models import Location, Role, Team

from . import disclosure as anonymity
from .models import Answer, DimensionAggregate, Response, RoleGroup
from .results import plan as gate
from .results.core import CampaignResults
from .results.stats import block_score

EXPORT_ROLES = (Role.BESTUURDER, Role.BEHEERDER)
RESPONSES_PER_BLOCK = 1000
ANSWER_CHUNK = 5000


def can_export(access: Access) -> bool:
    """Exports leave the system: only organisation-wide bestuurders and beheerders."""
    return access.covers_organisation(EXPORT_ROLES)


is_ready = gate.results_ready
campaign_k = gate.campaign_k


def published_plan(campaign, reader=None) -> tuple[dict, anonymity.Disclosure]:
    results = CampaignResults(campaign, reader=reader)
    return results.counts, results.plan


@dataclass
class Names:
    locations: dict[int, str]
    teams: dict[int, str]
    team_locations: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, organisation) -> Names:
        teams = Team.objects.filter(organisation=organisation)
        return cls(
            dict(Location.objects.filter(organisation=organisation).values_list("pk", "name")),
            dict(teams.values_list("pk", "name")),
            dict(teams.values_list("pk", "location__name")),
        )

    def team_in_location(self, key) -> str:
        """A team as one group label: "location · team" (schools often have the same team
        names, e.g. "Bovenbouw", in every school)."""
        return f"{self.team_locations.get(key, '')} · {self.team(key)}"

    def location(self, key) -> str:
        return self.locations.get(key, "") if key else _("Whole organisation")

    def team(self, key) -> str:
        return self.teams.get(key, "") if key else _("No team")


def role_group_label(value) -> str:
    return str(RoleGroup(value).label)


# --- raw answers ---------------------------------------------------------------------------


def raw_columns(campaign, reader=None) -> tuple[str, ...]:
    """The strata columns the raw export keeps ("location", "team", "role_group", a subset
    in that order), or () when only the whole organisation is safe — or nothing at all is
    (then :func:`raw_csv` writes a header only; see :func:`raw_possible`)."""
    return _coarse(campaign, reader)[0]


def raw_possible(campaign, reader=None) -> bool:
    return _coarse(campaign, reader)[1]


def _coarse(campaign, reader=None) -> tuple[tuple[str, ...], bool]:
    results = CampaignResults(campaign, reader=reader)
    counts, plan = results.counts, results.plan
    # One row per respondent with its strata only: coarsen_strata counts rows per cell.
    rows = [
        {"location": cell.location, "team": cell.team, "role_group": cell.role_group}
        for cell, n in counts.items()
        for _i in range(n)
    ]
    coarse = anonymity.coarsen_strata(
        rows, campaign_k(campaign), published=plan, strict_cells=results.strict
    )
    return coarse.columns, bool(coarse.rows)


def raw_header(columns) -> list[str]:
    labels = {"location": _("Location"), "team": _("Team"), "role_group": _("Role group")}
    return [
        _("Response"),
        *(labels[c] for c in columns),
        _("Item"),
        # A context: "Answer" alone is also the networks' button ("Invullen"), and Django
        # merges every app's catalogue into one.
        pgettext("export column", "Answer"),
    ]


def raw_csv(campaign, reader=None) -> Iterator[str]:
    """The raw export as CSV text in pieces (for StreamingHttpResponse), through the one CSV
    writer (``;``, BOM, no formulas). Side effects: none."""
    columns, possible = _coarse(campaign, reader)
    return downloads.csv_stream(raw_header(columns), _raw_rows(campaign, columns, possible))


def _raw_rows(campaign, columns, possible) -> Iterator[tuple]:
    if not possible:
        return
    names = Names.of(campaign.organisation)
    dont_know = _("don't know")

    def strata(location_key, team_key, role_group):
        values = {
            "location": names.location(location_key),
            "team": names.team(team_key),
            "role_group": role_group_label(role_group),
        }
        return tuple(values[c] for c in columns)

    # Per response: its kept strata, never its id nor its date. Ordered by strata, then at
    # random: the number and the position of a row say nothing about time.
    shuffle = random.Random(secrets.randbits(64))
    respondents = []
    for pk, location_key, team_key, role_group in (
        Response.objects.filter(campaign=campaign)
        .values_list("pk", "location_key", "team_key", "role_group")
        .iterator(chunk_size=ANSWER_CHUNK)
    ):
        key = strata(location_key, team_key, role_group)
        respondents.append((key, shuffle.random(), pk))
    respondents.sort(key=lambda r: (r[0], r[1]))

    for start in range(0, len(respondents), RESPONSES_PER_BLOCK):
        block = respondents[start : start + RESPONSES_PER_BLOCK]
        prefix = {pk: (start + offset + 1, *key) for offset, (key, _r, pk) in enumerate(block)}
        answers: dict[int, list] = defaultdict(list)
        for response_id, item_key, value in (
            Answer.objects.filter(response_id__in=list(prefix))
            .order_by()
            .values_list("response_id", "item_key", "value")
            .iterator(chunk_size=ANSWER_CHUNK)
        ):
            answers[response_id].append((item_key, dont_know if value is None else value))
        for _key, _r, pk in block:
            head = prefix[pk]
            for item_key, value in answers[pk]:
                yield (*head, item_key, value)


# --- aggregated results --------------------------------------------------------------------

AGGREGATE_FIELDS = (
    "n",
    "total",
    "total_sq",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "dont_know",
    "respondents",
    "score_total",
    "score_total_sq",
)
GROUP_ORDER = {
    "organisation": 0,
    "location": 1,
    "team": 2,
    "role_group": 3,
    "role_group_in_location": 4,
}


def aggregate_header() -> list[str]:
    return [
        _("Group type"),
        _("Group"),
        _("Respondents"),
        _("Dimension"),
        _("Building block"),
        _("Answers (n)"),
        _("Mean"),
        _("Favourable (%)"),
        _("Standard deviation"),
        _("Don't know (%)"),
    ]


def _group_label(key, organisation, names: Names) -> tuple[str, str]:
    kind = key[0]
    if kind == "organisation":
        return _("Organisation"), organisation.name
    if kind == "location":
        return _("Location"), names.location(key[1])
    if kind == "team":
        return _("Team"), names.team_in_location(key[1])
    if kind == "role_group":
        return _("Role group"), role_group_label(key[1])
    return _("Role group in location"), (f"{role_group_label(key[1])} · {names.location(key[2])}")


def _statistics(sums, favourable_from: int) -> tuple:
    """n answers, the block score (stats.block_score: the mean of the respondents' own means),
    % favourable of the answers, the standard deviation of the person scores and % "don't
    know" — rounded by the one number rule to the digits the pages show."""
    n, _total, _total_sq, *histogram, dont_know, respondents, score_total, score_sq = sums
    given = n + dont_know
    dont_know_share = rounded(100 * dont_know / given, 0) if given else None
    if not n:
        return 0, None, None, None, dont_know_share
    mean = block_score(respondents, score_total)
    favourable = 100 * sum(histogram[favourable_from - 1 :]) / n
    sd = None
    if respondents > 1:
        variance = (score_sq - score_total * score_total / respondents) / (respondents - 1)
        sd = math.sqrt(max(0.0, variance))
    return (
        n,
        rounded(mean, 1),
        rounded(favourable, 0),
        rounded(sd, 2),
        dont_know_share,
    )


def aggregate_rows(campaign, reader=None) -> list[list]:
    """One row per visible group of the plan and dimension of the instrument: respondents,
    n (scale answers), the block score as the result pages show it, % favourable, sd of the
    person scores and the share of "don't know". Hidden groups are not listed at all. Two
    queries for the plan counts and one GROUP BY over the dimension aggregates; groups are
    summed from cells."""
    results = CampaignResults(campaign, reader=reader)
    plan, numbers = results.plan, results.numbers
    instrument = campaign.instrument_version.instrument
    per_cell: dict[anonymity.Stratum, dict[str, list[int]]] = defaultdict(dict)
    aliases = {f"s_{f}": Sum(f) for f in AGGREGATE_FIELDS}
    for location_key, team_key, role_group, dimension, *sums in (
        DimensionAggregate.objects.filter(campaign=campaign)
        .values("location_key", "team_key", "role_group", "dimension_key")
        .annotate(**aliases)
        .order_by()
        .values_list("location_key", "team_key", "role_group", "dimension_key", *aliases)
    ):
        cell = anonymity.Stratum(location_key or None, team_key or None, role_group)
        per_cell[cell][dimension] = [v or 0 for v in sums]
    names = Names.of(campaign.organisation)
    labelled = []
    for group in plan.visible_groups:
        kind, label = _group_label(group.key, campaign.organisation, names)
        labelled.append((GROUP_ORDER.get(group.key[0], 9), label, kind, group))
    labelled.sort(key=lambda g: (g[0], g[1].casefold(), repr(g[3].key)))
    rows = []
    zero = [0] * len(AGGREGATE_FIELDS)
    for _order, label, kind, group in labelled:
        respondents = plan.n(group.key)
        for dimension in instrument.dimensions:
            sums = list(zero)
            if numbers.dimension_visible(group.key, dimension.key):
                for cell in group.cells:
                    found = per_cell.get(cell, {}).get(dimension.key)
                    if found:
                        sums = [a + b for a, b in zip(sums, found, strict=True)]
            rows.append(
                [
                    kind,
                    label,
                    respondents,
                    str(dimension.name),
                    dimension.building_block or "",
                    *_statistics(sums, instrument.scale.favourable_from),
                ]
            )
    return rows


def aggregate_csv(campaign, reader=None) -> Iterator[str]:
    """The aggregated results through the one CSV writer, in pieces."""
    return downloads.csv_stream(aggregate_header(), aggregate_rows(campaign, reader))


def aggregate_sheets(campaign, reader=None) -> list:
    """The aggregated results as sheets for the one XLSX writer."""
    return [(_("Results"), aggregate_header(), aggregate_rows(campaign, reader))]


def aggregate_xlsx(campaign, reader=None) -> bytes:
    return downloads.xlsx_bytes(aggregate_sheets(campaign, reader))
