"""Learning together: learning groups (PLG, intervisie, leerteam, kenniskring) with their
meetings, and visits/observations (lesbezoek, groepsobservatie, collegiale visitatie) with
feedback, plus lesson co-design.

Who sees what is decided in ``selectors.py`` only. A visit belongs to the observed person:
only the observed and the observers see it, others only through a ``VisitShare`` the
observed made. Meeting notes belong to the group: leaders see that a group meets, not what
was said.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.improvement.models import Action
from lerend.organisations.models import Location, Organisation, Team


class GroupKind(models.TextChoices):
    PLG = "plg", _("Professional learning community (PLG)")
    INTERVISION = "intervisie", _("Intervision group")
    LEARNING_TEAM = "leerteam", _("Learning team")
    KNOWLEDGE_CIRCLE = "kenniskring", _("Knowledge circle")


class GroupRole(models.TextChoices):
    MEMBER = "lid", _("Member")
    COORDINATOR = "coordinator", _("Coordinator")


class LearningGroup(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of group"), max_length=20, choices=GroupKind.choices)
    name = models.CharField(_("name"), max_length=200)
    theme = models.TextField(_("theme"), blank=True)
    # Keys of frameworks.registry.block_keys(); validated by the service.
    building_blocks = models.JSONField(_("building blocks"), default=list, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="GroupMembership", related_name="learning_groups"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class GroupMembership(models.Model):
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(
        _("role in the group"), max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    joined_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["person__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="collab_one_membership")
        ]

    def __str__(self):
        return f"{self.person} in {self.group}"


class GroupMeeting(models.Model):
    group = models.ForeignKey(LearningGroup, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"), default=datetime.time(15, 30))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    method_key = models.CharField(_("intervision method"), max_length=60, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    case_bringer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("case-bringer"),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Notes per step of the guided session: {"1": "...", "2": "..."}.
    step_notes = models.JSONField(default=dict, blank=True)
    action_points = models.TextField(_("action points"), blank=True)
    actions = models.ManyToManyField(Action, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-starts_at", "-id"]
        indexes = [models.Index(fields=["group", "date"])]

    def __str__(self):
        return f"{self.group} {self.date:%d-%m-%Y}"

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()


class CalendarFeed(models.Model):
    """A person's secret calendar link for the meetings of their groups."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Only the sha256 of the secret in the link (lerend.kit.tokens): a copy of the database
    # opens no calendar.
    token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "person"], name="collab_one_feed")
        ]

    def __str__(self):
        return f"calendar of {self.person}"  # never the token


# --- visits ---------------------------------------------------------------------------------


class VisitKind(models.TextChoices):
    LESSON = "lesbezoek", _("Lesson visit")
    GROUP_OBSERVATION = "groepsobservatie", _("Group observation")
    PEER_REVIEW = "visitatie", _("Peer review visit (collegiale visitatie)")


class VisitStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    HELD = "gehouden", _("Held")


class LessonDesign(models.Model):
    """Gezamenlijk lesontwerp: colleagues design a lesson together, one of them teaches it,
    the others observe (the visit links to the design)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("lesson goal"), blank=True)
    plan = models.TextField(_("lesson plan"), blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="lesson_designs", verbose_name=_("designed with")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title


class Visit(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of visit"), max_length=20, choices=VisitKind.choices)
    observed = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="visits_received",
        verbose_name=_("observed person"),
    )
    observers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="visits_made", verbose_name=_("observers")
    )
    external_observers = models.CharField(
        _("visitors from outside (names)"), max_length=300, blank=True
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("team")
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("location")
    )
    date = models.DateField(_("date"))
    rubric_key = models.CharField(_("observation guide"), max_length=60, blank=True)
    focus_question = models.TextField(_("focus question"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    # Formative by design: there is no way to turn a visit into an assessment.
    formative = models.BooleanField(default=True, editable=False)
    tops = models.TextField(_("tops: what went well"), blank=True)
    tips = models.TextField(_("tips: what could grow"), blank=True)
    feedback_notes = models.TextField(_("notes of the feedback conversation"), blank=True)
    # Collegiale visitatie only.
    self_evaluation = models.TextField(_("self-evaluation"), blank=True)
    programme = models.TextField(_("programme of the day"), blank=True)
    report = models.TextField(_("report"), blank=True)
    lesson_design = models.ForeignKey(
        LessonDesign,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visits",
        verbose_name=_("lesson design"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organisation", "observed"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(formative=True), name="visit_formative")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d-%m-%Y}"

    @property
    def is_peer_review(self) -> bool:
        return self.kind == VisitKind.PEER_REVIEW


class Observation(models.Model):
    """What was seen for one rubric item. The item text is kept, so that an observation
    stays readable when the organisation later changes its core values."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="observations")
    item_key = models.CharField(max_length=100)
    item_text = models.CharField(max_length=300)
    level = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "item_key"], name="collab_one_observation")
        ]

    def __str__(self):
        return self.item_key


class VisitShare(models.Model):
    """The observed person lets one more person read the visit. Revocable: deleting it ends
    access at once."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["visit", "person"], name="collab_one_share")]

    def __str__(self):
        return f"visit {self.visit_id} shared with {self.person}"
