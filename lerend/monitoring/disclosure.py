"""When a group's children's numbers may be shown.

A group's well-being profile (and its imported group results) is published only when at
least ``threshold`` children were observed — the organisation's setting, default 10. Pure
functions, so the rule is tested on its own (tests/monitoring/test_disclosure.py).

To be routed through the scans gate's generic disclosure core once that lands: this module
then becomes a thin adapter and the threshold one more policy of the one gate.
"""

from .models import WELLBEING_THRESHOLD_MAX, WELLBEING_THRESHOLD_MIN


def check_threshold(threshold: int) -> None:
    if not WELLBEING_THRESHOLD_MIN <= threshold <= WELLBEING_THRESHOLD_MAX:
        raise ValueError(f"threshold {threshold} outside {WELLBEING_THRESHOLD_MIN}..30")


def group_visible(children: int | None, threshold: int) -> bool:
    """May a group's numbers based on ``children`` observed children be shown? An unknown
    count never is."""
    check_threshold(threshold)
    return children is not None and children >= threshold


def missing(children: int | None, threshold: int) -> int:
    """How many more children must be observed before the group's numbers show."""
    check_threshold(threshold)
    return max(threshold - (children or 0), 0)
