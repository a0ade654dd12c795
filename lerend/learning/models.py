"""Learning at person level: reflection journal, development plan (POP), evidence, review
conversations, and the shares through which an owner lets someone else read a record.

Every record here belongs to one person and is private by default. Who may read what is
decided in ``selectors.py`` only.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation, Team


class Phase(models.TextChoices):
    """Korthagen's reflection cycle (ALACT)."""

    ACTION = "action", _("Action")
    LOOKING_BACK = "looking_back", _("Looking back")
    AWARENESS = "awareness", _("Awareness of essential aspects")
    ALTERNATIVES = "alternatives", _("Alternatives")
    TRIAL = "trial", _("Trial")


class JournalEntry(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("your reflection"))
    phase = models.CharField(
        _("phase of the reflection cycle"), max_length=20, choices=Phase.choices, blank=True
    )
    # Keys of frameworks.registry.block_keys(); validated by the service.
    building_blocks = models.JSONField(_("building blocks"), default=list, blank=True)
    written_on = models.DateField(_("date"), default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_on", "-id"]
        indexes = [models.Index(fields=["organisation", "owner", "-written_on"])]

    def __str__(self):
        return self.title or self.body[:60]

    @property
    def heading(self) -> str:
        return self.title or (self.body[:60] + ("…" if len(self.body) > 60 else ""))


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


class JournalReminder(models.Model):
    """Opt-in: mail me a reminder to write in my journal once a week on this weekday."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"), validators=[MinValueValidator(0), MaxValueValidator(6)]
    )
    last_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="learning_one_reminder_per_person"
            )
        ]

    def __str__(self):
        return f"reminder {self.pk}"


# The second slice lives in its own module to keep each file readable; importing it here is
# what registers its models with Django.
from .models_more import (  # noqa: E402, F401
    Applied,
    FeedbackAnswer,
    FeedbackInvite,
    FeedbackRequest,
    Participation,
    ParticipationStatus,
    PdActivity,
    PdBudget,
    PdKind,
    TeamReflection,
)
