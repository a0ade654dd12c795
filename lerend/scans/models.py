"""Scans: instrument versions, campaigns, invitations, responses and write-time aggregates.

Anonymity by construction (see docs/anonymity.md): a :class:`Response` has no link to a
person, no time, no IP and no user agent — only the strata frozen at launch and the date.
The person link on :class:`ScanInvitation` exists only so reminders reach non-respondents;
no page shows it.

Strata are stored as plain integers (``location_key``/``team_key``, 0 = none) rather than
foreign keys: they are frozen at launch (a later move of a team must not rewrite history),
deleting a location must not cascade into anonymous results, and the aggregate upsert needs
non-null columns in its unique key (NULLs never conflict in SQL).
"""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import K_MAX, K_MIN, Location, Organisation, Role, Team

from . import disclosure
from .instruments.loader import build_instrument

# --- role groups: the ONE place that maps roles to the strata staff are counted in ----------


class RoleGroup(models.TextChoices):
    LEIDING = "leiding", _("Leadership")
    MEDEWERKERS = "medewerkers", _("Staff members")
    OUDERS = "ouders", _("Parents")
    LEERLINGEN = "leerlingen", _("Pupils")


STAFF_ROLE_GROUPS: dict[str, frozenset[str]] = {
    RoleGroup.LEIDING: frozenset(
        {Role.TEAMLEIDER, Role.LOCATIEMANAGER, Role.BESTUURDER, Role.BEHEERDER, Role.COACH}
    ),
    RoleGroup.MEDEWERKERS: frozenset({Role.MEDEWERKER}),
}


def role_group_for(role: str) -> str:
    for group, roles in STAFF_ROLE_GROUPS.items():
        if role in roles:
            return str(group)
    raise ValueError(f"No role group for role {role!r}")


class Audience(models.TextChoices):
    STAFF = "staff", _("Staff")
    PARENTS = "parents", _("Parents")
    PUPILS = "pupils", _("Pupils")


AUDIENCE_ROLE_GROUP = {Audience.PARENTS: RoleGroup.OUDERS, Audience.PUPILS: RoleGroup.LEERLINGEN}


# --- instruments -----------------------------------------------------------------------------


class InstrumentVersion(models.Model):
    """One frozen instrument. ``definition`` is the instrument as data (the YAML schema of
    lerend.scans.instruments); it never changes once a campaign uses it — a change is a new
    version. ``organisation`` is null for shipped instruments."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="instrument_versions",
    )
    key = models.SlugField(max_length=80)
    version = models.PositiveIntegerField()
    name = models.CharField(_("name"), max_length=200)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    definition = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "version"],
                condition=models.Q(organisation__isnull=True),
                name="instrumentversion_unique_shipped",
            ),
            models.UniqueConstraint(
                fields=["organisation", "key", "version"],
                name="instrumentversion_unique_own",
            ),
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    @cached_property
    def instrument(self):
        return build_instrument(self.definition)


class OrganisationInstrument(models.Model):
    """An organisation's editable copy of an instrument (a draft). Publishing freezes the
    current draft into a new :class:`InstrumentVersion`."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="own_instruments"
    )
    based_on = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="+")
    key = models.SlugField(max_length=80)
    definition = models.JSONField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="owninstrument_unique")
        ]

    def __str__(self):
        return self.definition.get("name", {}).get("nl", self.key)

    @property
    def name(self):
        return build_instrument(self.definition).name


LETTERS_MAX = 120  # letters per group: more than any class or group of children holds

