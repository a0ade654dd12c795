"""Erasure of a person in one organisation, for what scans hold (see contrib.py)."""

import datetime

from django.db import transaction
from django.db.models import Q

from lerend.kit.contrib import deleted

from .models import Answer, Campaign, Response, ScanInvitation


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


def _closed_before(cutoff) -> Q:
    return Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, closes_on__lt=cutoff.date())


@transaction.atomic
def retention(organisation, policy, now) -> dict[str, int]:
    """The organisation's retention periods for scans (its ``retention`` slot): raw answers
    and open comments of campaigns closed longer ago than their period are removed (the
    write-time totals the results are read from stay, so the results do not change);
    invitations lose their link to the person. Side effects: Answer rows deleted, Response
    comments emptied, ScanInvitation.person cleared."""
    day = datetime.timedelta(days=1)
    campaigns = Campaign.objects.filter(organisation=organisation)
    old_answers = campaigns.filter(_closed_before(now - policy.scan_answers * day))
    old_comments = campaigns.filter(_closed_before(now - policy.comments * day))
    old_invitations = campaigns.filter(_closed_before(now - policy.invitations * day))
    return {
        "raw_answers": deleted(Answer.objects.filter(response__campaign__in=old_answers)),
        "comments": Response.objects.filter(campaign__in=old_comments)
        .exclude(comments=[])
        .update(comments=[]),
        "invitations_unlinked": ScanInvitation.objects.filter(
            campaign__in=old_invitations, person__isnull=False
        ).update(person=None),
    }
