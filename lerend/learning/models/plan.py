"""The development plan (POP): goals with a self-assessment, planned activities and evidence."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation

from .journal import JournalEntry


class DevelopmentPlan(models.Model):
    """A person's POP for one year."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_plans"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "owner", "year"], name="learning_one_plan_per_year"
            )
        ]

    def __str__(self):
        return f"POP {self.year} — {self.owner}"


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class PlanGoal(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("what you want to learn, and why"), blank=True)
    building_blocks = models.JSONField(_("building blocks"), default=list, blank=True)
    # Hook for linking a personal goal to a team or organisation goal (a later slice).
    improvement_goal = models.ForeignKey(
        "improvement.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The journal entry whose insight became this goal, if any.
    source_entry = models.ForeignKey(
        JournalEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start_score = models.PositiveSmallIntegerField(
        _("self-assessment at the start (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    start_note = models.TextField(_("explanation at the start"), blank=True)
    end_score = models.PositiveSmallIntegerField(
        _("self-assessment at the end (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    end_note = models.TextField(_("explanation at the end"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="learning_goal_scores_1_5",
                condition=(
                    (Q(start_score__isnull=True) | Q(start_score__gte=1, start_score__lte=5))
                    & (Q(end_score__isnull=True) | Q(end_score__gte=1, end_score__lte=5))
                ),
            )
        ]

    def __str__(self):
        return self.title


class PlannedActivity(models.Model):
    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="activities")
    description = models.CharField(_("activity"), max_length=300)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["planned_for", "id"]

    def __str__(self):
        return self.description


class EvidenceKind(models.TextChoices):
    TEXT = "text", _("Text")
    LINK = "link", _("Link")
    FILE = "file", _("File")


class Evidence(models.Model):
    """Portfolio item. Files live in the default storage under a random name and are
    served only through the ownership-checking download view."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="evidence")
    goal = models.ForeignKey(
        PlanGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), blank=True, max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title
