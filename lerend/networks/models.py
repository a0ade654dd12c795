"""Advice-network rounds (issue 15 §2): who asks whom for advice, kept only as long as the
round is open. At closing, the measures per team and the tie counts between teams and
locations are computed and stored; the ties themselves are deleted. Nothing here is ever
shown per person (docs/networks.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Location, Organisation, Team

MAX_PURPOSES = 3
MAX_NAMES = 10  # per purpose: "up to ten colleagues"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class NetworkRound(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    # "Bij wie ga je te rade voor …": one to three endings, e.g. "een lastige situatie op de
    # groep", "nieuwe ideeën voor activiteiten".
    purposes = models.JSONField(default=list)
    purpose_statement = models.TextField(_("why we ask"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    k = models.PositiveSmallIntegerField(default=5)
    min_response_rate = models.PositiveSmallIntegerField(_("minimum response rate (%)"), default=60)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("re-measure of"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return self.title


class Invitation(models.Model):
    """One person on the round's roster, frozen at launch with their team and location.
    ``responded`` is kept after closing: it says who took part, never whom they named."""

    round = models.ForeignKey(NetworkRound, on_delete=models.CASCADE, related_name="invitations")
    # Emptied when the person is erased after the round closed: the counts behind the
    # published totals stay as they were (a changed count would change the plan).
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(Team, null=True, on_delete=models.SET_NULL, related_name="+")
    location = models.ForeignKey(Location, null=True, on_delete=models.SET_NULL, related_name="+")
    responded = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="network_invitation_once")
        ]
        indexes = [models.Index(fields=["round", "team"])]

    def __str__(self):
        return f"invitation {self.pk}"


class Tie(models.Model):
    """ "I go to ``alter`` for advice on purpose ``purpose``" — exists only while the round is
    open; deleted when it closes."""

    round = models.ForeignKey(NetworkRound, on_delete=models.CASCADE, related_name="ties")
    purpose = models.PositiveSmallIntegerField()  # 1..len(purposes)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    alter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "purpose", "respondent", "alter"], name="network_tie_once"
            )
        ]

    def __str__(self):
        return f"tie {self.pk}"


class TeamResult(models.Model):
    """A team's measures for one purpose (0 = all purposes together), computed at closing
    over the team's respondents. Shown only through the gate (``selectors``)."""

    round = models.ForeignKey(NetworkRound, on_delete=models.CASCADE, related_name="team_results")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    purpose = models.PositiveSmallIntegerField(default=0)
    density = models.FloatField()
    reciprocity = models.FloatField(null=True)
    centralisation = models.FloatField()
    isolates_band = models.CharField(max_length=20)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "team", "purpose"], name="network_team_once")
        ]

    def __str__(self):
        return f"team result {self.pk}"


class CrossTies(models.Model):
    """How many ties went from respondents of one unit to people of another (all purposes
    together), for teams and for locations. Counted at closing; shown through the gate with
    small cells suppressed (``measures.tie_matrix``)."""

    class Level(models.TextChoices):
        TEAM = "team", _("Team")
        LOCATION = "location", _("Location")

    round = models.ForeignKey(NetworkRound, on_delete=models.CASCADE, related_name="cross_ties")
    level = models.CharField(max_length=10, choices=Level.choices)
    sender = models.BigIntegerField()
    receiver = models.BigIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "level", "sender", "receiver"], name="network_cross_once"
            )
        ]

    def __str__(self):
        return f"{self.level} {self.sender}->{self.receiver}"
