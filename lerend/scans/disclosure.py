"""The generic disclosure core: which small-group numbers may be published together.

Pure Python (no ORM, nothing about scans' models) so that it can be reasoned about and
property-tested in isolation, and reused by every app with small-group numbers (children's
well-being, advice networks, partner pulses). Scan numbers reach it only through the scans
read model (``lerend/scans/results/plan.py``). See docs/anonymity.md for the threat model
and the proofs. In short:

* A *cell* is a leaf stratum (location, team, role group) frozen at campaign launch. Every
  published number (n, mean, % favourable, histogram, comment list) belongs to a *group*,
  a set of cells.
* :func:`plan_disclosure` decides, once per campaign, which groups may be shown. The rule:
  the partition of cells into *atoms* (cells that no visible group tells apart) must have 0
  or at least k respondents in every atom that lies inside some visible group. Whatever an
  attacker does with the visible numbers (subtract, intersect comment lists, combine
  exports), the result is a function of atom aggregates, and every atom holds 0 or >= k
  people.
* Groups are considered in priority order and added greedily while the rule holds. Adding a
  group only refines the partition, so a group refused once would be refused later too: the
  result is maximal and a deterministic function of (groups, counts, k).
* Readers inside a group (:func:`plan_disclosure` with ``strict_cells``): a reader who may be
  a respondent of some cells knows their own answer, so every atom holding such a cell must
  keep 0 or at least k+1 respondents — at least k *others*.
* Per-number counts (:func:`number_visible_keys`): a number (one question, one dimension) is
  shown in a group only when the plan of that number's own answer counts, over the groups
  the respondent plan shows, shows it too ("don't know" and skipped questions do not count).
* Groups planned before (``pinned``) are kept as they are and only constrain what is added:
  the plan across campaigns (trend) pins the current campaign's groups.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from itertools import chain
from typing import Any, NamedTuple

from lerend.kit.numbers import percent, rounded

# Mirrors lerend.organisations.models.K_MIN/K_MAX/K_DEFAULT (a test keeps them equal); kept
# here so this module stays importable without Django.
MIN_K, MAX_K, DEFAULT_K = 3, 10, 5

CellKey = Hashable
GroupKey = Hashable


class Reason(StrEnum):
    """Why a group is not shown. The UI shows ONE neutral message for all of them (see
    docs/anonymity.md): telling "too few" apart from "protects another group" would tell
    the reader whether n < k."""

    TOO_FEW = "too_few"  # primary suppression: the group itself has fewer than k respondents
    PROTECTS_OTHERS = "protects_others"  # complementary: showing it would expose another group
    NOT_PLANNED = "not_planned"  # the plan was never asked about this group: fail closed


@dataclass(frozen=True, slots=True)
class Group:
    """A publishable group: a set of leaf cells. Higher ``priority`` is kept first when two
    groups cannot both be shown; within a priority the larger group wins (that is: the
    smallest groups are suppressed first), then the key decides."""

    key: GroupKey
    cells: frozenset[CellKey]
    priority: int = 0


class Stratum(NamedTuple):
    """The frozen strata of one response: the standard cell key. ``location`` is None for
    people scoped to the whole organisation, ``team`` is None for people without a team."""

    location: Hashable | None
    team: Hashable | None
    role_group: Hashable


# Priorities of the standard groups, by kind (the first element of the group key):
# structure first (organisation, location and team results are what leaders act on),
# cross-cutting role-group splits after them. Pass other priorities to standard_groups()
# to favour the perception gap; see docs/anonymity.md for the trade-off.
PRIORITY_ORGANISATION = 50
PRIORITY_LOCATION = 40
PRIORITY_TEAM = 30
PRIORITY_ROLE_GROUP = 20
PRIORITY_ROLE_GROUP_IN_LOCATION = 10
DEFAULT_PRIORITIES: Mapping[str, int] = {
    "organisation": PRIORITY_ORGANISATION,
    "location": PRIORITY_LOCATION,
    "team": PRIORITY_TEAM,
    "role_group": PRIORITY_ROLE_GROUP,
    "role_group_in_location": PRIORITY_ROLE_GROUP_IN_LOCATION,
}


def organisation_key() -> tuple[str]:
    return ("organisation",)


def location_key(location: Hashable) -> tuple[str, Hashable]:
    return ("location", location)


def team_key(team: Hashable) -> tuple[str, Hashable]:
    return ("team", team)


def role_group_key(role_group: Hashable) -> tuple[str, Hashable]:
    return ("role_group", role_group)


def role_group_in_location_key(role_group: Hashable, location: Hashable) -> tuple:
    return ("role_group_in_location", role_group, location)


def standard_groups(
    cells: Iterable[Stratum], *, priorities: Mapping[str, int] = DEFAULT_PRIORITIES
) -> list[Group]:
    """Every group a campaign publishes anywhere (page, PDF, export, API): the organisation,
    each location, each team, each role group across the organisation and each role group
    within a location. Plan ALL of them together, once: a surface may then show any subset
    of the visible ones (a subset of a safe family is safe), never a group outside it.
    ``priorities`` maps each kind of group to its priority (missing kinds: 0)."""
    cells = [Stratum(*c) for c in cells]
    by_key: dict[tuple, set] = {organisation_key(): set(cells)}
    for cell in cells:
        keys = [role_group_key(cell.role_group)]
        if cell.location is not None:
            keys += [
                location_key(cell.location),
                role_group_in_location_key(cell.role_group, cell.location),
            ]
        if cell.team is not None:
            keys.append(team_key(cell.team))
        for key in keys:
            by_key.setdefault(key, set()).add(cell)
    return [
        Group(key, frozenset(members), priorities.get(key[0], 0)) for key, members in by_key.items()
    ]


# --------------------------------------------------------------------------------------
# The plan


@dataclass(frozen=True)
class Disclosure:
    """The outcome of :func:`plan_disclosure`. Unknown group keys are never visible."""

    k: int
    visible_groups: tuple[Group, ...]
    _reasons: Mapping[GroupKey, Reason] = field(repr=False)
    _n: Mapping[GroupKey, int] = field(repr=False)

    @property
    def visible_keys(self) -> frozenset[GroupKey]:
        return frozenset(g.key for g in self.visible_groups)

    @property
    def atoms(self) -> list[frozenset[CellKey]]:
        """The atoms of the visible groups (computed on first use, then kept)."""
        found = self.__dict__.get("_atoms")
        if found is None:
            found = atoms(self.visible_groups)
            object.__setattr__(self, "_atoms", found)
        return found

    @property
    def indexed(self) -> tuple[list[CellKey], list[tuple[Group, list[int], str]]]:
        """The cells of the visible groups numbered, and each visible group with its cell
        numbers and its sort key (computed on first use, then kept)."""
        found = self.__dict__.get("_indexed")
        if found is None:
            index: dict[CellKey, int] = {}
            prepared = []
            for group in self.visible_groups:
                ids = [index.setdefault(cell, len(index)) for cell in group.cells]
                prepared.append((group, ids, _sort_key(group.key)))
            found = (list(index), prepared)
            object.__setattr__(self, "_indexed", found)
        return found

    def restricted_to(self, keys: Iterable[GroupKey]) -> Disclosure:
        """The same plan showing only the visible groups among ``keys`` (a subset of a safe
        family is safe: the partition only gets coarser)."""
        keep = frozenset(keys)
        reasons = {
            key: (Reason.PROTECTS_OTHERS if reason is None and key not in keep else reason)
            for key, reason in self._reasons.items()
        }
        visible = tuple(g for g in self.visible_groups if g.key in keep)
        return Disclosure(k=self.k, visible_groups=visible, _reasons=reasons, _n=self._n)

    def is_visible(self, group_key: GroupKey) -> bool:
        return self._reasons.get(group_key, Reason.NOT_PLANNED) is None

    def reason(self, group_key: GroupKey) -> Reason | None:
        """None when visible; otherwise why not (for logs and tests, not for the UI)."""
        return self._reasons.get(group_key, Reason.NOT_PLANNED)

    def n(self, group_key: GroupKey) -> int | None:
        """The number of respondents, only for a visible group: a hidden group's n is never
        handed out, so a template cannot print it by mistake."""
        return self._n[group_key] if self.is_visible(group_key) else None

    def comments_visible(self, group_key: GroupKey, *, role_allowed: bool) -> bool:
        """Open comments of a group: only when the group's numbers are visible in this plan
        and the reader's role may read comments. Comment lists are sets of recognisable
        items: two lists can be intersected or subtracted, which is exactly the Boolean
        algebra the plan protects against, so "n >= k" alone would not be enough."""
        return role_allowed and self.is_visible(group_key)


class _Partition:
    """Cells partitioned into atoms by the groups added so far. Atom 0 holds the cells no
    added group contains; nothing about it can be derived, so it is never checked."""

    __slots__ = ("atom_of", "n", "size", "counts", "strict", "n_strict")

    def __init__(self, counts: list[int], strict: list[bool] | None = None) -> None:
        self.counts = counts
        self.strict = strict or [False] * len(counts)
        self.atom_of = [0] * len(counts)
        self.n = [sum(counts)]
        self.size = [len(counts)]
        self.n_strict = [sum(self.strict)]

    def try_add(self, cell_ids: Sequence[int], k: int, *, force: bool = False) -> bool:
        """Add a group if every atom it creates or leaves behind has 0 or >= k respondents
        (>= k+1 when it holds a cell of a reader inside the group). ``force`` adds it
        without the check (a group vetted by a plan of its own)."""
        atom_of = self.atom_of
        if len(cell_ids) == 1:  # most groups are one cell (a team): no bookkeeping needed
            return self._try_add_one(cell_ids[0], k, force)
        touched: dict[int, list[int]] = {}
        for i in cell_ids:
            touched.setdefault(atom_of[i], []).append(i)
        counts, strict = self.counts, self.strict
        inside_n: dict[int, tuple[int, int]] = {}
        for atom, members in touched.items():
            inside = sum(counts[i] for i in members)
            inside_strict = sum(1 for i in members if strict[i])
            if not force and 0 < inside < k + (inside_strict > 0):
                return False
            if not force and atom != 0 and len(members) < self.size[atom]:
                outside = self.n[atom] - inside
                outside_strict = self.n_strict[atom] - inside_strict
                if 0 < outside < k + (outside_strict > 0):
                    return False
            inside_n[atom] = (inside, inside_strict)
        for atom, members in touched.items():
            if atom != 0 and len(members) == self.size[atom]:
                continue  # the whole atom lies inside: it is not split
            inside, inside_strict = inside_n[atom]
            new = len(self.n)
            self.n.append(inside)
            self.size.append(len(members))
            self.n_strict.append(inside_strict)
            self.n[atom] -= inside
            self.size[atom] -= len(members)
            self.n_strict[atom] -= inside_strict
            for i in members:
                atom_of[i] = new
        return True

    def _try_add_one(self, i: int, k: int, force: bool) -> bool:
        atom = self.atom_of[i]
        if atom != 0 and self.size[atom] == 1:
            return True  # the cell is an atom of its own already: nothing is split
        inside, inside_strict = self.counts[i], int(self.strict[i])
        if not force:
            if 0 < inside < k + inside_strict:
                return False
            if atom != 0:
                outside = self.n[atom] - inside
                if 0 < outside < k + (self.n_strict[atom] - inside_strict > 0):
                    return False
        new = len(self.n)
        self.n.append(inside)
        self.size.append(1)
        self.n_strict.append(inside_strict)
        self.n[atom] -= inside
        self.size[atom] -= 1
        self.n_strict[atom] -= inside_strict
        self.atom_of[i] = new
        return True


def _check_k(k: int) -> None:
    if not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(f"k must be an integer in {MIN_K}..{MAX_K}, got {k!r}")


def _sort_key(key: Hashable) -> str:
    # Keys may mix None, ints and strings; repr gives a total, stable order.
    return repr(key)


def plan_disclosure(
    groups: Iterable[Group],
    counts: Mapping[CellKey, int],
    k: int,
    *,
    strict_cells: Iterable[CellKey] = (),
    pinned: Iterable[Group] = (),
) -> Disclosure:
    """Decide which groups may be shown.

    1. Primary suppression: a group with fewer than k respondents (including 0) is hidden.
    2. Complementary suppression: groups are taken in order (priority high->low, then n
       large->small, then key) and a group is shown only if, together with the groups
       already shown, every atom of the induced partition still has 0 or >= k respondents.

    ``counts`` maps cell keys to respondent counts; missing cells count 0. The result
    depends only on the *set* of groups, the counts and k, never on the input order, so two
    exports of one campaign show the same groups.

    ``strict_cells``: cells in which the reader may have answered themselves. An atom holding
    one of them needs 0 or at least k+1 respondents, so that subtracting their own answer
    leaves at least k others (a group holding one needs k+1 to be shown at all).

    ``pinned``: groups already published by a plan of their own (e.g. the current campaign
    in a trend). They are added first without a check, are always "visible" and only
    constrain the groups that are planned here.
    """
    _check_k(k)
    return _plan(groups, counts, k, strict_cells=strict_cells, pinned=pinned)


def plan_small_groups(
    groups: Iterable[Group], counts: Mapping[CellKey, int], k: int, *, k_range: tuple[int, int]
) -> Disclosure:
    """The same plan for another app's small-group numbers, whose threshold has a range of
    its own (children observed per group: 5..30, default 10). Everything else — primary
    and complementary suppression, hidden n — is the rule above; only the bounds on k
    differ, and they are checked here."""
    low, high = k_range
    if not isinstance(k, int) or not 1 <= low <= k <= high:
        raise ValueError(f"k must be an integer in {low}..{high}, got {k!r}")
    return _plan(groups, counts, k)


def _plan(
    groups: Iterable[Group],
    counts: Mapping[CellKey, int],
    k: int,
    *,
    strict_cells: Iterable[CellKey] = (),
    pinned: Iterable[Group] = (),
) -> Disclosure:
    strict_set = frozenset(strict_cells)
    cell_index: dict[CellKey, int] = {}
    cell_counts: list[int] = []
    cell_strict: list[bool] = []
    prepared: list[tuple[Group, list[int], int]] = []
    pinned_prepared: list[tuple[Group, list[int], int]] = []
    seen: set[GroupKey] = set()
    pinned = list(pinned)
    for number, group in enumerate([*pinned, *groups]):
        if group.key in seen:
            raise ValueError(f"duplicate group key {group.key!r}")
        seen.add(group.key)
        ids = []
        total = 0
        for cell in group.cells:
            i = cell_index.get(cell)
            if i is None:
                n = counts.get(cell, 0)
                if not isinstance(n, int) or n < 0:
                    raise ValueError(f"count for {cell!r} must be a non-negative int")
                i = cell_index[cell] = len(cell_counts)
                cell_counts.append(n)
                cell_strict.append(cell in strict_set)
            ids.append(i)
            total += cell_counts[i]
        (pinned_prepared if number < len(pinned) else prepared).append((group, ids, total))
    prepared.sort(key=lambda p: (-p[0].priority, -p[2], _sort_key(p[0].key)))

    partition = _Partition(cell_counts, cell_strict)
    reasons: dict[GroupKey, Reason | None] = {}
    sizes: dict[GroupKey, int] = {}
    visible: list[Group] = []
    for group, ids, total in pinned_prepared:
        partition.try_add(ids, k, force=True)
        reasons[group.key] = None
        sizes[group.key] = total
        visible.append(group)
    for group, ids, total in prepared:
        sizes[group.key] = total
        strict_inside = any(cell_strict[i] for i in ids)
        if total < k + strict_inside:
            reasons[group.key] = Reason.TOO_FEW
        elif partition.try_add(ids, k):
            reasons[group.key] = None
            visible.append(group)
        else:
            reasons[group.key] = Reason.PROTECTS_OTHERS
    return Disclosure(k=k, visible_groups=tuple(visible), _reasons=reasons, _n=sizes)


def atoms(groups: Iterable[Group]) -> list[frozenset[CellKey]]:
    """The cells of ``groups`` partitioned by membership: cells that no group tells apart."""
    signature: dict[CellKey, list[int]] = {}
    for number, group in enumerate(groups):
        for cell in group.cells:
            signature.setdefault(cell, []).append(number)
    parts: dict[tuple[int, ...], list[CellKey]] = {}
    for cell, numbers in signature.items():
        parts.setdefault(tuple(numbers), []).append(cell)
    return [frozenset(cells) for cells in parts.values()]


def find_violations(
    groups: Iterable[Group],
    counts: Mapping[CellKey, int],
    k: int,
    *,
    strict_cells: Iterable[CellKey] = (),
) -> list[frozenset[CellKey]]:
    """Atoms (cells no group tells apart, inside at least one group) with 1..k-1
    respondents (1..k when they hold a ``strict_cells`` cell), i.e. why publishing all
    ``groups`` together would be unsafe. Empty when safe. Used to check a family that was
    not built by :func:`plan_disclosure`."""
    strict = frozenset(strict_cells)
    bad = []
    for cells in atoms(groups):
        n = sum(counts.get(c, 0) for c in cells)
        if 0 < n < k + bool(cells & strict):
            bad.append(cells)
    return sorted(bad, key=lambda a: sorted(map(_sort_key, a)))


def number_visible_keys(
    disclosure: Disclosure,
    answered: Mapping[CellKey, int],
    *,
    strict_cells: Iterable[CellKey] = (),
) -> frozenset[GroupKey]:
    """The groups in which ONE number (a question, a dimension) may be shown: those of the
    respondent plan ``disclosure`` that keep every atom at 0 or >= k *answers to this
    number* (k+1 with a reader's cell), planned greedily over the visible groups only.

    Why: a group with >= k respondents where fewer than k answered this question (the others
    said "don't know" or skipped it) would publish the answers of fewer than k people. The
    plan for the number is a subset of the respondent plan, so everything the respondent
    plan guarantees still holds; and within it, every atom holds 0 or >= k answers to the
    number, which is the same criterion applied to the number's own counts.

    Fast path: when the atoms of the whole visible family already hold 0 or >= k answers,
    every visible group with at least one answer is kept (no greedy pass needed).
    """
    strict = frozenset(strict_cells)
    k = disclosure.k
    groups = disclosure.visible_groups
    if all(
        not 0 < sum(answered.get(c, 0) for c in cells) < k + bool(cells & strict)
        for cells in disclosure.atoms
    ):
        return frozenset(g.key for g in groups if sum(answered.get(c, 0) for c in g.cells) >= k)
    # The same greedy pass as plan_disclosure, on the visible groups indexed once per plan
    # (a questionnaire has dozens of numbers; each pass then only adds up and partitions).
    cells, prepared = disclosure.indexed
    counts = [answered.get(c, 0) for c in cells]
    flags = [c in strict for c in cells]
    ordered = sorted(
        ((group, ids, sum(counts[i] for i in ids), order) for group, ids, order in prepared),
        key=lambda p: (-p[0].priority, -p[2], p[3]),
    )
    partition = _Partition(counts, flags)
    keys = []
    for group, ids, total, _order in ordered:
        if total >= k + any(flags[i] for i in ids) and partition.try_add(ids, k):
            keys.append(group.key)
    return frozenset(keys)


PRIORITY_STEP = 1000  # across campaigns: a newer campaign's groups before an older one's


def plan_across(
    people: Mapping[Hashable, Sequence[CellKey | None]],
    families: Sequence[Sequence[Group]],
    k: int,
) -> list[frozenset[GroupKey]]:
    """Which groups of earlier rounds may be shown next to the current one (route 4).

    ``families[0]`` holds the visible groups of the current round, ``families[i]`` those of
    the i-th earlier round (newest first), each a set of cells of its own round. ``people``
    maps each person to their cell in every round (None: not in it). A reader who assumes
    that everyone answers as before treats every published number of every round as a sum
    over the same people's fixed answers, so the plan is made over *people*: people with the
    same cells in every round form one class (the cells of this plan), a group of round i
    is the set of classes in its cells there. The current round is pinned; earlier groups
    are added newest round first, each only when every atom of people keeps 0 or >= k.
    Then every number a reader can compute from all rounds together is a sum over atoms of
    0 or >= k people (the same argument as for one round). Returns, per earlier round, the
    keys of the groups kept.
    """
    _check_k(k)
    rounds = len(families)
    # Classes are numbered (cheap to hash), in order of first appearance.
    class_of: dict[tuple, int] = {}
    classes: dict[int, int] = {}
    by_cell: list[dict] = [{} for _ in range(rounds)]
    for cells in people.values():
        signature = tuple(cells)
        if len(signature) != rounds:
            raise ValueError("every person needs a cell (or None) for every round")
        number = class_of.get(signature)
        if number is None:
            number = class_of[signature] = len(class_of)
            for round_number, cell in enumerate(signature):
                if cell is not None:
                    by_cell[round_number].setdefault(cell, []).append(number)
        classes[number] = classes.get(number, 0) + 1

    def as_people(number: int, group: Group, priority: int) -> Group:
        found = by_cell[number]
        members = frozenset(chain.from_iterable(found.get(cell, ()) for cell in group.cells))
        return Group((number, group.key), members, priority)

    pinned = [as_people(0, g, g.priority) for g in families[0]]
    candidates = [
        as_people(number, g, (rounds - number) * PRIORITY_STEP + g.priority)
        for number in range(1, rounds)
        for g in families[number]
    ]
    plan = plan_disclosure(candidates, classes, k, pinned=pinned)
    kept: list[set] = [set() for _ in range(rounds)]
    for group in plan.visible_groups:
        number, key = group.key
        kept[number].add(key)
    return [frozenset(keys) for keys in kept[1:]]


def comments_visible(disclosure: Disclosure, group_key: GroupKey, *, role_allowed: bool) -> bool:
    """Module-level spelling of :meth:`Disclosure.comments_visible`."""
    return disclosure.comments_visible(group_key, role_allowed=role_allowed)


# --------------------------------------------------------------------------------------
# Response rates


@dataclass(frozen=True, slots=True)
class ResponseRate:
    invited: int
    responded: int

    @property
    def percentage(self) -> int:
        """Whole percent, half away from zero (the one number rule, not Python's
        round-half-to-even): 1 of 8 is 13 %."""
        return int(rounded(Decimal(100 * self.responded) / Decimal(self.invited), 0) or 0)

    @property
    def percentage_text(self) -> str:
        return percent(Decimal(self.responded) / Decimal(self.invited))


def visible_rate(invited: int, responded: int, k: int) -> ResponseRate | None:
    """The rule for one group on its own: a rate (and the count behind it) only when at
    least k were invited. Use :func:`plan_response_rates` for a page with many groups."""
    _check_k(k)
    if not 0 <= responded <= invited:
        raise ValueError("responded must be between 0 and invited")
    return ResponseRate(invited, responded) if invited >= k else None


@dataclass(frozen=True)
class ResponseRates:
    disclosure: Disclosure  # planned on *invited* counts
    _rates: Mapping[GroupKey, ResponseRate] = field(repr=False)

    def get(self, group_key: GroupKey) -> ResponseRate | None:
        return self._rates.get(group_key)


def plan_response_rates(
    groups: Iterable[Group],
    invited: Mapping[CellKey, int],
    responded: Mapping[CellKey, int],
    k: int,
) -> ResponseRates:
    """Response rates per group ("9 of 12, 75%"), shown only for groups with >= k invited,
    with the same complementary suppression as results, applied to the *invited* counts:
    otherwise "organisation minus the other teams" would still give the rate of a team of
    three. Rates reveal participation, never answers; answers are governed by the results
    plan alone, which assumes that respondent counts are known to the reader anyway."""
    groups = list(groups)
    for cell, r in responded.items():
        if not 0 <= r <= invited.get(cell, 0):
            raise ValueError(f"responded for {cell!r} must be between 0 and invited")
    disclosure = plan_disclosure(groups, invited, k)
    rates = {
        g.key: ResponseRate(
            sum(invited.get(c, 0) for c in g.cells), sum(responded.get(c, 0) for c in g.cells)
        )
        for g in disclosure.visible_groups
    }
    return ResponseRates(disclosure, rates)


# --------------------------------------------------------------------------------------
# Raw rows

STRATA_COLUMNS = ("location", "team", "role_group")

# From fine to coarse; the first that is safe wins. A team only makes sense with its
# location (the roll-up is team -> location -> organisation; role group -> all).
DEFAULT_LEVELS: tuple[tuple[str, ...], ...] = (
    ("location", "team", "role_group"),
    ("location", "team"),
    ("location", "role_group"),
    ("location",),
    ("role_group",),
    (),
)


@dataclass(frozen=True)
class CoarseRows:
    columns: tuple[str, ...]  # the strata columns kept; the others were removed
    rows: list[dict[str, Any]]  # empty when even one stratum for everybody has < k rows


def _row_cell(row: Mapping[str, Any]) -> Stratum:
    return Stratum(row.get("location"), row.get("team"), row.get("role_group"))


def coarsen_strata(
    rows: Iterable[Mapping[str, Any]],
    k: int,
    *,
    levels: Sequence[Sequence[str]] = DEFAULT_LEVELS,
    published: Disclosure | None = None,
    strict_cells: Iterable[CellKey] = (),
) -> CoarseRows:
    """Prepare anonymous rows for export: keep the finest level of ``levels`` at which every
    stratum present has >= k rows, drop the other strata columns, and sort rows so that
    their order says nothing about when they were given.

    A level applies to all rows (global recoding): dropping only the rows of small strata
    would let "published total minus exported rows" expose them.

    ``published`` is the campaign's results plan (cells keyed by :class:`Stratum`). Rows
    are identifiable items (their answer pattern), so every exported stratum is treated as
    one more visible group: the level must also keep the atoms of (visible groups + export
    strata) at 0 or >= k. Always pass it when results of the campaign are shown anywhere.

    ``strict_cells``: the cells where the person exporting may have answered; a stratum
    holding one needs k+1 rows (they know their own row).
    """
    _check_k(k)
    strict = frozenset(strict_cells)
    rows = [dict(r) for r in rows]
    counts: dict[Stratum, int] = {}
    for row in rows:
        cell = _row_cell(row)
        counts[cell] = counts.get(cell, 0) + 1
    chosen: tuple[str, ...] | None = None
    for level in levels:
        level = tuple(level)
        unknown = set(level) - set(STRATA_COLUMNS)
        if unknown:
            raise ValueError(f"unknown strata columns {sorted(unknown)}")
        strata: dict[tuple, set[Stratum]] = {}
        for cell in counts:
            projection = tuple(getattr(cell, col) for col in level)
            strata.setdefault(projection, set()).add(cell)
        if any(sum(counts[c] for c in cs) < k + bool(cs & strict) for cs in strata.values()):
            continue
        if published is not None:
            export_groups = [
                Group(("export", projection), frozenset(cs)) for projection, cs in strata.items()
            ]
            family = [*published.visible_groups, *export_groups]
            if find_violations(family, counts, k, strict_cells=strict):
                continue
        chosen = level
        break
    if chosen is None or not rows:
        return CoarseRows(columns=(), rows=[])
    dropped = set(STRATA_COLUMNS) - set(chosen)
    out = [{key: value for key, value in row.items() if key not in dropped} for row in rows]
    out.sort(key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return CoarseRows(columns=chosen, rows=out)
