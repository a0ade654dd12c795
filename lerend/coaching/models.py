"""Coaching: who coaches whom (assignments), coachplans per person and per team, the log of
sessions with the people who took part, and what the Wet IKK hours norm needs that Lerend
does not know otherwise (LRK registrations and VE-children per location per year, the
average inzet of flexible staff) plus the houder's division of the hours over locations.

Notes and agreements of a session belong to the coachee(s) and the coach. A leader reads
hours and coverage, never content, unless a coachee shares their plan. Who may read what is
decided in ``selectors.py`` only.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Location, Organisation, Team


class CoachingForm(models.TextChoices):
    ON_THE_JOB = "on_the_job", _("Coaching on the job")
    VIB = "vib", _("Video interaction guidance (VIB)")
    TEAM = "team", _("Team coaching")
    WALK_IN = "walk_in", _("Walk-in hour")
    INTERVISION = "intervision", _("Support of intervision")
    CONVERSATION = "conversation", _("Coaching conversation")
    PD = "pd", _("Coaching from the PD catalogue")


class TargetKind(models.TextChoices):
    PERSON = "person", _("Person")
    TEAM = "team", _("Team")
    LOCATION = "location", _("Location")


class Assignment(models.Model):
    """A coach — a member with a coach role or an external coach named here — supports one
    person, one team or one location from ``starts_on`` until ``ends_on``."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="coaching_assignments",
    )
    external_coach = models.CharField(_("external coach"), max_length=150, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="coached_by_assignments",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["organisation", "coach"])]
        constraints = [
            models.CheckConstraint(
                name="coaching_assignment_one_coach",
                condition=(Q(coach__isnull=False, external_coach="") | Q(coach__isnull=True))
                & ~Q(coach__isnull=True, external_coach=""),
            ),
            models.CheckConstraint(
                name="coaching_assignment_one_target",
                condition=(
                    Q(person__isnull=False, team__isnull=True, location__isnull=True)
                    | Q(person__isnull=True, team__isnull=False, location__isnull=True)
                    | Q(person__isnull=True, team__isnull=True, location__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="coaching_assignment_dates_ordered",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
            ),
        ]

    def __str__(self):
        return f"{self.coach_name} → {self.target_name}"

    @property
    def coach_name(self) -> str:
        return self.coach.name if self.coach_id else self.external_coach

    @property
    def target_kind(self) -> str:
        if self.person_id:
            return TargetKind.PERSON
        return TargetKind.TEAM if self.team_id else TargetKind.LOCATION

    @property
    def target_name(self) -> str:
        if self.person_id:
            return self.person.name
        return self.team.name if self.team_id else self.location.name

    @property
    def target_location_id(self) -> int | None:
        """The location whose hours a session on this assignment counts toward, when the
        assignment decides it (a team's or a location's); for a person it is chosen."""
        if self.location_id:
            return self.location_id
        return self.team.location_id if self.team_id else None

    def is_active_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


class CoachingPlan(models.Model):
    """A coachplan for one year, of one person or of one team."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    coachee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="coaching_plans",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coaching_plans_as_coach",
    )
    question = models.TextField(_("coaching question"), blank=True)
    planned_forms = models.JSONField(_("planned forms"), default=list, blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "id"]
        constraints = [
            models.CheckConstraint(
                name="coaching_plan_one_subject",
                condition=Q(coachee__isnull=False, team__isnull=True)
                | Q(coachee__isnull=True, team__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["organisation", "coachee", "year"],
                condition=Q(coachee__isnull=False),
                name="coaching_one_person_plan_per_year",
            ),
            models.UniqueConstraint(
                fields=["organisation", "team", "year"],
                condition=Q(team__isnull=False),
                name="coaching_one_team_plan_per_year",
            ),
        ]

    def __str__(self):
        return f"{self.subject_name} {self.year}"

    @property
    def subject_name(self) -> str:
        return self.coachee.name if self.coachee_id else self.team.name

    @property
    def is_team_plan(self) -> bool:
        return self.team_id is not None

    def forms_display(self) -> list[str]:
        labels = dict(CoachingForm.choices)
        return [str(labels[f]) for f in self.planned_forms if f in labels]


class CoachingGoal(models.Model):
    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("what it looks like when it is reached"), blank=True)
    # Keys of frameworks.registry.block_keys(); validated by the service.
    building_blocks = models.JSONField(_("building blocks"), default=list, blank=True)
    # A goal of the coachee's own POP; only the coachee's own goals can be linked.
    pop_goal = models.ForeignKey(
        "learning.PlanGoal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Keys of the sector's observation rubric domains ("<rubric>.<domain>": the six
    # interaction skills in childcare, the lesson observation guide at a school), offered by
    # collaboration as ``observation_focus``; validated by the service.
    focus_areas = models.JSONField(
        _("interaction skills / lesson domains"), default=list, blank=True
    )
    # An action this (team) goal became on the team board: improvement's id, no foreign key.
    action_id = models.PositiveIntegerField(null=True, blank=True)
    reached = models.BooleanField(_("reached"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.title


class PlanVisit(models.Model):
    """A visit or observation (collaboration's, by id) that is part of a coaching
    trajectory, optionally for one of its goals. Linked by the coachee — the observed person
    — and shown only to the coachee and the coach."""

    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="visits")
    visit_id = models.PositiveIntegerField()
    goal = models.ForeignKey(
        CoachingGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="visits"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "visit_id"], name="coaching_visit_once")
        ]

    def __str__(self):
        return f"{self.plan} visit {self.visit_id}"


class CoachingSession(models.Model):
    """One coaching session: when, how long, in what form, with whom, and what was said and
    agreed. The minutes count toward the hours of ``location``."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    assignment = models.ForeignKey(
        Assignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    plan = models.ForeignKey(
        CoachingPlan, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coaching_sessions_as_coach",
    )
    external_coach = models.CharField(_("external coach"), max_length=150, blank=True)
    held_on = models.DateField(_("date"), default=timezone.localdate)
    minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"), validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    form = models.CharField(_("form"), max_length=20, choices=CoachingForm.choices)
    notes = models.TextField(_("short notes"), blank=True)
    agreements = models.TextField(_("agreements"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A PD activity of kind "coaching" the houder counts as coaching (learning's id): its
    # hours count here once, whatever the number of participants.
    pd_activity_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["organisation", "held_on"]),
            models.Index(fields=["organisation", "location", "held_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                name="coaching_session_minutes_range", condition=Q(minutes__gte=5, minutes__lte=600)
            )
        ]

    def __str__(self):
        return f"{self.get_form_display()} {self.held_on}"

    @property
    def coach_name(self) -> str:
        return self.coach.name if self.coach_id else self.external_coach

    @property
    def hours(self):
        return Decimal(self.minutes) / 60


class Attendee(models.Model):
    """A person who took part in a session: coached this year for the coverage check, and
    a reader of the session's notes."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(CoachingSession, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coaching_attendance"
    )
    # Denormalised from the session so coverage is one indexed lookup per organisation-year.
    year = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["organisation", "year", "person"])]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="coaching_attendee_once")
        ]

    def __str__(self):
        return f"{self.person} @ {self.session}"


class PlanShare(models.Model):
    """The coachee lets one leader read their coachplan with its sessions' notes. Revoking
    deletes the row."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coaching_shares"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "person"], name="coaching_share_once")
        ]

    def __str__(self):
        return f"{self.plan} → {self.person}"


# --- the hours norm ----------------------------------------------------------------------------


class NormYear(models.Model):
    """What the norm of one year needs beyond memberships: the average inzet of flexible
    staff (hours a week over the three months before 1 January), entered by the houder."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    flexible_hours_per_week = models.DecimalField(
        _("flexible staff: average hours a week"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_(
            "The average inzet of flexible staff (on call, temporary) over the three months "
            "before 1 January, in hours a week, all together. 36 hours is one FTE."
        ),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="coaching_norm_year"),
            models.CheckConstraint(
                name="coaching_flexible_hours_positive", condition=Q(flexible_hours_per_week__gte=0)
            ),
        ]

    def __str__(self):
        return f"{self.organisation} {self.year}"


class LocationYear(models.Model):
    """A location's count for the norm of one year: LRK registrations (a combined KDV and BSO
    is two) and VE-children (2.5 to 4 years with an indication) on 1 January."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    registrations = models.PositiveSmallIntegerField(
        _("LRK registrations"), default=1, validators=[MaxValueValidator(20)]
    )
    ve_children = models.PositiveSmallIntegerField(
        _("VE-children on 1 January"), default=0, validators=[MaxValueValidator(999)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["location", "year"], name="coaching_location_year")
        ]

    def __str__(self):
        return f"{self.location} {self.year}"


