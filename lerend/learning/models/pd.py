"""Professional development (PD): the organisation's catalogue, participation and budgets."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation, Team

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class PdKind(models.TextChoices):
    COURSE = "course", _("Course")
    TRAINING = "training", _("Training")
    STUDY_DAY = "study_day", _("Study day")
    E_LEARNING = "e_learning", _("E-learning")
    CONFERENCE = "conference", _("Conference")
    COACHING = "coaching", _("Coaching")
    ON_THE_JOB = "on_the_job", _("Learning on the job")


class PdActivity(models.Model):
    """An entry of the organisation's PD catalogue."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PdKind.choices)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, default=0, validators=NON_NEGATIVE
    )
    cost = models.DecimalField(
        _("cost per person (euro)"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=NON_NEGATIVE,
    )
    building_blocks = models.JSONField(_("building blocks"), default=list, blank=True)
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(_("last day (optional)"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["organisation", "-starts_on"])]
        constraints = [
            models.CheckConstraint(
                name="learning_pd_ends_after_start",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
            )
        ]

    def __str__(self):
        return self.title


class ParticipationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ATTENDED = "attended", _("Attended")


class Applied(models.TextChoices):
    YES = "ja", _("Yes")
    PARTLY = "deels", _("Partly")
    NO = "nee", _("No")


class Participation(models.Model):
    """One person taking part in one activity, with the write-up for colleagues and the
    answer to "did you apply it?" three months later. Personal: only the person opens it."""

    activity = models.ForeignKey(
        PdActivity, on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pd_participations"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.REGISTERED,
    )
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, default=0, validators=NON_NEGATIVE
    )
    cost_share = models.DecimalField(
        _("cost share (euro)"), max_digits=9, decimal_places=2, default=0, validators=NON_NEGATIVE
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    writeup = models.TextField(_("what you learned"), blank=True)
    writeup_shared = models.BooleanField(_("share with colleagues"), default=False)
    writeup_at = models.DateTimeField(null=True, blank=True)
    applied_asked_on = models.DateField(null=True, blank=True)
    applied = models.CharField(
        _("did you apply it in practice?"), max_length=10, choices=Applied.choices, blank=True
    )
    applied_note = models.TextField(_("explanation"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-activity__starts_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "person"], name="learning_one_participation_per_person"
            )
        ]

    def __str__(self):
        return f"participation {self.pk}"


class PdBudget(models.Model):
    """Money and hours for PD in one year, for one person or one team."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    amount = models.DecimalField(
        _("budget (euro)"), max_digits=10, decimal_places=2, default=0, validators=NON_NEGATIVE
    )
    hours = models.DecimalField(
        _("hours"), max_digits=7, decimal_places=1, default=0, validators=NON_NEGATIVE
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="learning_budget_one_target",
                condition=Q(person__isnull=False, team__isnull=True)
                | Q(person__isnull=True, team__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["organisation", "year", "person"],
                condition=Q(person__isnull=False),
                name="learning_one_person_budget_per_year",
            ),
            models.UniqueConstraint(
                fields=["organisation", "year", "team"],
                condition=Q(team__isnull=False),
                name="learning_one_team_budget_per_year",
            ),
        ]

    def __str__(self):
        return f"budget {self.year}"
