"""Scan results: what leaders and teams see after a campaign, from aggregate rows only.

Every page, PDF and export of results goes through :class:`CampaignResults`:

* It reads ``ItemAggregate`` / ``DimensionAggregate`` rows (the two kinds of rows of the one
  ``Aggregate`` table) summed per group in SQL (GROUP BY) and the respondent count per cell
  (GROUP BY on responses) — never answers — so a page costs a fixed handful of queries
  whatever the number of teams or respondents. Each query sums only the columns its results
  use. The dimension sums of the organisation, its locations and role groups (also within a
  location) are all added up in Python from ONE query per (location, role group) cell of
  the campaign — a few hundred rows — instead of a query each.
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

from django.db.models import CharField, Q, Sum
from django.db.models.functions import Cast

from lerend.kit.numbers import count
from lerend.organisations.models import Membership

from .. import disclosure as anonymity
from ..charts import fmt, pct
from ..models import Aggregate, Campaign, DimensionAggregate, Response
from . import comments as comment_rules
from . import plan
from .plan import cell_counts, plan_for
from .stats import COUNT_FIELDS, FLOAT_FIELDS, Counts, cronbach_alpha

# A dimension result shows its score (respondents, score_total: stats.block_score), the
# distribution, % favourable and "don't know" of its answers, and Cronbach's alpha
# (complete_*); total_sq is not used by any of them (sd is the exports' own query).
DIMENSION_FIELDS = tuple(f for f in COUNT_FIELDS if f != "total_sq")
# Groups whose cells are selected on these columns only are added up from one shared query.
_ADDED_UP = frozenset({"location_key", "role_group"})


def item_fields(favourable_from: int) -> tuple[str, ...]:
    """The columns item results use on a scale favourable from ``favourable_from``: an item
    shows its mean (n, total) and % favourable (the histogram from favourable_from up), and
    feeds Cronbach's alpha (complete_*). Nothing else of an item is shown, so nothing else
    is summed — those columns stay 0 in an item's Counts. The item query reads the most rows
    of any page query, so every column left out counts."""
    favourable = tuple(f"h{score}" for score in range(favourable_from, 6))
    return ("n", "total", *favourable, "complete_total", "complete_total_sq")


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
    # True when the group is shown but this dimension had fewer than k answers behind it
    # (then counts are empty and the page says so): docs/anonymity.md, route 3.
    suppressed: bool = False

    @property
    def mean(self):
        """The block score: the mean of the respondents' own means (stats.block_score)."""
        return self.counts.score

    @property
    def respondents(self) -> int:
        """People behind the score (at least one scale answer here)."""
        return self.counts.respondents

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
    def n_text(self) -> str:
        """Scale answers behind the distribution, or a dash when suppressed (route 3)."""
        return "–" if self.suppressed else count(self.counts.n)

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
    def respondents_text(self) -> str:
        return count(self.respondents)

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

    @property
    def has_suppressed(self) -> bool:
        """Some dimension of this visible group is shown without numbers (route 3)."""
        return any(d.suppressed for d in self.dimensions)

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


# --- the plan: lerend/scans/results/plan.py ------------------------------------------------


def _sums(model, fields, campaign_ids, by, q=None):
    """Rows of (*by, *summed fields) for the campaigns, optionally within a group."""
    queryset = model.objects.filter(campaign_id__in=list(campaign_ids))
    if q is not None:
        queryset = queryset.filter(q)
    aliases = {f"s_{f}": Sum(f) for f in fields}
    return queryset.values(*by).annotate(**aliases).order_by().values_list(*by, *aliases)


def _item_sums(fields, campaign_ids, q=None):
    """Rows of (item_key, *summed fields) over the item rows of the campaigns.

    Written so that SQLite reads the rows in their stored order: "item_key <> ''" and a
    GROUP BY on an expression leave it nothing to gain from the unique index (which is in
    item order, so walking it fetches every row out of order — about twice as slow over a
    whole campaign); it takes the cell index instead and sorts. The same rows and sums on
    PostgreSQL, where the cast of a varchar to varchar is free."""
    queryset = Aggregate.objects.exclude(item_key="").filter(campaign_id__in=list(campaign_ids))
    if q is not None:
        queryset = queryset.filter(q)
    aliases = {f"s_{f}": Sum(f) for f in fields}
    return (
        queryset.values(key=Cast("item_key", output_field=CharField()))
        .annotate(**aliases)
        .order_by()
        .values_list("key", *aliases)
    )


_SUMS: OrderedDict = OrderedDict()
_SUMS_MAX = 512


def clear_memos(*, shared: bool = True) -> None:
    """Forget memoised plans and sums (tests measuring the database path use it); with
    ``shared=False`` only this process's, as a freshly started worker process sees them."""
    _SUMS.clear()
    plan.clear_memos(shared=shared)


