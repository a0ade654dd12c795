"""Home-page tasks of the learning area, for the lead to wire into the home page."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors


@dataclass(frozen=True)
class Task:
    text: str
    url: str


def tasks_for(request) -> list[Task]:
    """One task per review conversation whose notes this person has not confirmed (one
    query). Only the two people in the conversation ever see it."""
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
    return tasks
