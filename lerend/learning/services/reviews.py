"""Review conversations: planning them, their shared notes and both confirmations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..models import (
    ReviewConversation,
)


@transaction.atomic
def create_review(*, access, plan, kind, reviewer, held_on=None) -> ReviewConversation:
    """The owner plans a review conversation with a coach or leader who covers them."""
    if not selectors.share_target_people(access, plan.owner).filter(pk=reviewer.pk).exists():
        raise ValidationError({"reviewer": _("Choose a coach or leader who covers you.")})
    return ReviewConversation.objects.create(
        plan=plan, kind=kind, reviewer=reviewer, held_on=held_on or timezone.localdate()
    )


@transaction.atomic
def save_review_notes(*, review, notes, held_on=None) -> ReviewConversation:
    """Saves the shared notes. Any change to the notes clears BOTH confirmations: what was
    confirmed is no longer what is written."""
    fields = []
    if notes != review.notes:
        review.notes = notes
        review.owner_confirmed_at = None
        review.reviewer_confirmed_at = None
        fields += ["notes", "owner_confirmed_at", "reviewer_confirmed_at"]
    if held_on and held_on != review.held_on:
        review.held_on = held_on
        fields.append("held_on")
    if fields:
        review.save(update_fields=fields)
    return review


@transaction.atomic
def confirm_review(*, review, person) -> ReviewConversation:
    """Records that ``person`` (owner or reviewer) agrees with the notes as they are now."""
    if not review.notes.strip():
        raise ValidationError(_("There are no notes to confirm yet."))
    now = timezone.now()
    if person.pk == review.plan.owner_id:
        review.owner_confirmed_at = now
        review.save(update_fields=["owner_confirmed_at"])
    elif person.pk == review.reviewer_id:
        review.reviewer_confirmed_at = now
        review.save(update_fields=["reviewer_confirmed_at"])
    else:
        raise ValidationError(_("Only the two people in the conversation confirm the notes."))
    return review