# --- campaigns -------------------------------------------------------------------------------


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Campaign(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="campaigns"
    )
    instrument_version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="campaigns"
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    role_groups = models.JSONField(_("role groups"), default=list, blank=True)
    # Staff campaigns: leaders' strata frozen as one organisation-wide cell at launch, so the
    # split leiding / medewerkers does not cut through teams (docs/anonymity.md).
    leaders_apart = models.BooleanField(default=True)
    locations = models.ManyToManyField(Location, blank=True, related_name="+")
    teams = models.ManyToManyField(Team, blank=True, related_name="+")
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    # Parents' and pupils' campaigns: how many single-use letters each group (class, group
    # of children) gets — one per family or pupil, so at most the group's real size.
    code_use_limit = models.PositiveIntegerField(
        _("letters per group"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(LETTERS_MAX)],
    )
    # False only for campaigns from before single-use letters, answered through shared
    # group codes: their responses cannot be tied to one family, so no results are shown.
    codes_single_use = models.BooleanField(default=True)
    k = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(K_MIN), MaxValueValidator(K_MAX)],
    )
    launched_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    last_reminder_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="campaign_dates_ordered",
            )
        ]

    def __str__(self):
        return self.title

    def status_on(self, day: datetime.date) -> str:
        if self.launched_at is None:
            return CampaignStatus.DRAFT
        if self.closed_at is not None or day > self.closes_on:
            return CampaignStatus.CLOSED
        if day < self.opens_on:
            return CampaignStatus.SCHEDULED
        return CampaignStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self):
        return CampaignStatus(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status == CampaignStatus.OPEN


class StrataMixin(models.Model):
    """The frozen strata of one invitation or response; see the module docstring."""

    location_key = models.PositiveBigIntegerField(default=0)
    team_key = models.PositiveBigIntegerField(default=0)
    role_group = models.CharField(max_length=20, choices=RoleGroup.choices)

    class Meta:
        abstract = True

    @property
    def stratum(self) -> disclosure.Stratum:
        return disclosure.Stratum(self.location_key or None, self.team_key or None, self.role_group)


class ScanInvitation(StrataMixin):
    """The right to answer once. Staff get one each by e-mail; a parent or pupil gets one
    when starting through an access code. Only the sha256 of the token is stored; the token
    itself is an HMAC of ``nonce`` under SECRET_KEY, so a reminder can repeat the same link
    without the database holding a working one.

    ``draft`` holds the answers given so far (so the link can be continued later, on any
    device); it is emptied in the same UPDATE that marks the invitation used. ``used_on`` is
    a date only, like the response, so the two cannot be matched by time."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    # Only for reminders to those who have not answered; never shown anywhere.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    access_code = models.ForeignKey(
        "AccessCode", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    nonce = models.CharField(max_length=32)
    token_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=8, default="nl")
    draft = models.JSONField(default=dict, blank=True)
    mailed_on = models.DateField(null=True, blank=True)
    used_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "person"],
                condition=models.Q(person__isnull=False),
                name="scaninvitation_one_per_person",
            )
        ]
        indexes = [models.Index(fields=["campaign", "used_on"])]

    def __str__(self):
        return f"invitation {self.pk} ({self.campaign_id})"


class AccessCode(models.Model):
    """A single-use letter code (and link) for one family or pupil of one team: starting
    with it creates their own invitation, after which the code is spent (``use_limit`` 1).
    Only the campaign's managers, who hand the letters out, ever see the codes."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="access_codes")
    location_key = models.PositiveBigIntegerField(default=0)
    team_key = models.PositiveBigIntegerField(default=0)
    label = models.CharField(max_length=200)
    code = models.CharField(max_length=12, unique=True)
    use_limit = models.PositiveIntegerField(default=1)
    uses = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["label"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uses__lte=models.F("use_limit")), name="accesscode_within_limit"
            )
        ]

    def __str__(self):
        return self.code


# --- responses and aggregates ----------------------------------------------------------------


class Response(StrataMixin):
    """One submitted questionnaire: strata and date only — deliberately no person, no time,
    no IP, no user agent. Open comments live here (``comments``: a list of
    ``{"question", "dimension", "text"}``) so that submitting stays within its query budget."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField()
    comments = models.JSONField(default=list, blank=True)

    class Meta:
        indexes = [models.Index(fields=["campaign", "location_key", "team_key", "role_group"])]

    def __str__(self):
        return f"response {self.pk} ({self.campaign_id})"


class Answer(models.Model):
    """One closed answer as given (NOT reversed); ``value`` is null for "don't know"."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item_key = models.CharField(max_length=100)
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item_key"], name="answer_unique_item")
        ]

    def __str__(self):
        return f"{self.item_key}={self.value}"


