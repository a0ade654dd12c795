"""Review conversations: only the plan's owner and the chosen reviewer take part."""

from django.db.models import Q
from django.http import Http404

from ..models import (
    ReviewConversation,
)


def reviews_visible_to(access, user):
    """Review conversations ``user`` takes part in: as the plan's owner or as the reviewer
    the owner chose. Sharing a plan with someone does not show them its conversations."""
    return ReviewConversation.objects.filter(
        Q(plan__owner=user) | Q(reviewer=user), plan__organisation=access.organisation
    ).select_related("plan__owner", "reviewer")


def review_for_viewer(access, user, review_id) -> ReviewConversation:
    review = reviews_visible_to(access, user).filter(pk=review_id).first()
    if review is None:
        raise Http404
    return review


def reviews_to_confirm(access, user):
    """Conversations with notes that ``user`` has not confirmed yet."""
    return (
        reviews_visible_to(access, user)
        .exclude(notes="")
        .filter(
            Q(plan__owner=user, owner_confirmed_at__isnull=True)
            | Q(reviewer=user, reviewer_confirmed_at__isnull=True)
        )
    )
