"""What a person can do now, composed from the apps. Each source adds tasks only for the
people it concerns; later capabilities (scans, board, journal) add their own sources here."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lerend.collaboration.tasks_home import tasks_for as collaboration_tasks
from lerend.improvement.tasks_home import tasks_for as improvement_tasks
from lerend.learning.tasks_home import tasks_for as learning_tasks
from lerend.organisations import rules, selectors


@dataclass(frozen=True)
class Task:
    text: str
    url: str


def tasks_for(request) -> list[Task]:
    access = request.access
    user = request.user
    slug = access.organisation.slug
    tasks = []
    if not user.has_two_factor:
        tasks.append(
            Task(_("Protect your account with two-step log-in"), reverse("accounts:profile"))
        )
    if rules.can_manage_organisation(access):
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
    tasks += improvement_tasks(request)
    tasks += learning_tasks(request)
    tasks += collaboration_tasks(request)
    return tasks
