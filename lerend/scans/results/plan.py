"""The scans read model of the one gate: for a campaign, its k, whether results are ready,
its respondent count per cell, and the disclosure plan — for a reader, per number and across
the campaigns a reader can compare.

Every anonymous scan number anywhere (result pages, team PDF, exports, API, advice and the
dashboard in ``improvement``, response rates while a campaign runs) is decided here, with the
generic core ``lerend.scans.disclosure``. Nothing else works out k, "results ready" or a plan.
See docs/anonymity.md for what each rule protects and why it is enough.

Plans are memoised per process on their exact inputs (campaign, k, counts, reader cells), so
they are never stale: a new response changes the counts and therefore the key. The costly
ones (the per-question plans, the comparison across rounds) are also kept in the shared
cache under the same exact inputs, so a fresh worker process reads what another computed,
and :func:`warm` computes them for a campaign's leaders in the worker when it closes.
"""

from __future__ import annotations

import datetime
import hashlib
import pickle
import zlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from .. import disclosure
from ..models import Aggregate, Audience, Campaign, CampaignStatus, Response, ScanInvitation

Stratum = disclosure.Stratum


def campaign_k(campaign: Campaign) -> int:
    """The campaign's threshold: frozen at launch; before launch the organisation's."""
    return campaign.k or campaign.organisation.anonymity_threshold


def results_ready(campaign: Campaign, *, today=None) -> bool:
    """Results exist only for a launched campaign that has closed (numbers of a running
    campaign would change by the answers given in between) and whose responses can all be
    tied to one issued code or invitation (``codes_single_use``; see route 1 in
    docs/anonymity.md)."""
    if campaign.launched_at is None or not campaign.codes_single_use:
        return False
    status = campaign.status_on(today or timezone.localdate())
    return status == CampaignStatus.CLOSED


def closed_filter() -> Q:
    """Campaigns whose results may be ready: closed early or past their closing date."""
    return Q(launched_at__isnull=False, codes_single_use=True) & (
        Q(closed_at__isnull=False) | Q(closes_on__lt=timezone.localdate())
    )


def cell_counts(campaign_ids: Iterable[int]) -> dict[int, dict[Stratum, int]]:
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
        out[campaign_id][Stratum(location or None, team or None, role_group)] = n
    return out


def invited_counts(campaign_id: int) -> dict[Stratum, int]:
    """Invitations per cell (staff: one per person; parents and pupils: one per started
    letter). One GROUP BY."""
    rows = (
        ScanInvitation.objects.filter(campaign_id=campaign_id)
        .values_list("location_key", "team_key", "role_group")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {Stratum(loc or None, team or None, rg): n for loc, team, rg, n in rows}


def reader_cells(campaign_ids: Iterable[int], person) -> dict[int, frozenset[Stratum]]:
    """Per campaign, the cells in which ``person`` may have answered: the stratum of their own
    invitation (whether they used it is never read). One query. Empty for someone without an
    invitation (a parent's or pupil's letter is not tied to a person)."""
    if person is None or not getattr(person, "pk", None):
        return {}
    out: dict[int, set] = defaultdict(set)
    rows = ScanInvitation.objects.filter(
        campaign_id__in=list(campaign_ids), person_id=person.pk
    ).values_list("campaign_id", "location_key", "team_key", "role_group")
    for campaign_id, loc, team, rg in rows:
        out[campaign_id].add(Stratum(loc or None, team or None, rg))
    return {campaign_id: frozenset(cells) for campaign_id, cells in out.items()}


def cells_by_person(campaign_id: int, person_ids: Iterable[int]) -> dict[int, frozenset[Stratum]]:
    """:func:`reader_cells` of one campaign for many people at once. One query."""
    out: dict[int, set] = defaultdict(set)
    rows = ScanInvitation.objects.filter(
        campaign_id=campaign_id, person_id__in=list(person_ids)
    ).values_list("person_id", "location_key", "team_key", "role_group")
    for person_id, loc, team, rg in rows:
        out[person_id].add(Stratum(loc or None, team or None, rg))
    return {person_id: frozenset(cells) for person_id, cells in out.items()}


# --- the plan -------------------------------------------------------------------------------

_PLANS: OrderedDict = OrderedDict()
_PLANS_MAX = 256


def _memo(store: OrderedDict, limit: int, key, compute):
    found = store.get(key)
    if found is None:
        found = compute()
        store[key] = found
        if len(store) > limit:
            store.popitem(last=False)
    else:
        store.move_to_end(key)
    return found


# --- the shared cache: exact inputs only, so never stale ------------------------------------

SHARED_TTL_SECONDS = 60 * 24 * 3600  # results of a closed campaign are read for weeks
_GENERATION = "lerend:scanplan:generation"  # bumped to forget every shared plan at once


_PLAIN = frozenset({int, str, float, bool, type(None)})


def _canonical(value) -> str:
    """The same text for the same value in every process (set order and str hashes vary
    between processes, so repr() of a frozenset would not do). Plain values first: a key
    holds thousands of them (cells and counts), and this runs on every shared read."""
    if type(value) in _PLAIN:
        return repr(value)
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_canonical(v) for v in value)) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(_canonical(v) for v in value) + ")"
    if isinstance(value, dict):
        pairs = sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items())
        return "<" + ",".join(pairs) + ">"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return repr(value)


