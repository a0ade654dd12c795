from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import validate_brin, validate_lrk


class Sector(models.TextChoices):
    KINDEROPVANG = "kinderopvang", _("Childcare")
    PO = "po", _("Primary education")
    VO = "vo", _("Secondary education")
    MBO = "mbo", _("Vocational education (mbo)")


class Role(models.TextChoices):
    MEDEWERKER = "medewerker", _("Staff member")
    TEAMLEIDER = "teamleider", _("Team leader")
    LOCATIEMANAGER = "locatiemanager", _("Location manager")
    COACH = "coach", _("Coach")
    BESTUURDER = "bestuurder", _("Board member")
    BEHEERDER = "beheerder", _("Administrator")


class Scope(models.TextChoices):
    ORGANISATION = "organisation", _("Whole organisation")
    LOCATION = "location", _("Location")
    TEAM = "team", _("Team")


K_MIN, K_MAX, K_DEFAULT = 3, 10, 5


def default_two_factor_roles():
    return [Role.BEHEERDER.value, Role.BESTUURDER.value]


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in web addresses"), max_length=60, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold (k)"),
        default=K_DEFAULT,
        validators=[MinValueValidator(K_MIN), MaxValueValidator(K_MAX)],
        help_text=_("Results are shown only for groups of at least this many respondents."),
    )
    two_factor_roles = models.JSONField(
        _("roles that must use two-factor log-in"), default=default_two_factor_roles, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymity_threshold__gte=K_MIN) & Q(anonymity_threshold__lte=K_MAX),
                name="organisation_k_in_range",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_childcare(self) -> bool:
        return self.sector == Sector.KINDEROPVANG


class LocationKind(models.TextChoices):
    KINDERCENTRUM = "kindercentrum", _("Childcare centre")
    KINDERDAGVERBLIJF = "kdv", _("Day nursery")
    BSO = "bso", _("Out-of-school care")
    SCHOOL = "school", _("School")
    VESTIGING = "vestiging", _("School branch")
    OFFICE = "bureau", _("Central office")


class Location(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=LocationKind.choices)
    brin = models.CharField(_("BRIN code"), max_length=6, blank=True, validators=[validate_brin])
    lrk_number = models.CharField(
        _("LRK number"), max_length=9, blank=True, validators=[validate_lrk]
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="location_unique_name")
        ]

    def __str__(self):
        return self.name


class TeamKind(models.TextChoices):
    GROEP = "groep", _("Group")
    SECTIE = "sectie", _("Section")
    TEAM = "team", _("Team")
    BOUW = "bouw", _("Year-group cluster (bouw)")


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=TeamKind.choices)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["location__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["location", "name"], name="team_unique_name")
        ]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        today = on or timezone.localdate()
        return self.filter(
            Q(start_date__lte=today),
            Q(end_date__isnull=True) | Q(end_date__gte=today),
            person__is_active=True,
        )


class Membership(models.Model):
    """A person's role in an organisation, within a scope (whole organisation, location, team)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    fte = models.DecimalField(
        _("FTE"),
        max_digits=3,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(1.2)],
    )
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["organisation", "person"])]
        constraints = [
            models.CheckConstraint(
                name="membership_scope_consistent",
                condition=(
                    Q(scope="organisation", location__isnull=True, team__isnull=True)
                    | Q(scope="location", location__isnull=False, team__isnull=True)
                    | Q(scope="team", team__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="membership_fte_range", condition=Q(fte__gte=0) & Q(fte__lte=1.2)
            ),
            models.CheckConstraint(
                name="membership_dates_ordered",
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} ({self.scope_label})"

    @property
    def scope_label(self) -> str:
        if self.scope == Scope.TEAM and self.team_id:
            return str(self.team)
        if self.scope == Scope.LOCATION and self.location_id:
            return str(self.location)
        return str(self.organisation)


class AuditEntry(models.Model):
    """Who changed what, when — with the values before and after."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=60)
    target_type = models.CharField(max_length=60)
    target_id = models.CharField(max_length=40, blank=True)
    target_repr = models.CharField(max_length=255, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_repr}"


class Invitation(models.Model):
    """An e-mailed, single-use, expiring link to join an organisation in a given role."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.CASCADE)
    fte = models.DecimalField(_("FTE"), max_digits=3, decimal_places=2, default=0)
    # Only a hash of the token is stored: a database leak gives no working links.
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.organisation})"


# --- privacy: retention and erasure requests (docs/privacy.md) ------------------------------

# Defaults in days; docs/privacy.md gives the reasons.
RETENTION_DEFAULTS = {
    "scan_answers_days": 730,
    "comments_days": 365,
    "invitations_days": 90,
    "audit_days": 730,
    "departed_days": 365,
}


def _days(label, default):
    return models.PositiveIntegerField(
        label, default=default, validators=[MinValueValidator(30), MaxValueValidator(3650)]
    )


class RetentionPolicy(models.Model):
    """How long the organisation keeps what (AVG art. 5(1)(e), storage limitation)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="retention_policy"
    )
    scan_answers_days = _days(
        _("raw scan answers, days after the campaign closed"),
        RETENTION_DEFAULTS["scan_answers_days"],
    )
    comments_days = _days(
        _("open scan comments, days after the campaign closed"),
        RETENTION_DEFAULTS["comments_days"],
    )
    invitations_days = _days(
        _("invitation records, days after use or expiry"), RETENTION_DEFAULTS["invitations_days"]
    )
    audit_days = _days(_("audit log entries, days"), RETENTION_DEFAULTS["audit_days"])
    departed_days = _days(
        _("records of people who left, days after their last role ended"),
        RETENTION_DEFAULTS["departed_days"],
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"retention of {self.organisation_id}"


class RetentionRun(models.Model):
    """What one daily retention run removed: counts per app, never names."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="retention_runs"
    )
    ran_at = models.DateTimeField(default=timezone.now)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-ran_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-ran_at"])]

    def __str__(self):
        return f"retention {self.ran_at:%Y-%m-%d}"


class ErasureRequest(models.Model):
    """A person asked their organisation to erase what Lerend holds about them (AVG art. 17).
    The beheerder handles it on the erasure page; erasing the person deletes the request."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="erasure_requests"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests"
    )
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "person"], name="erasure_request_once")
        ]

    def __str__(self):
        return f"erasure request {self.pk}"