class Division(models.Model):
    """The houder's division of one year's hours over the locations. Each decision is a new
    version; the newest is the one in force, the older ones stay for the GGD."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField()
    explanation = models.TextField(_("explanation"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "version"], name="coaching_division_version"
            )
        ]

    def __str__(self):
        return f"{self.year} v{self.version}"


class DivisionLine(models.Model):
    division = models.ForeignKey(Division, on_delete=models.CASCADE, related_name="lines")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    policy_hours = models.DecimalField(_("policy hours"), max_digits=8, decimal_places=1, default=0)
    coaching_hours = models.DecimalField(
        _("coaching hours"), max_digits=8, decimal_places=1, default=0
    )
    ve_hours = models.DecimalField(_("VE hours"), max_digits=8, decimal_places=1, default=0)

    class Meta:
        ordering = ["location__name"]
        constraints = [
            models.UniqueConstraint(fields=["division", "location"], name="coaching_line_once"),
            models.CheckConstraint(
                name="coaching_line_hours_positive",
                condition=Q(policy_hours__gte=0, coaching_hours__gte=0, ve_hours__gte=0),
            ),
        ]

    def __str__(self):
        return f"{self.division} {self.location}"

    @property
    def total(self):
        return self.policy_hours + self.coaching_hours + self.ve_hours


class CoverageReminder(models.Model):
    """When a coach or manager was last mailed the list of people not yet coached, so the
    daily task mails each of them at most once a fortnight."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="coaching_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.person} {self.last_sent_on}"
