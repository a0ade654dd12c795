"""The status of improvement's goals, computed from their indicators (contribution slot
``goal_status``, read by improvement through ``kit.contrib.goal_statuses``; improvement never
imports this app).

A goal with measured indicators shows the worst of their statuses — behind before on track
before reached — and a badge per indicator; a goal whose indicators were not measured yet
says so; a goal without indicators keeps its hand-set status (improvement says it is set by
hand).
"""

from django.urls import reverse

from lerend.kit.contrib import MeasuredItem, MeasuredStatus

from .selectors.indicators import statuses_for_goals
from .status import Status

# Worst first: the goal takes the first of these any measured indicator has.
ORDER = (Status.BEHIND, Status.ON_TRACK, Status.REACHED)


def goal_status(organisation, goal_ids) -> dict[int, MeasuredStatus]:
    """Goal id -> its computed status, for goals with at least one linked indicator.
    Three queries for any number of goals."""
    found = {}
    for goal_id, rows in statuses_for_goals(organisation, goal_ids).items():
        items = tuple(
            MeasuredItem(
                title=row["indicator"].title,
                status=row["status"],
                label=str(row["label"]),
                url=reverse("monitoring:indicator", args=[organisation.slug, row["indicator"].pk]),
            )
            for row in rows
        )
        measured = {item.status for item in items}
        worst = next((s for s in ORDER if s in measured), Status.NO_DATA)
        found[goal_id] = MeasuredStatus(str(worst), str(Status(worst).label), items)
    return found
