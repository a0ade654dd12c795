"""Ketenpartners (issue 15 §3): the organisations we work with, their contact persons,
agreements with a review date, joint activities, and a two-sided partnership pulse.
Child-level handover data (warme overdracht) stays out of Lerend: an activity records that
a session took place, never about which child."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import validate_block_keys
from lerend.improvement.models import DevelopmentTheme, Goal
from lerend.organisations.models import Location, Organisation


class PartnerKind(models.TextChoices):
    PRIMARY_SCHOOL = "primary_school", _("Primary school")
    SWV = "swv", _("Samenwerkingsverband (special needs partnership)")
    JGZ = "jgz", _("JGZ / consultatiebureau")
    WIJKTEAM = "wijkteam", _("Wijkteam / CJG")
    GEMEENTE = "gemeente", _("Municipality")
    EDUCATION = "education", _("MBO / HBO / teacher-training school")
    CARE = "care", _("Care provider")
    RESEARCH = "research", _("Research")
    OTHER = "other", _("Other")


class Partner(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=PartnerKind.choices)
    place = models.CharField(_("place"), max_length=100, blank=True)
    description = models.TextField(_("what we do together"), blank=True)
    locations = models.ManyToManyField(
        Location, blank=True, related_name="+", verbose_name=_("our locations involved")
    )
    colleagues = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("colleagues who work with this partner"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def default_keep_until():
    return timezone.localdate() + datetime.timedelta(days=730)


class Contact(models.Model):
    """A person at the partner: personal data, kept for the stated purpose until
    ``keep_until`` (the daily task deletes it after that date)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    keep_until = models.DateField(_("keep until"), default=default_keep_until)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class AgreementKind(models.TextChoices):
    COVENANT = "covenant", _("Covenant")
    AGREEMENT = "agreement", _("Cooperation agreement")
    ARRANGEMENT = "arrangement", _("Working arrangement")


class Agreement(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="agreements")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    summary = models.TextField(_("what we agreed"), blank=True)
    starts_on = models.DateField(_("starts on"))
    review_on = models.DateField(_("review on"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who reviews it"),
    )

    class Meta:
        ordering = ["review_on"]

    def __str__(self):
        return self.title


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Consultation (overleg)")
    HANDOVER = "handover", _("Warm handover session")
    TRAINING = "training", _("Shared training")
    INTERNSHIP = "internship", _("Internship places")
    RESEARCH = "research", _("Practice research")


class Activity(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    description = models.TextField(_("what happened, what we learned"), blank=True)
    goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("goal"),
    )
    theme = models.ForeignKey(
        DevelopmentTheme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("development theme"),
    )
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return self.title


class Side(models.TextChoices):
    OURS = "ours", _("Our side")
    THEIRS = "theirs", _("Partners' side")


class Pulse(models.Model):
    """A short partnership pulse, answered through single-use links by our colleagues who
    work with the partners and by the partners' contacts. Answers carry only the side."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    partners = models.ManyToManyField(Partner, related_name="pulses", verbose_name=_("partners"))
    k = models.PositiveSmallIntegerField(default=5)
    closes_on = models.DateField(_("closes on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class PulseLink(models.Model):
    """One single-use link (only its hash is kept). Which side and partner it belongs to
    is frozen on it; the answer it produces links to none of this."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="links")
    side = models.CharField(max_length=10, choices=Side.choices)
    partner = models.ForeignKey(Partner, null=True, on_delete=models.SET_NULL, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)

    def __str__(self):
        return f"link {self.pk}"


class PulseAnswer(models.Model):
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="answers")
    side = models.CharField(max_length=10, choices=Side.choices)
    partner_kind = models.CharField(max_length=20, choices=PartnerKind.choices)
    scores = models.JSONField(default=dict)  # item key -> 1..5

    def __str__(self):
        return f"answer {self.pk}"
