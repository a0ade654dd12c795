"""Vision, goals, team board and actions: the FOCUS step of the improvement cycle.

Building blocks are stored as lists of registry keys (see ``validators.validate_block_keys``):
the twelve blocks are shipped data, not rows.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lerend.frameworks.registry import block
from lerend.organisations.models import Location, Organisation, Team

from .validators import validate_block_keys

MAX_GOALS_DEFAULT = 3
FOLLOW_UP_WEEKS_DEFAULT = 2


class ImprovementSettings(models.Model):
    """Per-organisation settings of this app; created on first use."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="improvement_settings"
    )
    max_active_goals_per_team = models.PositiveSmallIntegerField(
        _("maximum active goals per team"),
        default=MAX_GOALS_DEFAULT,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("A team with more active goals than this sees a warning: focus beats more."),
    )
    follow_up_weeks = models.PositiveSmallIntegerField(
        _("weeks after the due date to ask 'Did it work?'"),
        default=FOLLOW_UP_WEEKS_DEFAULT,
        validators=[MinValueValidator(0), MaxValueValidator(26)],
    )

    def __str__(self):
        return str(self.organisation)


class Level(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    LOCATION = "location", _("Location")
    TEAM = "team", _("Team")


LEVEL_CONSISTENT = (
    Q(level="organisation", location__isnull=True, team__isnull=True)
    | Q(level="location", location__isnull=False, team__isnull=True)
    | Q(level="team", team__isnull=False, location__isnull=True)
)


class VisionVersion(models.Model):
    """One saved version of a vision. The newest per level is the current one; older ones
    are the history (who changed what, when) and are never edited."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.CASCADE)
    vision = models.TextField(_("vision"), blank=True)
    mission = models.TextField(_("mission"), blank=True)
    core_values = models.TextField(
        _("core values"), blank=True, help_text=_("One core value per line.")
    )
    is_public = models.BooleanField(_("show on the public page for parents"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "level", "location", "team"])]
        constraints = [models.CheckConstraint(condition=LEVEL_CONSISTENT, name="vision_level")]

    def __str__(self):
        return f"{self.get_level_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def core_value_list(self) -> list[str]:
        return [line.strip() for line in self.core_values.splitlines() if line.strip()]


class GoalStatus(models.TextChoices):
    ON_TRACK = "op_koers", _("On track")
    BEHIND = "achter", _("Behind")
    ACHIEVED = "behaald", _("Achieved")
    STOPPED = "gestopt", _("Stopped")


ACTIVE_GOAL_STATUSES = (GoalStatus.ON_TRACK, GoalStatus.BEHIND)


class Goal(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("title"), max_length=200)
    why = models.TextField(_("why"), blank=True)
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    core_value = models.CharField(_("related core value"), max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    indicator = models.TextField(_("how we will know"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.ON_TRACK
    )
    supports = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supported_by",
        verbose_name=_("supports"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["ends_on", "title"]
        indexes = [models.Index(fields=["organisation", "level"])]
        constraints = [
            models.CheckConstraint(condition=LEVEL_CONSISTENT, name="goal_level"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="goal_period_ordered"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_GOAL_STATUSES

    @property
    def blocks(self):
        return [block(key) for key in self.building_blocks]


class ActionStatus(models.TextChoices):
    TODO = "te_doen", _("To do")
    DOING = "bezig", _("Doing")
    DONE = "klaar", _("Done")


class PdcaPhase(models.TextChoices):
    # The phases by their Dutch names on Dutch pages (a half-translated "Plan / Do /
    # Controle / Act" read as English); a context keeps them apart from other "Check"s.
    PLAN = "plan", pgettext_lazy("PDCA phase", "Plan")
    DO = "do", pgettext_lazy("PDCA phase", "Do")
    CHECK = "check", pgettext_lazy("PDCA phase", "Check")
    ACT = "act", pgettext_lazy("PDCA phase", "Act")


class Origin(models.TextChoices):
    BOARD = "bord", _("Board session")
    SCAN = "scan", _("Scan result")
    REFLECTION = "reflectie", _("Reflection")
    VISIT = "bezoek", _("Visit or observation")
    GOAL = "doel", _("Goal")
    OTHER = "anders", _("Other")


class Outcome(models.TextChoices):
    YES = "ja", _("Yes")
    PARTLY = "deels", _("Partly")
    NO = "nee", _("No")


class Action(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="actions", verbose_name=_("team")
    )
    goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("goal"),
    )
    title = models.CharField(_("title"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due date"))
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    pdca_phase = models.CharField(
        _("PDCA phase"), max_length=10, choices=PdcaPhase.choices, default=PdcaPhase.DO
    )
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.BOARD
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.TODO
    )
    # Optimistic concurrency: a move names the version it saw; a stale one is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    follow_up_asked_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        _("did it work?"), max_length=10, choices=Outcome.choices, blank=True
    )
    learned = models.TextField(_("what we learned"), blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["team", "status"]),
            models.Index(fields=["organisation", "follow_up_asked_on"]),
        ]

    def __str__(self):
        return self.title

    @property
    def blocks(self):
        return [block(key) for key in self.building_blocks]

    @property
    def is_overdue(self) -> bool:
        return self.status != ActionStatus.DONE and self.due_on < timezone.localdate()

    @property
    def awaits_outcome(self) -> bool:
        # Only what was done can be asked "Did it work?".
        return (
            self.status == ActionStatus.DONE
            and self.follow_up_asked_on is not None
            and not self.outcome
        )


class ItemKind(models.TextChoices):
    AGREEMENT = "afspraak", _("Agreement")
    SUCCESS = "succes", _("Success to celebrate")
    PROBLEM = "probleem", _("Problem to take up")


class BoardItem(models.Model):
    """An agreement, a success or a problem on a team's board. ``closed_at`` takes it off."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="board_items")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    text = models.CharField(_("text"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["team", "kind", "closed_at"])]

    def __str__(self):
        return self.text


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


class TeamBoard(models.Model):
    """When and where a team holds its weekly board session; created on first use."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="board")
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    starts_at = models.TimeField(_("time"), default=datetime.time(8, 15))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(60)],
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    # Calendar apps cannot log in: the feed URL carries a secret of which only the sha256
    # is kept (lerend.kit.tokens); regenerating it switches off every old subscription.
    feed_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # The first session of the weekly series in the feed: fixed when the schedule is set,
    # so a calendar app does not see the series move every day.
    series_starts_on = models.DateField(null=True, blank=True)

    def __str__(self):
        return str(self.team)


class BoardSession(models.Model):
    """Notes of one board session; the list of them is the team's history."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="board_sessions")
    held_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.team} {self.held_on}"


