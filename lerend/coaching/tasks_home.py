"""Home-page tasks and the coach's card (see contrib.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from lerend.kit.contrib import Task, Widget

from . import rules, selectors


def tasks_for(request) -> list[Task]:
    """From July on: coaches and leaders see how many people in their scope were not coached
    yet this year. One query, also before July, so the home page costs the same all year."""
    access = request.access
    if not rules.can_view_hours(access):
        return []
    year = timezone.localdate().year
    missing = selectors.not_coached_count(access, year)
    if not missing or not selectors.is_signal_period():
        return []
    text = ngettext(
        "%(n)s colleague has not been coached yet in %(year)s",
        "%(n)s colleagues have not been coached yet in %(year)s",
        missing,
    ) % {"n": missing, "year": year}
    return [Task(text, reverse("coaching:coverage", args=[access.organisation.slug]))]


def widgets_for(request) -> list[Widget]:
    """The coach's card: whom they support (with this year's sessions), plans shared with
    them, and how many of their people had no session yet. Three queries."""
    access = request.access
    if not rules.is_coach(access):
        return []
    year = timezone.localdate().year
    assignments = list(selectors.assignments_of_coach(access, request.user)[:8])
    context = {
        "assignments": assignments,
        "more": len(assignments) == 8,
        "shared": list(selectors.plans_shared_with(access, request.user)[:5]),
        "not_coached": selectors.supported_not_coached(access, request.user, year),
        "year": year,
    }
    return [Widget(30, "coaching/_home_widget.html", context)]
