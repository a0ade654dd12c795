"""Home-page tasks of the learning area (see contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Task, Widget

from . import selectors


def tasks_for(request) -> list[Task]:
    """One task per review conversation whose notes this person has not confirmed, per
    unanswered feedback invite, and per "did you apply it?" question (three queries). Each
    is seen only by the person it is for."""
    access = request.access
    slug = access.organisation.slug
    tasks = []
    for review in selectors.reviews_to_confirm(access, request.user):
        other = review.reviewer if review.plan.owner_id == request.user.pk else review.plan.owner
        tasks.append(
            Task(
                _("Confirm the notes of your %(kind)s with %(name)s")
                % {"kind": review.get_kind_display().lower(), "name": other.name},
                reverse("learning:review_detail", args=[slug, review.pk]),
            )
        )
    for invite in selectors.pending_invites(access, request.user):
        tasks.append(
            Task(
                _("%(name)s asks you for feedback") % {"name": invite.request.requester.name},
                reverse("learning:feedback_answer", args=[slug, invite.pk]),
            )
        )
    for participation in selectors.participations_to_answer(access, request.user):
        tasks.append(
            Task(
                _("Did you apply %(title)s in practice?") % {"title": participation.activity.title},
                reverse("learning:participation_applied", args=[slug, participation.pk]),
            )
        )
    return tasks


def widgets_for(request) -> list[Widget]:
    """The card "Shared with you": the newest journal entries and POPs others shared with
    this person or their team (one query; nothing when there are none)."""
    shares = list(selectors.recent_shares_with(request.access, request.user))
    if not shares:
        return []
    return [Widget(25, "learning/_home_shared.html", {"shares": shares})]