class Aggregate(StrataMixin):
    """Write-time sums of one campaign cell (location, team, role group): ONE table for the
    item rows and the dimension rows, so that a submit adds to both in one
    ``INSERT ... ON CONFLICT DO UPDATE`` (lerend/scans/services_respond.py). Read it through
    the proxies :class:`ItemAggregate` and :class:`DimensionAggregate`.

    A dimension row has ``item_key = ""`` (not NULL: NULLs never conflict); an item row names
    its item and its dimension. Each kind keeps zeros in the other kind's columns
    (``respondents``, ``score_total``, ``score_total_sq`` and ``complete_n`` on item rows).

    n, total and total_sq are over scale answers only, with reverse-scored items already
    reversed (score = points + 1 - value), so a higher score is always more favourable.
    h1..h5 count scores 1..5 (also reversed); ``dont_know`` is counted apart and never part of
    n, a mean or a share.

    Indexes: the unique key starts (campaign, item_key) so that both "the dimension rows of a
    campaign" (``item_key = ''``) and "the item rows of a campaign" (``item_key > ''``) are
    range scans of one index. The cell index (campaign, location, team, role group) serves
    one location or team, and reads over all item rows of a campaign in stored order (see
    results._item_sums). Both start with the campaign, so the foreign key needs no index of
    its own (one index fewer to write for each new row).
    """

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    item_key = models.CharField(max_length=100, blank=True, default="")
    dimension_key = models.CharField(max_length=80)
    n = models.PositiveIntegerField(default=0)
    total = models.PositiveBigIntegerField(default=0)
    total_sq = models.PositiveBigIntegerField(default=0)
    h1 = models.PositiveIntegerField(default=0)
    h2 = models.PositiveIntegerField(default=0)
    h3 = models.PositiveIntegerField(default=0)
    h4 = models.PositiveIntegerField(default=0)
    h5 = models.PositiveIntegerField(default=0)
    dont_know = models.PositiveIntegerField(default=0)
    # dimension rows only (see DimensionAggregate)
    respondents = models.PositiveIntegerField(default=0)
    score_total = models.FloatField(default=0)
    score_total_sq = models.FloatField(default=0)
    complete_n = models.PositiveIntegerField(default=0)
    # both kinds (see ItemAggregate / DimensionAggregate)
    complete_total = models.PositiveBigIntegerField(default=0)
    complete_total_sq = models.PositiveBigIntegerField(default=0)

    # Count columns in the order of the upsert and the bulk fill; every one is added up.
    COUNT_COLUMNS = (
        "n",
        "total",
        "total_sq",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "dont_know",
        "respondents",
        "score_total",
        "score_total_sq",
        "complete_n",
        "complete_total",
        "complete_total_sq",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "campaign",
                    "item_key",
                    "dimension_key",
                    "location_key",
                    "team_key",
                    "role_group",
                ],
                name="aggregate_unique_cell",
            )
        ]
        indexes = [
            models.Index(
                fields=["campaign", "location_key", "team_key", "role_group"],
                name="aggregate_cell",
            )
        ]

    def __str__(self):
        kind = "item " + self.item_key if self.item_key else "dimension " + self.dimension_key
        return f"aggregate {self.pk} ({self.campaign_id}, {kind})"

    @property
    def histogram(self) -> tuple[int, int, int, int, int]:
        return (self.h1, self.h2, self.h3, self.h4, self.h5)


class ItemRows(models.Manager):
    def get_queryset(self):
        # "> ''" rather than "<> ''": the same rows, but a range of the unique index.
        return super().get_queryset().filter(item_key__gt="")


class DimensionRows(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(item_key="")


class ItemAggregate(Aggregate):
    """The item rows of :class:`Aggregate`. ``complete_total`` / ``complete_total_sq`` sum this
    item's score over the respondents who answered EVERY item of its dimension on the scale
    (complete cases, listwise): with the dimension's ``complete_*`` columns they give
    Cronbach's alpha exactly, without reading answers (see lerend/scans/results/stats.py)."""

    objects = ItemRows()

    class Meta:
        proxy = True


class DimensionAggregate(Aggregate):
    """The dimension rows of :class:`Aggregate` (``item_key = ""``): n/total/histogram pool the
    item answers; ``respondents`` counts the responses with at least one scale answer in the
    dimension, and ``score_total`` / ``score_total_sq`` sum each such respondent's mean score
    (for a mean of means and its spread, one number per person).

    ``complete_n`` counts the respondents who answered every item of the dimension on the
    scale; ``complete_total`` / ``complete_total_sq`` sum their dimension TOTAL score (the
    sum over the items) and its square — the variance of the total for Cronbach's alpha."""

    objects = DimensionRows()

    class Meta:
        proxy = True
