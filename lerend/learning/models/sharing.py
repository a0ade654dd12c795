"""The shares through which an owner lets someone else read a journal entry or a POP."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from lerend.organisations.models import Organisation, Team

from .journal import JournalEntry
from .plan import DevelopmentPlan


class Share(models.Model):
    """The owner lets one person, or one of the owner's teams, read one record.

    Revoking deletes the row, so access ends with the next request."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(
        JournalEntry, null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    plan = models.ForeignKey(
        DevelopmentPlan, null=True, blank=True, on_delete=models.CASCADE, related_name="shares"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="learning_shares_received",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="learning_share_one_record",
                condition=Q(entry__isnull=False, plan__isnull=True)
                | Q(entry__isnull=True, plan__isnull=False),
            ),
            models.CheckConstraint(
                name="learning_share_one_target",
                condition=Q(person__isnull=False, team__isnull=True)
                | Q(person__isnull=True, team__isnull=False),
            ),
        ]

    def __str__(self):
        return f"share {self.pk}"
