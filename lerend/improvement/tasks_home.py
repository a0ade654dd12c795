"""Home-page tasks of the improvement cycle (see contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lerend.kit.contrib import Task

from . import rules, selectors
from .models import OPEN_THEME_STATUSES, DevelopmentTheme


def tasks_for(request) -> list[Task]:
    """One task per action whose owner is asked "Did it work?" (one query), and for members
    of the steering group one task when themes wait for a decision (two more)."""
    organisation = request.access.organisation
    return _follow_ups(request, organisation) + _themes_to_decide(request, organisation)


def _themes_to_decide(request, organisation) -> list[Task]:
    if not rules.is_steering_member(request.access):
        return []
    waiting = DevelopmentTheme.objects.filter(
        organisation=organisation, status__in=OPEN_THEME_STATUSES
    ).count()
    if not waiting:
        return []
    url = reverse("improvement:themes", args=[organisation.slug])
    return [
        Task(
            ngettext(
                "%(count)d development theme waits for the steering group's decision",
                "%(count)d development themes wait for the steering group's decision",
                waiting,
            )
            % {"count": waiting},
            url,
        )
    ]


def _follow_ups(request, organisation) -> list[Task]:
    return [
        Task(
            _("Did it work? Look back on “%(title)s”") % {"title": action.title},
            reverse("improvement:follow_up", args=[organisation.slug, action.pk]),
        )
        for action in selectors.open_follow_ups(organisation, request.user)
    ]
