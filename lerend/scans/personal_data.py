"""Erasure of a person in one organisation, for what scans hold (see contrib.py)."""

from django.db import transaction

from .models import Campaign, ScanInvitation


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: unlinks the person from the invitations they were sent (responses never
    had a link to begin with) and from the campaigns they created in ``organisation``."""
    return {
        "scan_invitations_unlinked": ScanInvitation.objects.filter(
            person=person, campaign__organisation=organisation
        ).update(person=None),
        "campaigns_unnamed": Campaign.objects.filter(
            created_by=person, organisation=organisation
        ).update(created_by=None),
    }
