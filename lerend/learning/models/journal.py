"""The reflection journal: entries (private to their owner until shared) and the opt-in weekly
reminder."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation


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