def shared_value(
    kind: str, key, compute: Callable[[], Any], *, timeout: int = SHARED_TTL_SECONDS
) -> Any:
    """``compute()``'s value from the shared cache, stored compressed under a digest of its
    exact inputs (for ``timeout`` seconds)."""
    digest = hashlib.sha256(_canonical(key).encode()).hexdigest()
    cache_key = f"lerend:scanplan:{cache.get(_GENERATION, 0)}:{kind}:{digest}"
    stored = cache.get(cache_key)
    if stored is not None:
        return pickle.loads(zlib.decompress(stored))  # noqa: S301  # written below, never user data
    value = compute()
    cache.set(cache_key, zlib.compress(pickle.dumps(value)), timeout=timeout)
    return value


# The steering view's block series (series.py), per reader position and set of groups.
SERIES_MEMO: OrderedDict = OrderedDict()
# A running campaign's response overview (selectors.response_overview): invited counts and
# the plan on them for the current response counts.
OVERVIEW_MEMO: OrderedDict = OrderedDict()


def memo_shared(
    store: OrderedDict,
    limit: int,
    kind: str,
    key,
    compute: Callable[[], Any],
    *,
    timeout: int = SHARED_TTL_SECONDS,
):
    """``compute()``'s value kept in this process (``store``, at most ``limit`` entries) and
    in the shared cache (:func:`shared_value`), both under its exact inputs ``key``."""
    return _memo(store, limit, key, lambda: shared_value(kind, key, compute, timeout=timeout))


def plan_for(
    campaign_id: int, k: int, counts: dict, *, strict: frozenset = frozenset()
) -> disclosure.Disclosure:
    """The campaign's respondent plan over all its standard groups; with ``strict`` (the
    reader's own cells) the plan for that reader: the groups shown both by the plan for
    everybody and by the plan that keeps k+1 respondents in every atom holding a reader's
    cell. Both are safe families, so their intersection is (docs/anonymity.md, route 2)."""
    counts_key = frozenset(counts.items())

    def base():
        groups = disclosure.standard_groups(counts)
        return disclosure.plan_disclosure(groups, counts, k)

    def shared(key, compute):
        return _memo(_PLANS, _PLANS_MAX, key, lambda: shared_value("plan", key, compute))

    everybody = shared((campaign_id, k, counts_key, frozenset()), base)
    if not strict:
        return everybody

    def for_reader():
        groups = disclosure.standard_groups(counts)
        own = disclosure.plan_disclosure(groups, counts, k, strict_cells=strict)
        return everybody.restricted_to(own.visible_keys)

    return shared((campaign_id, k, counts_key, strict), for_reader)


# --- per number: answered counts per cell ---------------------------------------------------

_ANSWERED: OrderedDict = OrderedDict()
_ANSWERED_MAX = 16


def answered_counts(campaign_id: int, version: tuple) -> tuple[dict, dict]:
    """(item key -> cell -> scale answers, dimension key -> cell -> respondents with at least
    one scale answer in it), from the write-time aggregates — one query over the campaign's
    aggregate rows, memoised on ``version`` (campaign, launch time, respondents)."""

    def compute():
        items: dict[str, dict] = defaultdict(dict)
        dimensions: dict[str, dict] = defaultdict(dict)
        rows = (
            Aggregate.objects.filter(campaign_id=campaign_id)
            .values_list(
                "item_key",
                "dimension_key",
                "location_key",
                "team_key",
                "role_group",
                "n",
                "respondents",
            )
            .order_by()
        )
        for item, dimension, loc, team, rg, n, respondents in rows:
            cell = Stratum(loc or None, team or None, rg)
            if item:
                items[item][cell] = n
            else:
                dimensions[dimension][cell] = respondents
        return dict(items), dict(dimensions)

    return _memo(_ANSWERED, _ANSWERED_MAX, (campaign_id, version), compute)


