"""What we learned (knowledge entries), the search index over everything a person may see,
and the opt-in expertise directory.

Building blocks are stored as lists of registry keys (``frameworks.fields``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.frameworks.fields import validate_block_keys
from lerend.frameworks.registry import block
from lerend.organisations.models import Location, Organisation, Team


class Visibility(models.TextChoices):
    TEAM = "team", _("My team")
    LOCATION = "location", _("My location")
    ORGANISATION = "organisation", _("The whole organisation")


class Status(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PUBLISHED = "gepubliceerd", _("Published")


class OriginKind(models.TextChoices):
    NONE = "", _("Nowhere in particular")
    PD = "scholing", _("A PD activity")
    EXPERIMENT = "experiment", _("An experiment")
    LEARNING_GROUP = "leergroep", _("An intervision or learning group")
    VISIT = "bezoek", _("A visit")
    THEME_PROJECT = "themaproject", _("A development theme and its projects")


VISIBILITY_CONSISTENT = (
    Q(visibility="organisation", team__isnull=True, location__isnull=True)
    | Q(visibility="location", location__isnull=False, team__isnull=True)
    | Q(visibility="team", team__isnull=False, location__isnull=True)
)


class KnowledgeEntry(models.Model):
    """ "Wat we geleerd hebben": one entry from the template. A draft is its owner's alone;
    published, it is read by its audience (team, location or organisation)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    context = models.TextField(
        _("context"), blank=True, help_text=_("Where and why did you start?")
    )
    approach = models.TextField(_("approach"), blank=True, help_text=_("What did you do?"))
    result = models.TextField(_("result"), blank=True, help_text=_("What happened?"))
    learned = models.TextField(_("what we learned"))
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("How do you know? Observations, figures, quotes.")
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact person"),
    )
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    origin_kind = models.CharField(
        _("where it came from"), max_length=20, choices=OriginKind.choices, blank=True
    )
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)
    visibility = models.CharField(
        _("who may read it"), max_length=20, choices=Visibility.choices, default=Visibility.TEAM
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    review_on = models.DateField(_("check again on"))
    review_asked_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["organisation", "review_on"]),
        ]
        constraints = [
            models.CheckConstraint(condition=VISIBILITY_CONSISTENT, name="knowledge_visibility")
        ]

    def __str__(self):
        return self.title

    @property
    def blocks(self):
        return [block(key) for key in self.building_blocks]

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def needs_review(self) -> bool:
        return self.is_published and self.review_on <= timezone.localdate()


class Audience(models.TextChoices):
    ORGANISATION = "organisation"
    LOCATION = "location"
    TEAM = "team"
    PEOPLE = "people"


class SearchEntry(models.Model):
    """One searchable thing of an organisation, copied from an app's ``search_documents``
    (kit.contrib.SearchDocument) with its audience. The full-text part lives beside it: an
    FTS5 table on SQLite (``knowledge_search_fts``, rowid = this id), a generated tsvector
    column with a GIN index on PostgreSQL (migration 0002)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=80)
    # The app label whose search_documents offered the row: one app's part is refreshed on
    # its own when its records change (kit.contrib search_models).
    source = models.CharField(max_length=40, blank=True, default="")
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=400)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    location_id = models.BigIntegerField(null=True, blank=True)
    team_id = models.BigIntegerField(null=True, blank=True)
    # " 12 34 " and " cultuur team ": space-delimited, so one LIKE finds a whole id or key.
    people = models.TextField(blank=True, default="")
    blocks = models.CharField(max_length=400, blank=True, default="")
    # Folded text with synonym tokens (unstemmed): PostgreSQL stems it with 'dutch'.
    title_terms = models.TextField(blank=True, default="")
    body_terms = models.TextField(blank=True, default="")
    digest = models.CharField(max_length=64)
    indexed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["organisation", "audience"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "key"], name="search_entry_once"
            )
        ]

    def __str__(self):
        return f"{self.kind}:{self.key}"

    @property
    def block_keys(self) -> list[str]:
        return self.blocks.split()


class Expertise(models.Model):
    """ "Waar kan ik mee helpen": self-declared, opt-in. Deleting it takes the person out of
    the directory. What shows it (PD followed, groups led, knowledge shared) is shown only
    as far as the person ticked it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    can_help_with = models.TextField(_("what I can help with"))
    building_blocks = models.JSONField(
        _("building blocks"), default=list, blank=True, validators=[validate_block_keys]
    )
    show_pd = models.BooleanField(_("show how many PD activities I followed"), default=False)
    show_groups = models.BooleanField(_("show how many learning groups I led"), default=False)
    show_knowledge = models.BooleanField(_("show the knowledge I shared"), default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "person"], name="expertise_once")
        ]

    def __str__(self):
        return str(self.person)

    @property
    def blocks(self):
        return [block(key) for key in self.building_blocks]
