"""The anonymity gate for other apps' small-group numbers (advice networks, partner pulses):
the generic disclosure core behind one narrow, public door, so that no app imports the core
itself (tests/scans/test_gate_boundary.py) and every small-group number in Lerend is planned
by the same rule (docs/anonymity.md).

A caller describes its *cells* (the finest strata it counts, e.g. teams) with their
respondent counts, and the *groups* it wants to publish (sets of cells: a team, a location,
the organisation). ``plan_groups`` returns the keys that may be shown together: every atom
holds 0 or at least k respondents, and at least k+1 where the reader may have answered."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from lerend.scans.disclosure import DEFAULT_K, MAX_K, MIN_K, Group, plan_disclosure

__all__ = ["DEFAULT_K", "MAX_K", "MIN_K", "SmallGroup", "plan_groups"]

SmallGroup = Group


def plan_groups(
    groups: Iterable[SmallGroup],
    counts: Mapping[Hashable, int],
    k: int,
    *,
    reader_cells: Iterable[Hashable] = (),
) -> frozenset[Hashable]:
    """The keys of ``groups`` that may be published together, for a reader who may have
    answered in ``reader_cells`` (see ``disclosure.plan_disclosure``)."""
    return plan_disclosure(groups, counts, k, strict_cells=reader_cells).visible_keys