class NumberPlan:
    """Which group shows which number (route 3): a question or dimension is shown in a
    group only when the plan of its own answer counts shows the group; a dimension also
    needs every question of it that has answers in the group to be shown there (otherwise
    "dimension minus the shown questions" would give the hidden one)."""

    def __init__(self, plan: disclosure.Disclosure, answered, strict, instrument):
        """``answered``: the answer counts, or a callable giving them (read only when a
        decision is not known yet)."""
        self.plan = plan
        self._answered = answered
        self.strict = strict
        self.instrument = instrument
        self._items: dict[str, frozenset] = {}
        self._dimensions: dict[str, frozenset] = {}
        self._groups = {g.key: g for g in plan.visible_groups}
        self._decided: dict[tuple, bool] = {}

    @property
    def items_answered(self) -> dict:
        return self._answered_counts()[0]

    @property
    def dimensions_answered(self) -> dict:
        return self._answered_counts()[1]

    def _answered_counts(self) -> tuple:
        if callable(self._answered):
            self._answered = self._answered()
        return self._answered

    def decisions(self) -> tuple[dict, dict, dict]:
        """Every decision of this plan, worked out now: per question and per dimension the
        groups that show it, and per (group, dimension) the final answer."""
        for item in self.instrument.items:
            self.item_visible(None, item.key)
        for dimension in self.instrument.dimensions:
            for group_key in self._groups:
                self.dimension_visible(group_key, dimension.key)
        return self._items, self._dimensions, self._decided

    def known(self, decisions: tuple[dict, dict, dict]) -> NumberPlan:
        self._items, self._dimensions, self._decided = (dict(d) for d in decisions)
        return self

    def _keys(self, store, which: int, key) -> frozenset:
        """``which``: 0 for a question, 1 for a dimension (the answer counts are read only
        when the decision is not known yet)."""
        found = store.get(key)
        if found is None:
            counts_by_key = self._answered_counts()[which]
            found = disclosure.number_visible_keys(
                self.plan, counts_by_key.get(key, {}), strict_cells=self.strict
            )
            store[key] = found
        return found

    def item_visible(self, group_key, item_key: str) -> bool:
        return group_key in self._keys(self._items, 0, item_key)

    def item_answered(self, group, item_key: str) -> int:
        counts = self.items_answered.get(item_key, {})
        return sum(counts.get(c, 0) for c in group.cells)

    def dimension_visible(self, group_key, dimension_key: str) -> bool:
        decided = self._decided.get((group_key, dimension_key))
        if decided is None:
            decided = self._decided[(group_key, dimension_key)] = self._dimension_visible(
                group_key, dimension_key
            )
        return decided

    def _dimension_visible(self, group_key, dimension_key: str) -> bool:
        if group_key not in self._keys(self._dimensions, 1, dimension_key):
            return False
        group = self._groups.get(group_key)
        if group is None:
            return False
        for item in self.instrument.items_for(dimension_key):
            if self.item_answered(group, item.key) and not self.item_visible(group_key, item.key):
                return False
        return True


_NUMBERS: OrderedDict = OrderedDict()
_NUMBERS_MAX = 64


def number_plan_for(campaign_id: int, version: tuple, plan, strict, instrument) -> NumberPlan:
    """The campaign's NumberPlan for this reader, kept per process: its per-question plans
    are the costly part of a large organisation's first page, and they depend only on the
    campaign's respondents (``version``: campaign, launch time, respondents — k and the
    cells are fixed at launch) and the reader's cells."""

    def compute():
        numbers = NumberPlan(
            plan, lambda: answered_counts(campaign_id, version), strict, instrument
        )
        inputs = (version, plan.k, strict, plan.visible_keys, instrument_key(instrument))
        return numbers.known(shared_value("numbers", inputs, numbers.decisions))

    return _memo(_NUMBERS, _NUMBERS_MAX, (version, strict, plan.visible_keys), compute)


def instrument_key(instrument) -> tuple:
    """What of the instrument a number plan depends on: its questions per dimension."""
    return tuple(
        (d.key, tuple(i.key for i in instrument.items_for(d.key))) for d in instrument.dimensions
    )


def clear_memos(*, shared: bool = True) -> None:
    """Forget memoised plans (tests and benchmarks measuring the database path use it):
    this process's, and with ``shared`` also those in the shared cache."""
    _PLANS.clear()
    SERIES_MEMO.clear()
    OVERVIEW_MEMO.clear()
    _ANSWERED.clear()
    _NUMBERS.clear()
    _COMPARISONS.clear()
    if shared:
        cache.add(_GENERATION, 0, timeout=None)
        cache.incr(_GENERATION)


# --- across campaigns (route 4) -------------------------------------------------------------

_COMPARISONS: OrderedDict = OrderedDict()
_COMPARISONS_MAX = 64


