"""MONITOR, the last step of the cycle: indicators with check-ins, children's well-being and
involvement (Laevers) per group, and the experiments and implementation log.

Links to other apps are kept loose on purpose: goals and development themes are linked by
id (``IndicatorLink``) and read through improvement's selectors, building blocks are
registry keys. No model here names a child: a well-being observation carries a token the
group chose (a number or a pseudonym), never a name.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import validate_block_keys
from lerend.frameworks.registry import block

# An indicator sits at a level the way a goal does (one definition, with its constraint).
from lerend.improvement.models import LEVEL_CONSISTENT, Level
from lerend.organisations.models import Location, Organisation, Team

WELLBEING_THRESHOLD_DEFAULT = 10
WELLBEING_THRESHOLD_MIN, WELLBEING_THRESHOLD_MAX = 5, 30
REMINDER_MONTHS_DEFAULT = 6


class MonitoringSettings(models.Model):
    """Per-organisation settings of this app; created on first use."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="monitoring_settings"
    )
    wellbeing_threshold = models.PositiveSmallIntegerField(
        _("minimum number of observed children per group"),
        default=WELLBEING_THRESHOLD_DEFAULT,
        validators=[
            MinValueValidator(WELLBEING_THRESHOLD_MIN),
            MaxValueValidator(WELLBEING_THRESHOLD_MAX),
        ],
        help_text=_(
            "A group's well-being profile and its imported results are shown only from this "
            "many children on."
        ),
    )
    reminder_months = models.PositiveSmallIntegerField(
        _("months between well-being rounds"),
        default=REMINDER_MONTHS_DEFAULT,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    def __str__(self):
        return str(self.organisation)


class IndicatorKind(models.TextChoices):
    PROCESS = "proces", _("Process (how do we learn?)")
    OUTCOME = "uitkomst", _("Outcome (what does it bring children?)")


class Direction(models.TextChoices):
    HIGHER = "hoger", _("Higher is better")
    LOWER = "lager", _("Lower is better")


class Cadence(models.TextChoices):
    MONTHLY = "maand", _("Every month")
    QUARTERLY = "kwartaal", _("Every quarter")
    HALF_YEARLY = "halfjaar", _("Every six months")
    YEARLY = "jaar", _("Every year")


CADENCE_DAYS = {
    Cadence.MONTHLY: 30,
    Cadence.QUARTERLY: 91,
    Cadence.HALF_YEARLY: 182,
    Cadence.YEARLY: 365,
}


class Source(models.TextChoices):
    MANUAL = "handmatig", _("Entered by hand")
    IMPORT = "import", _("Imported per group (CSV)")
    POP_SHARE = "pop", _("Lerend: % of staff with a development plan (POP) this year")
    BOARD_SESSIONS = "bordsessies", _("Lerend: board sessions held this year")
    VISITS_HELD = "bezoeken", _("Lerend: visits and observations held this year")
    PD_APPLIED = "toegepast", _("Lerend: % of PD participants who applied it in practice")
    SCAN_BLOCK = "scan", _("Lerend: building-block score in the latest scan")
    RESPONSE_RATE = "respons", _("Lerend: response rate of the latest staff scan")
    COACHING_COVERAGE = "coaching", _("Lerend: % of staff coached this year")


COMPUTED_SOURCES = (
    Source.POP_SHARE,
    Source.BOARD_SESSIONS,
    Source.VISITS_HELD,
    Source.PD_APPLIED,
    Source.SCAN_BLOCK,
    Source.RESPONSE_RATE,
    Source.COACHING_COVERAGE,
)


class Indicator(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("location"),
    )
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("team"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it tells us"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=IndicatorKind.choices)
    unit = models.CharField(
        _("unit"), max_length=30, blank=True, help_text=_("For example %, sessions, score 1–5.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=10, decimal_places=2)
    baseline_on = models.DateField(_("baseline measured on"), default=timezone.localdate)
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=2)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    cadence = models.CharField(
        _("how often we measure"), max_length=20, choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    scan_block = models.CharField(_("building block of the scan"), max_length=60, blank=True)
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    archived = models.BooleanField(_("archived"), default=False)

    class Meta:
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["organisation", "level", "archived"])]
        constraints = [
            models.CheckConstraint(condition=LEVEL_CONSISTENT, name="indicator_level"),
            models.CheckConstraint(
                condition=Q(target_on__isnull=True) | Q(target_on__gt=F("baseline_on")),
                name="indicator_target_after_baseline",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def blocks(self):
        return [block(key) for key in self.building_blocks]

    @property
    def is_computed(self) -> bool:
        return self.source in COMPUTED_SOURCES


class LinkKind(models.TextChoices):
    GOAL = "doel", _("Goal")
    THEME = "thema", _("Development theme")


class IndicatorLink(models.Model):
    """An indicator serves a goal or a development theme of the improvement app, linked by id:
    that app owns its records and is read only through its selectors."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=LinkKind.choices)
    target_id = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "kind", "target_id"], name="link_once")
        ]
        indexes = [models.Index(fields=["kind", "target_id"])]

    def __str__(self):
        return f"{self.indicator_id} → {self.kind} {self.target_id}"


class Confidence(models.TextChoices):
    HIGH = "hoog", _("Confident")
    MEDIUM = "midden", _("Somewhat confident")
    LOW = "laag", _("Worried")


class CheckInSource(models.TextChoices):
    MANUAL = "handmatig", _("By hand")
    IMPORT = "import", _("Import")
    COMPUTED = "berekend", _("Computed by Lerend")


class CheckIn(models.Model):
    """One measurement. ``team`` is set for imported group-level data (one row per group, never
    per child); the indicator's value on a day is then the mean over the groups."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="check_ins")
    measured_on = models.DateField(_("measured on"), default=timezone.localdate)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    children = models.PositiveIntegerField(_("number of children"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=10, decimal_places=2)
    confidence = models.CharField(
        _("how confident are you?"),
        max_length=10,
        choices=Confidence.choices,
        default=Confidence.MEDIUM,
    )
    note = models.CharField(_("short note"), max_length=300, blank=True)
    source = models.CharField(
        max_length=10, choices=CheckInSource.choices, default=CheckInSource.MANUAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["measured_on", "id"]
        indexes = [models.Index(fields=["indicator", "measured_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"],
                condition=Q(team__isnull=True),
                name="check_in_once_per_day",
            ),
            models.UniqueConstraint(
                fields=["indicator", "measured_on", "team"],
                condition=Q(team__isnull=False),
                name="check_in_once_per_day_and_group",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.measured_on}: {self.value}"


# --- children's well-being and involvement (Laevers) -------------------------------------

SCALE = (1, 2, 3, 4, 5)


class ContextFactor(models.TextChoices):
    """What may explain a group's profile; the team ticks what applies."""

    STAFFING = "bezetting", _("Staff changes or shortage")
    NEW_CHILDREN = "nieuwe_kinderen", _("Many new children in the group")
    SPACE = "ruimte", _("Room and materials")
    OFFER = "aanbod", _("Activities on offer")
    DAY_RHYTHM = "dagritme", _("Day rhythm and transitions")
    GROUP_SIZE = "groepsgrootte", _("Group size or mix of ages")
    HOME = "thuis", _("Events at home or in the neighbourhood")
    SEASON = "seizoen", _("Season, illness, holidays")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "afgesloten", _("Closed")


class WellbeingRound(models.Model):
    """A scanning round in one group: children observed in short episodes at two moments on
    different days. Children are numbered tokens chosen by the group."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    first_on = models.DateField(_("first moment"))
    second_on = models.DateField(_("second moment"))
    status = models.CharField(max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    reflection = models.TextField(_("what may explain this profile?"), blank=True)
    context_factors = models.JSONField(_("context factors"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-first_on", "-id"]
        indexes = [models.Index(fields=["organisation", "team", "first_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(first_on=F("second_on")), name="round_two_different_days"
            )
        ]

    def __str__(self):
        return f"{self.team} {self.first_on}"

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class WellbeingScore(models.Model):
    """One child (a token, never a name) at one moment: well-being and involvement, 1..5."""

    round = models.ForeignKey(WellbeingRound, on_delete=models.CASCADE, related_name="scores")
    child = models.CharField(_("child (number or pseudonym)"), max_length=20)
    moment = models.PositiveSmallIntegerField(choices=((1, _("First")), (2, _("Second"))))
    wellbeing = models.PositiveSmallIntegerField(
        _("well-being"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    involvement = models.PositiveSmallIntegerField(
        _("involvement"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["moment", "child", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "child", "moment"], name="score_once"),
            models.CheckConstraint(
                condition=Q(wellbeing__gte=1, wellbeing__lte=5)
                & Q(involvement__gte=1, involvement__lte=5),
                name="score_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.round_id} {self.child} {self.moment}"


# --- experiments and the implementation log ----------------------------------------------


class ExperimentStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    RUNNING = "loopt", _("Running")
    FINISHED = "afgerond", _("Finished")


class Decision(models.TextChoices):
    STOP = "stoppen", _("Stop")
    ADAPT = "bijstellen", _("Adapt")
    SCALE_UP = "opschalen", _("Scale up")


class Experiment(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    hypothesis = models.TextField(_("hypothesis: what we expect"), blank=True)
    change = models.TextField(_("the change we try"))
    teams = models.ManyToManyField(Team, blank=True, related_name="+", verbose_name=_("where"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who leads it"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    indicator = models.ForeignKey(
        Indicator,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiments",
        verbose_name=_("what we measure"),
    )
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    status = models.CharField(
        max_length=20, choices=ExperimentStatus.choices, default=ExperimentStatus.PLANNED
    )
    result = models.TextField(_("result"), blank=True)
    lessons = models.TextField(_("what we learned"), blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    celebrated = models.BooleanField(_("celebrate it on the timeline"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="experiment_period_ordered"
            )
        ]

    def __str__(self):
        return self.title


class ExperimentLinkKind(models.TextChoices):
    GOAL = "doel", _("Goal")
    THEME = "thema", _("Development theme")
    PD = "scholing", _("PD activity")


class ExperimentLink(models.Model):
    """What an experiment belongs to or draws on, in other apps, linked by id: a goal, a
    development theme (improvement) or a PD activity (learning)."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=ExperimentLinkKind.choices)
    target_id = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["experiment", "kind", "target_id"], name="experiment_link_once"
            )
        ]

    def __str__(self):
        return f"{self.experiment_id} → {self.kind} {self.target_id}"


class ImplementationStep(models.Model):
    """A planned step of an experiment in one team; ``done_on`` marks it carried out."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="steps")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    description = models.CharField(_("step"), max_length=200)
    planned_on = models.DateField(_("planned for"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["planned_on", "id"]

    def __str__(self):
        return self.description


class WellbeingReminder(models.Model):
    """When a group was last reminded that a new well-being round is due (one row per group;
    the daily task claims it with a conditional update, so a group gets one mail per period)."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="+")
    last_sent_on = models.DateField()

    def __str__(self):
        return f"{self.team_id} {self.last_sent_on}"
