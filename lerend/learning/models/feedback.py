"""Peer feedback: a question to named colleagues, their invites and answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation


class FeedbackRequest(models.Model):
    """A person asks named colleagues one question. Only the requester reads the answers."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    question = models.TextField(_("your question"))
    allow_anonymous = models.BooleanField(_("colleagues may answer anonymously"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.question[:60]


class FeedbackInvite(models.Model):
    """One asked colleague. ``answered`` is a bare flag on purpose — no time, no link to the
    answer: a timestamp here next to the order in which answers were stored would tell the
    requester which anonymous answer is whose."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="invites")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_invites"
    )
    answered = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="learning_invite_once")
        ]

    def __str__(self):
        return f"invite {self.pk}"


class FeedbackAnswer(models.Model):
    """An answer. A named answer carries its ``author``; an anonymous one carries nothing
    that leads back to a person: no author, no invite, no timestamp. The service flips the
    invite's ``answered`` flag and stores this row separately, so even the database does not
    know whose anonymous answer this is."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("your answer"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymous = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="learning_anonymous_answer_has_no_author",
                condition=Q(anonymous=True, author__isnull=True) | Q(anonymous=False),
            )
        ]

    def __str__(self):
        return f"answer {self.pk}"