def comparable_keys(
    current: Campaign, current_plan: disclosure.Disclosure, earlier: list[tuple[Campaign, object]]
) -> dict[int, frozenset]:
    """Which groups of earlier campaigns may be shown next to ``current`` (a trend, the
    dashboard's block trend): campaign id -> the group keys kept. ``earlier`` holds
    (campaign, its plan for this reader), newest first.

    Staff campaigns (docs/anonymity.md, route 4): a reader who assumes that everyone answers
    as last time learns a joiner's answers from "this time minus last time". So the plan is
    made over *people*: each person invited to any of the campaigns is described by their
    cell in each of them (or none), and every group of every campaign is the set of people
    invited in its cells. The current campaign's visible groups are pinned; the earlier
    campaigns' visible groups are added newest first, each only when every atom of people
    keeps 0 or >= k. Whatever a reader computes from all the points, assuming unchanged
    answers, is then a function of atom totals of >= k people. People who stayed in their
    cell cancel out; a group that gained or lost 1..k-1 people (a joiner, a leaver, a leader
    moved by the "leaders apart" switch) is not compared.

    Parents' and pupils' campaigns have no person behind a letter: an earlier group is
    kept only when its number of invitations differs from the current one by 0 or >= k.
    """
    if not earlier:
        return {}
    ids = [current.pk] + [c.pk for c, _p in earlier]
    plans = [current_plan] + [p for _c, p in earlier]
    # Invitations of a staff campaign are all made at launch: (id, launch time) fixes them.
    versions = tuple((c.pk, c.launched_at) for c in [current, *(c for c, _p in earlier)])
    memo_key = (versions, tuple(p.visible_keys for p in plans), current_plan.k)
    return _memo(
        _COMPARISONS,
        _COMPARISONS_MAX,
        memo_key,
        lambda: shared_value(
            "comparison", memo_key, lambda: _comparable(current, ids, plans, current_plan.k)
        ),
    )


def _comparable(current, ids, plans, k) -> dict[int, frozenset]:
    if current.audience != Audience.STAFF:
        return _comparable_by_counts(ids, plans, k)
    where = {campaign_id: number for number, campaign_id in enumerate(ids)}
    people: dict[object, list] = {}
    rows = ScanInvitation.objects.filter(campaign_id__in=ids).values_list(
        "campaign_id", "person_id", "pk", "location_key", "team_key", "role_group"
    )
    for campaign_id, person_id, pk, loc, team, rg in rows.iterator(chunk_size=5000):
        # A deleted person's invitation stands alone: never grouped with anyone.
        who = person_id if person_id is not None else ("invitation", pk)
        cells = people.setdefault(who, [None] * len(ids))
        cells[where[campaign_id]] = Stratum(loc or None, team or None, rg)
    kept = disclosure.plan_across(people, [p.visible_groups for p in plans], k)
    return dict(zip(ids[1:], kept, strict=True))


def _blocks(version) -> set[str]:
    return {d.building_block for d in version.instrument.dimensions if d.building_block}


def _comparable_by_counts(ids, plans, k) -> dict[int, frozenset]:
    invited = [invited_counts(campaign_id) for campaign_id in ids]

    def size(number, group):
        return sum(invited[number].get(c, 0) for c in group.cells)

    current = {g.key: size(0, g) for g in plans[0].visible_groups}
    out = {}
    for number in range(1, len(ids)):
        kept = set()
        for g in plans[number].visible_groups:
            if g.key in current and not 0 < abs(size(number, g) - current[g.key]) < k:
                kept.add(g.key)
        out[ids[number]] = frozenset(kept)
    return out


def overlapping_target_conflict(
    campaign: Campaign, targets: dict[int, tuple], *, k: int
) -> Campaign | None:
    """Route 4, two campaigns at once: another launched staff campaign of the organisation
    whose period overlaps this one, that asks about the same things (the same questionnaire,
    or one that measures a building block this one measures too: a scan next to a pulse),
    and whose invited staff differ from ``targets`` (person id -> stratum) by 1..k-1 people.
    Their results side by side would give away what those few people answered. Returns the
    first such campaign, or None."""
    others = (
        Campaign.objects.filter(
            organisation_id=campaign.organisation_id,
            audience=campaign.audience,
            launched_at__isnull=False,
            opens_on__lte=campaign.closes_on,
            closes_on__gte=campaign.opens_on,
        )
        .exclude(pk=campaign.pk)
        .select_related("instrument_version")
    )
    mine = set(targets)
    blocks = _blocks(campaign.instrument_version)
    for other in others.order_by("opens_on", "pk"):
        same = other.instrument_version.key == campaign.instrument_version.key
        if not same and not blocks & _blocks(other.instrument_version):
            continue
        theirs = set(
            ScanInvitation.objects.filter(campaign=other, person__isnull=False).values_list(
                "person_id", flat=True
            )
        )
        if 0 < len(mine ^ theirs) < k:
            return other
    return None
