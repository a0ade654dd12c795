"""Home-page tasks of management (see contrib.py): open invitations and teams without a
leader, requests to erase, for whoever may manage the organisation (three queries)."""

from django.urls import reverse
from django.utils.translation import ngettext

from lerend.kit.contrib import Task

from . import rules, selectors
from .models import ErasureRequest


def tasks_for(request) -> list[Task]:
    access = request.access
    if not rules.can_manage_organisation(access):
        return []
    slug = access.organisation.slug
    tasks = []
    open_invitations = selectors.open_invitation_count(access.organisation)
    if open_invitations:
        tasks.append(
            Task(
                ngettext(
                    "%(n)d invitation has not been accepted yet",
                    "%(n)d invitations have not been accepted yet",
                    open_invitations,
                )
                % {"n": open_invitations},
                reverse("organisations:overview", args=[slug]),
            )
        )
    leaderless = selectors.teams_without_leader(access.organisation)
    if leaderless:
        tasks.append(
            Task(
                ngettext(
                    "%(n)d team has no team leader",
                    "%(n)d teams have no team leader",
                    leaderless,
                )
                % {"n": leaderless},
                reverse("organisations:overview", args=[slug]),
            )
        )
    requests = ErasureRequest.objects.filter(organisation=access.organisation).count()
    if requests:
        tasks.append(
            Task(
                ngettext(
                    "%(n)d person asked for their data to be erased",
                    "%(n)d people asked for their data to be erased",
                    requests,
                )
                % {"n": requests},
                reverse("organisations:privacy", args=[slug]),
            )
        )
    return tasks
