"""The one gate every anonymous aggregate in Lerend passes through.

Pure Python (no ORM) so that it can be reasoned about and property-tested in isolation.
See docs/anonymity.md for the threat model and the proof sketch. In short:

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
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

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

    __slots__ = ("atom_of", "n", "size", "counts")

    def __init__(self, counts: list[int]) -> None:
        self.counts = counts
        self.atom_of = [0] * len(counts)
        self.n = [sum(counts)]
        self.size = [len(counts)]

    def try_add(self, cell_ids: Sequence[int], k: int) -> bool:
        """Add a group if every atom it creates or leaves behind has 0 or >= k respondents."""
        touched: dict[int, list[int]] = {}
        atom_of = self.atom_of
        for i in cell_ids:
            touched.setdefault(atom_of[i], []).append(i)
        counts = self.counts
        inside_n: dict[int, int] = {}
        for atom, members in touched.items():
            inside = sum(counts[i] for i in members)
            if 0 < inside < k:
                return False
            if atom != 0 and len(members) < self.size[atom]:
                outside = self.n[atom] - inside
                if 0 < outside < k:
                    return False
            inside_n[atom] = inside
        for atom, members in touched.items():
            if atom != 0 and len(members) == self.size[atom]:
                continue  # the whole atom lies inside: it is not split
            new = len(self.n)
            self.n.append(inside_n[atom])
            self.size.append(len(members))
            self.n[atom] -= inside_n[atom]
            self.size[atom] -= len(members)
            for i in members:
                atom_of[i] = new
        return True


def _check_k(k: int) -> None:
    if not isinstance(k, int) or not MIN_K <= k <= MAX_K:
        raise ValueError(f"k must be an integer in {MIN_K}..{MAX_K}, got {k!r}")


def _sort_key(key: Hashable) -> str:
    # Keys may mix None, ints and strings; repr gives a total, stable order.
    return repr(key)


def plan_disclosure(groups: Iterable[Group], counts: Mapping[CellKey, int], k: int) -> Disclosure:
    """Decide which groups may be shown.

    1. Primary suppression: a group with fewer than k respondents (including 0) is hidden.
    2. Complementary suppression: groups are taken in order (priority high->low, then n
       large->small, then key) and a group is shown only if, together with the groups
       already shown, every atom of the induced partition still has 0 or >= k respondents.

    ``counts`` maps cell keys to respondent counts; missing cells count 0. The result
    depends only on the *set* of groups, the counts and k, never on the input order, so two
    exports of one campaign show the same groups.
    """
    _check_k(k)
    cell_index: dict[CellKey, int] = {}
    cell_counts: list[int] = []
    prepared: list[tuple[Group, list[int], int]] = []
    seen: set[GroupKey] = set()
    for group in groups:
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
            ids.append(i)
            total += cell_counts[i]
        prepared.append((group, ids, total))
    prepared.sort(key=lambda p: (-p[0].priority, -p[2], _sort_key(p[0].key)))

    partition = _Partition(cell_counts)
    reasons: dict[GroupKey, Reason | None] = {}
    sizes: dict[GroupKey, int] = {}
    visible: list[Group] = []
    for group, ids, total in prepared:
        sizes[group.key] = total
        if total < k:
            reasons[group.key] = Reason.TOO_FEW
        elif partition.try_add(ids, k):
            reasons[group.key] = None
            visible.append(group)
        else:
            reasons[group.key] = Reason.PROTECTS_OTHERS
    return Disclosure(k=k, visible_groups=tuple(visible), _reasons=reasons, _n=sizes)


def find_violations(
    groups: Iterable[Group], counts: Mapping[CellKey, int], k: int
) -> list[frozenset[CellKey]]:
    """Atoms (cells no group tells apart, inside at least one group) with 1..k-1
    respondents, i.e. why publishing all ``groups`` together would be unsafe. Empty when
    safe. Used to check a family that was not built by :func:`plan_disclosure`."""
    signature: dict[CellKey, list[int]] = {}
    for number, group in enumerate(groups):
        for cell in group.cells:
            signature.setdefault(cell, []).append(number)
    atoms: dict[tuple[int, ...], list[CellKey]] = {}
    for cell, numbers in signature.items():
        atoms.setdefault(tuple(numbers), []).append(cell)
    bad = []
    for cells in atoms.values():
        n = sum(counts.get(c, 0) for c in cells)
        if 0 < n < k:
            bad.append(frozenset(cells))
    return sorted(bad, key=lambda a: sorted(map(_sort_key, a)))


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
        return round(100 * self.responded / self.invited)


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
    """
    _check_k(k)
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
        sizes = [sum(counts[c] for c in cs) for cs in strata.values()]
        if any(n < k for n in sizes):
            continue
        if published is not None:
            export_groups = [
                Group(("export", projection), frozenset(cs)) for projection, cs in strata.items()
            ]
            if find_violations([*published.visible_groups, *export_groups], counts, k):
                continue
        chosen = level
        break
    if chosen is None or not rows:
        return CoarseRows(columns=(), rows=[])
    dropped = set(STRATA_COLUMNS) - set(chosen)
    out = [{key: value for key, value in row.items() if key not in dropped} for row in rows]
    out.sort(key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return CoarseRows(columns=chosen, rows=out)