# --- development themes and the steering group ------------------------------------------


class SteeringGroupMember(models.Model):
    """A member of the organisation's steering group (regiegroep). The bestuurder or
    beheerder appoints them; any member may be one — staff included (distributed
    leadership)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    appointed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "person"], name="steering_once")
        ]

    def __str__(self):
        return str(self.person)


class ThemeStatus(models.TextChoices):
    PROPOSED = "voorgesteld", _("Proposed")
    UNDER_REVIEW = "in_behandeling", _("Under review")
    ADOPTED = "aangenomen", _("Adopted")
    REJECTED = "afgewezen", _("Rejected")
    COMPLETED = "afgerond", _("Completed")


OPEN_THEME_STATUSES = (ThemeStatus.PROPOSED, ThemeStatus.UNDER_REVIEW)


class DevelopmentTheme(models.Model):
    """An ontwikkelthema: proposed by anyone, supported by colleagues, decided by the
    steering group. The latest decision and its reason are shown to every member; earlier
    decisions are in the audit log."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ThemeStatus.choices, default=ThemeStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.title

    @property
    def blocks(self):
        return [block(key) for key in self.building_blocks]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_THEME_STATUSES


class ThemeSupport(models.Model):
    """One colleague supports one theme (at most once: a toggle)."""

    theme = models.ForeignKey(DevelopmentTheme, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["theme", "person"], name="theme_support_once")
        ]

    def __str__(self):
        return f"{self.person_id} → {self.theme_id}"


class ThemeProject(models.Model):
    """A project that carries out an adopted theme, with an owner and the goals it serves."""

    theme = models.ForeignKey(DevelopmentTheme, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="projects", verbose_name=_("goals")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title
