"""Home-page tasks of the improvement cycle, for the lead to wire into ``web.tasks``."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors


@dataclass(frozen=True)
class Task:
    text: str
    url: str


def tasks_for(request) -> list[Task]:
    """One task per action whose owner is asked "Did it work?" (one query)."""
    organisation = request.access.organisation
    return [
        Task(
            _("Did it work? Look back on “%(title)s”") % {"title": action.title},
            reverse("improvement:follow_up", args=[organisation.slug, action.pk]),
        )
        for action in selectors.open_follow_ups(organisation, request.user)
    ]
