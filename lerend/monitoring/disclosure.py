"""When a group's children's numbers may be shown: a thin adapter over the one anonymity
gate's core (``lerend/scans/disclosure.py``, reached through ``lerend.scans.results``).

A group's well-being profile (and its imported group results) is published only when at
least ``threshold`` children were observed — the organisation's setting, default 10, 5..30.
Each group is one set of children (a cell of its own), so the core's complementary
suppression never has to hide a group for another's sake here; a page that shows many
groups still plans them together (``visible_groups``), so a future pooled or overlapping
number is checked by the same rule. Property-tested in tests/monitoring/test_pure.py.
"""

from collections.abc import Hashable, Mapping

from lerend.scans.results import Group, plan_small_groups

from .models import WELLBEING_THRESHOLD_MAX, WELLBEING_THRESHOLD_MIN

K_RANGE = (WELLBEING_THRESHOLD_MIN, WELLBEING_THRESHOLD_MAX)


def check_threshold(threshold: int) -> None:
    if not WELLBEING_THRESHOLD_MIN <= threshold <= WELLBEING_THRESHOLD_MAX:
        raise ValueError(f"threshold {threshold} outside {WELLBEING_THRESHOLD_MIN}..30")


def visible_groups(children: Mapping[Hashable, int | None], threshold: int) -> frozenset:
    """The keys of the groups whose numbers may be shown together, each group holding the
    given number of observed children (None: unknown, never shown)."""
    check_threshold(threshold)
    groups = [Group(key=("group", key), cells=frozenset([key])) for key in children]
    counts = {key: n for key, n in children.items() if n is not None}
    plan = plan_small_groups(groups, counts, threshold, k_range=K_RANGE)
    return frozenset(key for key in children if plan.is_visible(("group", key)))


def group_visible(children: int | None, threshold: int) -> bool:
    """May a group's numbers based on ``children`` observed children be shown? An unknown
    count never is."""
    return "g" in visible_groups({"g": children}, threshold)


def missing(children: int | None, threshold: int) -> int:
    """How many more children must be observed before the group's numbers show."""
    check_threshold(threshold)
    return max(threshold - (children or 0), 0)
