"""Erasure of a person in one organisation, for what management holds (see contrib.py).

The audit log keeps what happened but no longer who did it, and entries about the person
themself (their roles, their deactivation) lose the name they were written with."""

from django.db import transaction

from lerend.kit.contrib import deleted

from .models import AuditEntry, Invitation, Membership


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: deletes the person's memberships and invitations in ``organisation``;
    clears their name from its audit log and from invitations they sent."""
    memberships = Membership.objects.filter(organisation=organisation, person=person)
    membership_ids = [str(pk) for pk in memberships.values_list("pk", flat=True)]
    entries = AuditEntry.objects.filter(organisation=organisation)
    about_them = entries.filter(target_type="user", target_id=str(person.pk)) | entries.filter(
        target_type="membership", target_id__in=membership_ids
    )
    cleared = about_them.update(target_repr="", before=None, after=None)
    counts = {
        "audit_entries_unnamed": entries.filter(actor=person).update(actor=None) + cleared,
        "invitations_unnamed": Invitation.objects.filter(
            organisation=organisation, invited_by=person
        ).update(invited_by=None),
        "invitations": deleted(
            Invitation.objects.filter(organisation=organisation, email__iexact=person.email)
        ),
        "memberships": deleted(memberships),
    }
    return counts
