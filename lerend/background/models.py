"""The mail outbox and the worker heartbeat (docs/operations-tasks.md)."""

from django.db import models
from django.utils import timezone


class MailState(models.TextChoices):
    PENDING = "pending"  # waiting for its turn (or for its next attempt)
    CLAIMED = "claimed"  # taken in a batch by one delivery run, not yet handed to the server
    SENDING = "sending"  # handed to the mail server; acceptance not yet recorded
    SENT = "sent"
    FAILED = "failed"  # given up after the last attempt; shown to whoever owns the group


class OutboxMail(models.Model):
    """One mail to one recipient. ``key`` says what the mail is for (``scans.invitation:17``):
    queueing the same key twice keeps the first, so a task that runs again after a crash
    never mails anyone twice. The body is emptied once the mail is sent: it may hold a
    personal link, and nobody needs it afterwards."""

    key = models.CharField(max_length=150, unique=True)
    group = models.CharField(max_length=80, blank=True, db_index=True)
    organisation_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    # A recurring reminder's way out (kit.mail.Unsubscribe as a dict), for its headers.
    unsubscribe = models.JSONField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=MailState.choices, default=MailState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="outbox_ready"),
            models.Index(fields=["state", "claimed_until"], name="outbox_claims"),
        ]

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """A living ``db_worker`` process beats every few seconds. A RUNNING task whose worker
    has not beaten for the lease time belongs to a dead worker and is put back in the queue."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=255)
    started_at = models.DateTimeField(default=timezone.now)
    beat_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.worker_id
