"""Scan results: what leaders and teams see after a campaign, from aggregate rows only.

Every page, PDF and export of results goes through :class:`CampaignResults`:

* It reads ``ItemAggregate`` / ``DimensionAggregate`` rows summed per group in SQL (GROUP BY)
  and the respondent count per cell (GROUP BY on responses) — never answers — so a page costs
  a fixed handful of queries whatever the number of teams or respondents.
* ONE disclosure plan per campaign (``anonymity.standard_groups`` + ``plan_disclosure`` on
  the respondent count per cell, default priorities: organisation, locations and teams come
  before role-group splits). It is built once per request and memoised per process on its
  exact inputs (campaign, k, counts), so it is never stale. A group the plan does not show
  yields a :class:`GroupResult` with ``visible=False`` and nothing else: no n, no numbers —
  the page prints one neutral message.
* Results exist only once a campaign is closed (docs/anonymity.md, "Live results"): while it
  runs, numbers would change by the answers given in between.
* Perception gap: role groups across the organisation (organisation page) or within a location
  (location page), only where the plan shows them. Within a team there is no role split: it
  would compete with the team results themselves (docs/anonymity.md, "Trade-off"). The page
  explains a hidden comparison instead of leaving a gap.
* Trend: earlier closed campaigns of the organisation on the same instrument key and version;
  each point only where the group was visible in THAT campaign's plan.

Decisions: coaches see results within their scope but no open comments; open comments are for
leaders (teamleider, locatiemanager, bestuurder, beheerder) covering the group — comments are
personal words, and staff already discuss them through the discussion guide. See rules.py.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils import timezone

from . import anonymity
from .charts import fmt, pct
from .models import Campaign, CampaignStatus, DimensionAggregate, ItemAggregate, Response
from .results_stats import COUNT_FIELDS, Counts, cronbach_alpha

DIMENSION_FIELDS = COUNT_FIELDS
ITEM_FIELDS = tuple(f for f in COUNT_FIELDS if f != "complete_n")
TREND_CAMPAIGNS = 5  # the current campaign and up to four before it
EXTREME_ITEMS = 3


# --- groups ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRef:
    """A group of the plan plus how to select its cells in the aggregate tables."""

    key: tuple
    label: str
    filters: tuple[tuple[str, object], ...] = ()

    @property
    def kind(self) -> str:
        return self.key[0]

    @property
    def q(self) -> Q:
        return Q(**dict(self.filters))


def organisation_ref(organisation) -> GroupRef:
    return GroupRef(anonymity.organisation_key(), str(organisation.name))


def location_ref(location) -> GroupRef:
    return GroupRef(
        anonymity.location_key(location.pk), location.name, (("location_key", location.pk),)
    )


def team_ref(team) -> GroupRef:
    return GroupRef(anonymity.team_key(team.pk), team.name, (("team_key", team.pk),))


def role_group_ref(role_group: str, label: str, location=None) -> GroupRef:
    if location is None:
        return GroupRef(anonymity.role_group_key(role_group), label, (("role_group", role_group),))
    return GroupRef(
        anonymity.role_group_in_location_key(role_group, location.pk),
        label,
        (("role_group", role_group), ("location_key", location.pk)),
    )


# --- results ---------------------------------------------------------------------------------


@dataclass
class ItemResult:
    key: str
    text: object  # instruments.model.Text
    dimension_key: str
    counts: Counts
    favourable_from: int

    @property
    def mean(self):
        return self.counts.mean

    @property
    def favourable(self):
        return self.counts.favourable_share(self.favourable_from)

    @property
    def mean_text(self) -> str:
        return fmt(self.mean)

    @property
    def favourable_text(self) -> str:
        return pct(self.favourable)


@dataclass
class DimensionResult:
    key: str
    name: object  # Text
    building_block: str | None
    counts: Counts
    favourable_from: int
    points: int
    alpha: float | None = None
    items: list[ItemResult] = field(default_factory=list)

    @property
    def mean(self):
        return self.counts.mean

    @property
    def favourable(self):
        return self.counts.favourable_share(self.favourable_from)

    @property
    def dont_know_share(self):
        return self.counts.dont_know_share

    @property
    def distribution(self):
        return self.counts.distribution(self.points)

    @property
    def has_answers(self) -> bool:
        return bool(self.counts.n)

    @property
    def mean_text(self) -> str:
        return fmt(self.mean)

    @property
    def favourable_text(self) -> str:
        return pct(self.favourable)

    @property
    def dont_know_text(self) -> str:
        return pct(self.dont_know_share)

    @property
    def alpha_text(self) -> str:
        return fmt(self.alpha, 2)

    @property
    def distribution_rows(self) -> list[dict]:
        return [
            {"score": score, "count": count, "share": pct(share) if self.counts.n else "–"}
            for score, count, share in self.distribution
        ]


@dataclass
class GroupResult:
    """A group's results, or only ``visible=False`` (then everything else is empty)."""

    ref: GroupRef
    visible: bool
    respondents: int | None = None
    dimensions: list[DimensionResult] = field(default_factory=list)

    @property
    def items(self) -> list[ItemResult]:
        return [i for d in self.dimensions for i in d.items if i.counts.n]

    @property
    def strongest(self) -> list[ItemResult]:
        return sorted(self.items, key=lambda i: (-i.mean, i.key))[:EXTREME_ITEMS]

    @property
    def weakest(self) -> list[ItemResult]:
        strongest = {i.key for i in self.strongest}
        low = sorted(self.items, key=lambda i: (i.mean, i.key))
        return [i for i in low if i.key not in strongest][:EXTREME_ITEMS]

    def dimension(self, key: str) -> DimensionResult | None:
        return next((d for d in self.dimensions if d.key == key), None)


