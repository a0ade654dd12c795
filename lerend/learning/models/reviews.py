"""Review conversations about a POP (the gesprekscyclus)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .plan import DevelopmentPlan


class ReviewKind(models.TextChoices):
    PLANNING = "planning", _("Planning conversation")
    PROGRESS = "progress", _("Progress conversation")
    ASSESSMENT = "assessment", _("Assessment conversation")


class ReviewConversation(models.Model):
    """A conversation of the review cycle about a POP, with notes both parties confirm."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(_("kind of conversation"), max_length=20, choices=ReviewKind.choices)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    held_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("shared notes"), blank=True)
    owner_confirmed_at = models.DateTimeField(null=True, blank=True)
    reviewer_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on}"

    @property
    def is_confirmed(self) -> bool:
        return bool(self.owner_confirmed_at and self.reviewer_confirmed_at)
