"""Monitoring's part of the steering view (kit.contrib ``steering``): indicators whose
computed status (``status.py``, from the latest value — never set by hand) is behind, and
how the indicators of the scope stand.

Reads ``selectors.visible_indicators`` (what this person may read, with the latest value
annotated: one query) narrowed to the page's scope, and ``selectors.set_latest_status``.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import WATCH, SteeringPanel, SteeringSignal
from lerend.kit.numbers import number

from . import rules, status
from .models import Direction, Level
from .selectors import indicators as selectors

NAMED = 6
ORDER = (status.Status.BEHIND, status.Status.ON_TRACK, status.Status.REACHED, status.Status.NO_DATA)


class _Indicator:
    """An indicator row with its computed status (``selectors.status_of``'s rule on the
    latest value, as ``set_latest_status`` computes it)."""

    def __init__(self, row: dict) -> None:
        self.pk = row["pk"]
        self.title = row["title"]
        self.unit = row["unit"]
        self.target = row["target"]
        self.latest = None
        if row["latest_on"] is not None:
            value = Decimal(str(row["latest_value"])).quantize(Decimal("0.01"))
            self.latest = selectors.Point(row["latest_on"], value)
        self.status: str = status.compute(
            baseline=row["baseline"],
            target=row["target"],
            higher=row["direction"] == Direction.HIGHER,
            value=self.latest.value if self.latest else None,
            measured_on=self.latest.measured_on if self.latest else None,
            baseline_on=row["baseline_on"],
            target_on=row["target_on"],
        )

    @property
    def status_label(self):
        """Read only for the indicators the page lists (hundreds are counted, a dozen named)."""
        return status.Status(self.status).label


def _scope_q(scope) -> Q:
    if scope.level == "organisation":
        return Q()
    if scope.level == "location":
        return Q(level=Level.LOCATION, location_id=scope.location.pk) | Q(
            level=Level.TEAM, team__location_id=scope.location.pk
        )
    return Q(level=Level.TEAM, team_id__in=scope.team_ids)


def steering(scope) -> list:
    if not rules.can_read_monitoring(scope.access):
        return []
    # Rows, not model instances: an organisation page may cover hundreds of indicators.
    rows = (
        selectors.visible_indicators(scope.access)
        .filter(_scope_q(scope))
        .order_by("title", "pk")
        .values(
            "pk", "title", "unit", "baseline", "baseline_on", "target", "target_on",
            "direction", "latest_on", "latest_value",
        )
    )  # fmt: skip
    indicators = [_Indicator(row) for row in rows]
    slug = scope.organisation.slug
    behind = [i for i in indicators if i.status == status.Status.BEHIND]
    parts: list = []
    for indicator in behind[:NAMED]:
        parts.append(
            SteeringSignal(
                WATCH,
                _("Indicator “%(title)s” is behind: %(value)s %(unit)s, target %(target)s.")
                % {
                    "title": indicator.title,
                    "value": number(indicator.latest.value if indicator.latest else None),
                    "unit": indicator.unit,
                    "target": number(indicator.target),
                },
                reverse("monitoring:indicator", args=[slug, indicator.pk]),
            )
        )
    if len(behind) > NAMED:
        parts.append(
            SteeringSignal(
                WATCH,
                _("%(count)s more indicators are behind their target.")
                % {"count": len(behind) - NAMED},
                reverse("monitoring:indicators", args=[slug]),
            )
        )
    if scope.full and indicators:
        counts: dict[str, int] = dict.fromkeys(ORDER, 0)
        for indicator in indicators:
            counts[indicator.status] = counts.get(indicator.status, 0) + 1
        rows = [{"label": status.Status(s).label, "status": s, "count": counts[s]} for s in ORDER]
        listed = sorted(indicators, key=lambda i: (ORDER.index(i.status), i.title))[:12]
        parts.append(
            SteeringPanel(
                order=40,
                key="monitoring",
                title=_("Indicators"),
                template="monitoring/steering/panel.html",
                report_template="monitoring/steering/report.html",
                context={"rows": rows, "listed": listed, "total": len(indicators)},
                sheets=(
                    (
                        _("Indicators"),
                        [_("Indicator"), _("Status"), _("Latest value"), _("Target")],
                        [
                            [
                                i.title,
                                str(i.status_label),
                                float(i.latest.value) if i.latest else None,
                                float(i.target),
                            ]
                            for i in sorted(
                                indicators, key=lambda i: (ORDER.index(i.status), i.title)
                            )
                        ],
                    ),
                ),
            )
        )
    return parts
