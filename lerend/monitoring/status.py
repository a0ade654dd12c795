"""An indicator's status, computed from its latest value — never set by hand.

- reached: the latest value is at or beyond the target (in the indicator's direction);
- on track: it moved from the baseline towards the target at least as far as the time
  since the baseline asks for (with a target date), or at all (without one);
- behind: otherwise; no status while nothing has been measured.
Pure: tested with hypothesis in tests/monitoring/test_status.py.
"""

import datetime
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NO_DATA = "geen", _("Not measured yet")
    BEHIND = "achter", _("Behind")
    ON_TRACK = "op_koers", _("On track")
    REACHED = "behaald", _("Reached")


def progress(*, baseline: Decimal, target: Decimal, value: Decimal, higher: bool) -> Decimal:
    """How far ``value`` went from baseline to target: 0 at the baseline, 1 at the target,
    negative when it moved the wrong way."""
    span = target - baseline
    if span == 0:
        return Decimal(1) if (value >= target if higher else value <= target) else Decimal(0)
    return (value - baseline) / span


def compute(
    *,
    baseline: Decimal,
    target: Decimal,
    higher: bool,
    value: Decimal | None,
    measured_on: datetime.date | None = None,
    baseline_on: datetime.date | None = None,
    target_on: datetime.date | None = None,
) -> str:
    if value is None:
        return Status.NO_DATA
    if (value >= target) if higher else (value <= target):
        return Status.REACHED
    done = progress(baseline=baseline, target=target, value=value, higher=higher)
    if done <= 0:
        return Status.BEHIND
    if target_on and baseline_on and measured_on and target_on > baseline_on:
        elapsed = (measured_on - baseline_on).days / (target_on - baseline_on).days
        expected = Decimal(str(min(max(elapsed, 0.0), 1.0)))
        return Status.ON_TRACK if done >= expected else Status.BEHIND
    return Status.ON_TRACK
