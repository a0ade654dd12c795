"""Reads of background work: what happened to the mails of one group."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import MailState, OutboxMail


@dataclass(frozen=True)
class GroupMail:
    total: int
    sent: int
    waiting: int
    failed: int


def group_mail(group: str) -> GroupMail:
    """Counts of the group's mails, in one query."""
    counts = OutboxMail.objects.filter(group=group).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(state=MailState.SENT)),
        failed=Count("pk", filter=Q(state=MailState.FAILED)),
    )
    waiting = counts["total"] - counts["sent"] - counts["failed"]
    return GroupMail(counts["total"], counts["sent"], waiting, counts["failed"])


def failed_mails(group: str, limit: int = 50) -> list[OutboxMail]:
    """The group's given-up mails, newest first, at most ``limit`` (the page says how many
    more there are through group_mail)."""
    return list(
        OutboxMail.objects.filter(group=group, state=MailState.FAILED)
        .only("to", "attempts", "last_error", "next_attempt_at")
        .order_by("-next_attempt_at", "pk")[:limit]
    )