@dataclass
class TrendPoint:
    campaign: Campaign
    means: dict[str, float | None]  # dimension key -> mean; empty when hidden
    visible: bool


@dataclass
class Comment:
    dimension: str | None
    text: str


# --- the plan --------------------------------------------------------------------------------

_PLANS: OrderedDict = OrderedDict()
_PLANS_MAX = 64


def plan_for(campaign_id: int, k: int, counts: dict) -> anonymity.Disclosure:
    """The campaign's disclosure plan, memoised on its exact inputs (so never stale)."""
    memo_key = (campaign_id, k, frozenset(counts.items()))
    plan = _PLANS.get(memo_key)
    if plan is None:
        plan = anonymity.plan_disclosure(anonymity.standard_groups(counts), counts, k)
        _PLANS[memo_key] = plan
        if len(_PLANS) > _PLANS_MAX:
            _PLANS.popitem(last=False)
    else:
        _PLANS.move_to_end(memo_key)
    return plan


def cell_counts(campaign_ids) -> dict[int, dict[anonymity.Stratum, int]]:
    """Respondents per cell, per campaign: one GROUP BY over responses (covered by the
    response strata index)."""
    out: dict[int, dict] = defaultdict(dict)
    rows = (
        Response.objects.filter(campaign_id__in=list(campaign_ids))
        .values_list("campaign_id", "location_key", "team_key", "role_group")
        .annotate(n=Count("id"))
        .order_by()
    )
    for campaign_id, location, team, role_group, n in rows:
        out[campaign_id][anonymity.Stratum(location or None, team or None, role_group)] = n
    return out


def _sums(model, fields, campaign_ids, by, q=None):
    """Rows of (*by, *summed fields) for the campaigns, optionally within a group."""
    queryset = model.objects.filter(campaign_id__in=list(campaign_ids))
    if q is not None:
        queryset = queryset.filter(q)
    aliases = {f"s_{f}": Sum(f) for f in fields}
    return queryset.values(*by).annotate(**aliases).order_by().values_list(*by, *aliases)


_SUMS: OrderedDict = OrderedDict()
_SUMS_MAX = 512


def clear_memos() -> None:
    """Forget memoised plans and sums (tests measuring the database path use it)."""
    _PLANS.clear()
    _SUMS.clear()


def _memo_sums(memo_key, compute):
    """Aggregate sums of a campaign never change once its respondent count is fixed (a
    response and its aggregates are written in one transaction), so sums are memoised per
    process on (campaign, launch time, respondents, question). Closed campaigns — the only
    ones with results — hit this path; a new response changes the key."""
    rows = _SUMS.get(memo_key)
    if rows is None:
        rows = list(compute())
        _SUMS[memo_key] = rows
        if len(_SUMS) > _SUMS_MAX:
            _SUMS.popitem(last=False)
    else:
        _SUMS.move_to_end(memo_key)
    return rows


def campaign_for_results(organisation, pk):
    """A launched campaign of the organisation with what results need (one query)."""
    return (
        Campaign.objects.filter(organisation=organisation, pk=pk, launched_at__isnull=False)
        .select_related("instrument_version", "organisation")
        .first()
    )