def _memo_sums(memo_key, compute):
    """Aggregate sums of a campaign never change once its respondent count is fixed (a
    response and its aggregates are written in one transaction), so sums are memoised per
    process on (campaign, launch time, respondents, question). Closed campaigns — the only
    ones with results — hit this path; a new response changes the key."""
    rows = _SUMS.get(memo_key)
    if rows is None:
        # Shared between processes too (plan.py): a fresh worker reads them, not the tables.
        rows = plan.shared_value("sums", memo_key, lambda: list(compute()))
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
    return Counts(
        **{
            f: (float(v or 0) if f in FLOAT_FIELDS else int(v or 0))
            for f, v in zip(fields, values, strict=True)
        }
    )


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

    def __init__(self, campaign: Campaign, *, reader=None):
        """``reader``: the person who will see the numbers. Where they may have answered
        themselves (their own invitation's cell), every atom around them keeps k+1
        respondents (docs/anonymity.md, route 2). None: the plan for everybody (only for
        code that shows nothing to a person, e.g. tests of the plan itself)."""
        self.campaign = campaign
        self.reader = reader
        self.instrument = _instrument(campaign.instrument_version)
        self.k = plan.campaign_k(campaign)
        self.scale = self.instrument.scale

    @property
    def is_ready(self) -> bool:
        """Results are shown only for a launched campaign that has closed."""
        return plan.results_ready(self.campaign)

    @cached_property
    def strict(self) -> frozenset:
        """The cells in which the reader may have answered in this campaign."""
        return plan.reader_cells([self.campaign.pk], self.reader).get(self.campaign.pk, frozenset())

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
    def _by_location_and_role(self) -> dict[tuple, dict[str, list[int]]]:
        """(location_key, role_group) -> dimension key -> summed DIMENSION_FIELDS, over ALL
        cells of the campaign: ONE GROUP BY (memoised) from which the organisation, its
        locations and role groups, and the role groups within a location are added up (see
        :meth:`_added_up`)."""
        out: dict[tuple, dict[str, list[int]]] = defaultdict(dict)
        rows = self._sums(
            DimensionAggregate, DIMENSION_FIELDS, ["location_key", "role_group", "dimension_key"]
        )
        for location, role_group, dimension, *values in rows:
            out[(location, role_group)][dimension] = [v or 0 for v in values]
        return out

    def _added_up(self, filters: dict) -> dict[str, Counts]:
        """Dimension sums of the cells matching ``filters`` (on location_key and/or
        role_group only), added up from :meth:`_by_location_and_role`. Exact: the columns
        are integers and every cell has exactly one location_key (0 for none) and one role
        group, so those rows partition the campaign's cells."""
        location, role_group = filters.get("location_key"), filters.get("role_group")
        sums: dict[str, list[int]] = {}
        for (cell_location, cell_role_group), dims in self._by_location_and_role.items():
            if location is not None and cell_location != location:
                continue
            if role_group is not None and cell_role_group != role_group:
                continue
            for key, values in dims.items():
                found = sums.get(key)
                if found is None:
                    sums[key] = list(values)
                else:
                    for i, value in enumerate(values):
                        found[i] += value
        return {key: _counts(values, DIMENSION_FIELDS) for key, values in sums.items()}

    @cached_property
    def plan(self) -> anonymity.Disclosure:
        return plan_for(self.campaign.pk, self.k, self.counts, strict=self.strict)

    @cached_property
    def numbers(self) -> plan.NumberPlan:
        """Which number each visible group may show (route 3: per question and dimension)."""
        return plan.number_plan_for(
            self.campaign.pk,
            self._version(self.campaign.pk),
            self.plan,
            self.strict,
            self.instrument,
        )

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

    def _dimension(self, group_key, key, counts: Counts, items=()) -> DimensionResult:
        """A dimension's result in a visible group; without numbers when fewer than k
        answered it there (route 3: ``suppressed``, and ``counts`` empty)."""
        dim = self.instrument.dimension(key)
        suppressed = bool(counts.n or counts.dont_know) and not self.numbers.dimension_visible(
            group_key, key
        )
        if suppressed:
            counts = Counts()
        items = [i for i in items if self.numbers.item_visible(group_key, i.key)]
        result = DimensionResult(
            key=key,
            name=dim.name,
            building_block=dim.building_block,
            counts=counts,
            favourable_from=self.scale.favourable_from,
            points=self.scale.points,
            items=list(items),
            suppressed=suppressed,
        )
        if items and not suppressed:
            expected = len(self.instrument.items_for(key))
            if len(items) == expected:
                result.alpha = cronbach_alpha(counts, [i.counts for i in items])
        return result

    def group(self, ref: GroupRef, *, items: bool = True) -> GroupResult:
        """A group's dimension results (and items): two GROUP BY queries when visible, none
        when hidden."""
        if not self.is_visible(ref):
            return GroupResult(ref=ref, visible=False)
        if {f for f, _v in ref.filters} <= _ADDED_UP:
            dims = self._added_up(dict(ref.filters))
        else:  # a team
            dims = {
                row[0]: _counts(row[1:], DIMENSION_FIELDS)
                for row in self._sums(
                    DimensionAggregate, DIMENSION_FIELDS, ["dimension_key"], ref.q
                )
            }
        per_dimension: dict[str, list[ItemResult]] = defaultdict(list)
        if items:
            fields = item_fields(self.scale.favourable_from)
            key = (*self._version(self.campaign.pk), "items", fields, str(ref.q))
            item_counts = {
                row[0]: _counts(row[1:], fields)
                for row in _memo_sums(key, lambda: _item_sums(fields, [self.campaign.pk], ref.q))
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
            self._dimension(ref.key, d.key, dims.get(d.key, Counts()), per_dimension.get(d.key, ()))
            for d in self.instrument.dimensions
        ]
        return GroupResult(
            ref=ref, visible=True, respondents=self.plan.n(ref.key), dimensions=dimensions
        )

    def many(self, refs: list[GroupRef], by: str) -> list[GroupResult]:
        """Several groups of one kind (teams: ``team_key``; locations: ``location_key``;
        role groups: ``role_group``) for heatmaps and splits: teams in ONE GROUP BY query;
        locations and role groups are added up from the campaign's shared per-cell rows."""
        visible = [r for r in refs if self.is_visible(r)]
        by_value: dict[object, dict[str, Counts]] = defaultdict(dict)
        if visible and all({f for f, _v in r.filters} <= _ADDED_UP for r in visible):
            # Locations and role groups: added up from the campaign's shared rows, no query.
            for ref in visible:
                by_value[dict(ref.filters)[by]] = self._added_up(dict(ref.filters))
        elif visible:  # teams
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
                        self._dimension(ref.key, d.key, dims.get(d.key, Counts()))
                        for d in self.instrument.dimensions
                    ],
                )
            )
        return out

    # --- trend ---------------------------------------------------------------------------

    def earlier_campaigns(self) -> list[Campaign]:
        version = self.campaign.instrument_version
        earlier = (
            Campaign.objects.filter(
                organisation_id=self.campaign.organisation_id,
                instrument_version__key=version.key,
                instrument_version__version=version.version,
                launched_at__isnull=False,
                opens_on__lte=self.campaign.opens_on,
            )
            .filter(plan.closed_filter())
            .exclude(pk=self.campaign.pk)
            .order_by("-opens_on", "-id")[: TREND_CAMPAIGNS - 1]
        )
        return list(reversed(earlier))

    def trend(self, ref: GroupRef) -> list[TrendPoint]:
        """Dimension means of the group in earlier campaigns and this one. Empty when this
        group is hidden. An earlier point is shown only where (1) the group was visible in
        THAT campaign's plan for this reader, with its own per-number rule, and (2) the plan
        across the campaigns (``plan.comparable_keys``, route 4) keeps it next to this one."""
        if not self.is_visible(ref):
            return []
        earlier = self.earlier_campaigns()
        if not earlier:
            return []
        others = [CampaignResults(c, reader=self.reader) for c in reversed(earlier)]
        cells = plan.reader_cells([o.campaign.pk for o in others], self.reader)
        for other in others:  # one query for the reader's cells in all of them
            other.__dict__["strict"] = cells.get(other.campaign.pk, frozenset())
        kept = plan.comparable_keys(
            self.campaign, self.plan, [(o.campaign, o.plan) for o in others]
        )
        points = []
        for other in reversed(others):
            seen = other.is_visible(ref) and ref.key in kept.get(other.campaign.pk, ())
            means = {}
            if seen:
                group = other.group(ref, items=False)
                means = {d.key: d.mean for d in group.dimensions}
            points.append(TrendPoint(other.campaign, means, seen))
        current = self.group(ref, items=False)
        points.append(TrendPoint(self.campaign, {d.key: d.mean for d in current.dimensions}, True))
        return points

    # --- comments --------------------------------------------------------------------------

    @cached_property
    def name_tokens(self) -> frozenset[str]:
        """Words of the names of everyone in the organisation (one query), for masking."""
        names = (
            Membership.objects.filter(organisation_id=self.campaign.organisation_id)
            .values_list("person__name", flat=True)
            .distinct()
        )
        return comment_rules.name_tokens(names)

    def comments(self, ref: GroupRef, *, role_allowed: bool, query: str = "") -> list[Comment]:
        """Open comments of a visible group for a reader allowed to read them, sorted by
        dimension and text (never by time), with names masked (route 6). A comment that
        mentions a role is left out until the campaign's manager has published it.
        ``query`` filters case-insensitively on the masked text."""
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
                if not text or comment_rules.review_state(comment) not in (
                    None,
                    comment_rules.REVIEW_PUBLISHED,
                ):
                    continue
                text = comment_rules.mask_names(text, self.name_tokens)
                if not needle or needle in text.casefold():
                    found.append(Comment(comment.get("dimension"), text))
        found.sort(key=lambda c: (order.get(c.dimension, len(order)), c.text.casefold()))
        return found


def results_for(request, campaign: Campaign) -> CampaignResults:
    """One CampaignResults per campaign per request (the plan is built once per page), for
    the person making the request (route 2: readers inside a group)."""
    cache = request.__dict__.setdefault("_scan_results", {})
    if campaign.pk not in cache:
        cache[campaign.pk] = CampaignResults(campaign, reader=getattr(request, "user", None))
    return cache[campaign.pk]
