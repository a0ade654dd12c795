"""Home-page tasks and the coach's card (see contrib.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from lerend.kit import cache
from lerend.kit.contrib import Task, Widget
from lerend.organisations.selectors import people_namespace

from . import rules, selectors
from .signals import coaching_namespace


def _namespaces(organisation_id: int):
    return [people_namespace(organisation_id), coaching_namespace(organisation_id)]


def tasks_for(request) -> list[Task]:
    """From July on: coaches and leaders see how many people in their scope were not coached
    yet this year. The count runs over every pedagogisch medewerker in scope, so it is kept
    in the shared cache until a membership or a coaching session changes (kit.cache)."""
    access = request.access
    if not rules.can_view_hours(access) or not selectors.is_signal_period():
        return []
    year = timezone.localdate().year
    scope = selectors.hours_scope(access)
    key = "all" if scope.everything else (sorted(scope.location_ids), sorted(scope.team_ids))
    missing = cache.cached(
        f"not-coached:{access.organisation.pk}:{year}:{key}",
        _namespaces(access.organisation.pk),
        lambda: selectors.not_coached_count(access, year),
    )
    if not missing:
        return []
    text = ngettext(
        "%(n)s colleague has not been coached yet in %(year)s",
        "%(n)s colleagues have not been coached yet in %(year)s",
        missing,
    ) % {"n": missing, "year": year}
    return [Task(text, reverse("coaching:coverage", args=[access.organisation.slug]))]


def widgets_for(request) -> list[Widget]:
    """The coach's card: whom they support (with this year's sessions), plans shared with
    them, and how many of their people had no session yet (cached like the task above)."""
    access = request.access
    if not rules.is_coach(access):
        return []
    year = timezone.localdate().year
    assignments = list(selectors.assignments_of_coach(access, request.user)[:8])
    context = {
        "assignments": assignments,
        "more": len(assignments) == 8,
        "shared": list(selectors.plans_shared_with(access, request.user)[:5]),
        "not_coached": cache.cached(
            f"supported-not-coached:{access.organisation.pk}:{year}:{request.user.pk}",
            _namespaces(access.organisation.pk),
            lambda: selectors.supported_not_coached(access, request.user, year),
        ),
        "year": year,
    }
    return [Widget(30, "coaching/_home_widget.html", context)]