def _counts(values, fields) -> Counts:
    return Counts(**{f: int(v or 0) for f, v in zip(fields, values, strict=True)})


_INSTRUMENTS: dict = {}


def _instrument(version):
    """Instrument versions are frozen: build each definition once per process."""
    key = (version.pk, version.key, version.version, version.created_at)
    if key not in _INSTRUMENTS:
        if len(_INSTRUMENTS) > 64:
            _INSTRUMENTS.clear()
        _INSTRUMENTS[key] = version.instrument
    return _INSTRUMENTS[key]


class CampaignResults:
    """Results of one campaign, read through its plan. Build one per request
    (:func:`results_for`) so the plan is built once per page."""

    def __init__(self, campaign: Campaign):
        self.campaign = campaign
        self.instrument = _instrument(campaign.instrument_version)
        self.k = campaign.k or campaign.organisation.anonymity_threshold
        self.scale = self.instrument.scale

    @property
    def is_ready(self) -> bool:
        """Results are shown only for a launched campaign that has closed."""
        return self.campaign.launched_at is not None and (
            self.campaign.status == CampaignStatus.CLOSED
        )

    @cached_property
    def counts(self) -> dict:
        return cell_counts([self.campaign.pk]).get(self.campaign.pk, {})

    def _version(self, campaign_id: int) -> tuple:
        return (campaign_id, self.campaign.launched_at, sum(self.counts.values()))

    def _sums(self, model, fields, by, q=None):
        """Summed aggregate rows of THIS campaign, memoised (see _memo_sums)."""
        key = (*self._version(self.campaign.pk), model.__name__, tuple(fields), tuple(by), str(q))
        return _memo_sums(key, lambda: _sums(model, fields, [self.campaign.pk], by, q))

    @cached_property
    def plan(self) -> anonymity.Disclosure:
        return plan_for(self.campaign.pk, self.k, self.counts)

    def is_visible(self, ref: GroupRef) -> bool:
        return self.is_ready and self.plan.is_visible(ref.key)

    # --- present strata, for listing groups (no query beyond the counts) ------------------

    @cached_property
    def location_ids(self) -> set[int]:
        return {c.location for c in self.counts if c.location is not None}

    @cached_property
    def team_ids(self) -> set[int]:
        return {c.team for c in self.counts if c.team is not None}

    @cached_property
    def role_groups(self) -> list[str]:
        return sorted({str(c.role_group) for c in self.counts})

    # --- one group -----------------------------------------------------------------------

    def _dimension(self, key, counts: Counts, items=()) -> DimensionResult:
        dim = self.instrument.dimension(key)
        result = DimensionResult(
            key=key,
            name=dim.name,
            building_block=dim.building_block,
            counts=counts,
            favourable_from=self.scale.favourable_from,
            points=self.scale.points,
            items=list(items),
        )
        if items:
            expected = len(self.instrument.items_for(key))
            if len(items) == expected:
                result.alpha = cronbach_alpha(counts, [i.counts for i in items])
        return result

    def group(self, ref: GroupRef, *, items: bool = True) -> GroupResult:
        """A group's dimension results (and items): two GROUP BY queries when visible, none
        when hidden."""
        if not self.is_visible(ref):
            return GroupResult(ref=ref, visible=False)
        dims = {
            row[0]: _counts(row[1:], DIMENSION_FIELDS)
            for row in self._sums(DimensionAggregate, DIMENSION_FIELDS, ["dimension_key"], ref.q)
        }
        per_dimension: dict[str, list[ItemResult]] = defaultdict(list)
        if items:
            item_counts = {
                row[0]: _counts(row[1:], ITEM_FIELDS)
                for row in self._sums(ItemAggregate, ITEM_FIELDS, ["item_key"], ref.q)
            }
            for item in self.instrument.items:
                if item.key in item_counts:
                    per_dimension[item.dimension].append(
                        ItemResult(
                            item.key,
                            item.text,
                            item.dimension,
                            item_counts[item.key],
                            self.scale.favourable_from,
                        )
                    )
        dimensions = [
            self._dimension(d.key, dims.get(d.key, Counts()), per_dimension.get(d.key, ()))
            for d in self.instrument.dimensions
        ]
        return GroupResult(
            ref=ref, visible=True, respondents=self.plan.n(ref.key), dimensions=dimensions
        )

    def many(self, refs: list[GroupRef], by: str) -> list[GroupResult]:
        """Several groups of one kind (teams: ``team_key``; locations: ``location_key``;
        role groups: ``role_group``) in ONE GROUP BY query — for heatmaps and splits."""
        visible = [r for r in refs if self.is_visible(r)]
        by_value: dict[object, dict[str, Counts]] = defaultdict(dict)
        if visible:
            q = Q(**{f"{by}__in": [dict(r.filters)[by] for r in visible]})
            extra = {f: v for r in visible for f, v in r.filters if f != by}
            if extra:
                q &= Q(**extra)
            for row in self._sums(DimensionAggregate, DIMENSION_FIELDS, [by, "dimension_key"], q):
                by_value[row[0]][row[1]] = _counts(row[2:], DIMENSION_FIELDS)
        out = []
        for ref in refs:
            if ref not in visible:
                out.append(GroupResult(ref=ref, visible=False))
                continue
            dims = by_value.get(dict(ref.filters)[by], {})
            out.append(
                GroupResult(
                    ref=ref,
                    visible=True,
                    respondents=self.plan.n(ref.key),
                    dimensions=[
                        self._dimension(d.key, dims.get(d.key, Counts()))
                        for d in self.instrument.dimensions
                    ],
                )
            )
        return out

    # --- trend ---------------------------------------------------------------------------

    def earlier_campaigns(self) -> list[Campaign]:
        version = self.campaign.instrument_version
        today = timezone.localdate()
        earlier = (
            Campaign.objects.filter(
                organisation_id=self.campaign.organisation_id,
                instrument_version__key=version.key,
                instrument_version__version=version.version,
                launched_at__isnull=False,
                opens_on__lte=self.campaign.opens_on,
            )
            .filter(Q(closed_at__isnull=False) | Q(closes_on__lt=today))
            .exclude(pk=self.campaign.pk)
            .order_by("-opens_on", "-id")[: TREND_CAMPAIGNS - 1]
        )
        return list(reversed(earlier))

    def trend(self, ref: GroupRef) -> list[TrendPoint]:
        """Dimension means of the group in earlier campaigns and this one (three queries,
        or one when there is no earlier campaign). Empty when this group is hidden."""
        if not self.is_visible(ref):
            return []
        earlier = self.earlier_campaigns()
        if not earlier:
            return []
        ids = [c.pk for c in earlier]
        counts = cell_counts(ids)
        sums: dict[int, dict[str, float]] = defaultdict(dict)
        versions = tuple((c.pk, c.launched_at, sum(counts.get(c.pk, {}).values())) for c in earlier)
        rows = _memo_sums(
            ("trend", versions, str(ref.q)),
            lambda: _sums(
                DimensionAggregate, ("n", "total"), ids, ["campaign_id", "dimension_key"], ref.q
            ),
        )
        for campaign_id, dimension, n, total in rows:
            if n:
                sums[campaign_id][dimension] = total / n
        points = []
        for campaign in earlier:
            k = campaign.k or self.k
            plan = plan_for(campaign.pk, k, counts.get(campaign.pk, {}))
            seen = plan.is_visible(ref.key)
            points.append(TrendPoint(campaign, sums[campaign.pk] if seen else {}, seen))
        current = self.group(ref, items=False)
        points.append(TrendPoint(self.campaign, {d.key: d.mean for d in current.dimensions}, True))
        return points

    # --- comments --------------------------------------------------------------------------

    def comments(self, ref: GroupRef, *, role_allowed: bool, query: str = "") -> list[Comment]:
        """Open comments of a visible group for a reader allowed to read them, sorted by
        dimension and text (never by time). ``query`` filters case-insensitively."""
        if not self.is_ready or not self.plan.comments_visible(ref.key, role_allowed=role_allowed):
            return []
        needle = query.strip().casefold()
        order = {d.key: i for i, d in enumerate(self.instrument.dimensions)}
        found = []
        lists = Response.objects.filter(Q(campaign_id=self.campaign.pk) & ref.q).values_list(
            "comments", flat=True
        )
        for comments in lists:
            for comment in comments or ():
                text = comment.get("text", "")
                if text and (not needle or needle in text.casefold()):
                    found.append(Comment(comment.get("dimension"), text))
        found.sort(key=lambda c: (order.get(c.dimension, len(order)), c.text.casefold()))
        return found


def results_for(request, campaign: Campaign) -> CampaignResults:
    """One CampaignResults per campaign per request (the plan is built once per page)."""
    cache = request.__dict__.setdefault("_scan_results", {})
    if campaign.pk not in cache:
        cache[campaign.pk] = CampaignResults(campaign)
    return cache[campaign.pk]
