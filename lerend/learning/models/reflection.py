"""Team reflections: a team record, not a personal one (docs/decisions/0006)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation, Team


class TeamReflection(models.Model):
    """A team looks back on a period or a project. A team record, not a personal one: the
    team's members and the leaders covering the team read it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    period = models.CharField(_("period or project"), max_length=200, blank=True)
    held_on = models.DateField(_("date"), default=timezone.localdate)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("participants")
    )
    went_well = models.TextField(_("What went well?"), blank=True)
    learned = models.TextField(_("What did we learn?"), blank=True)
    change = models.TextField(_("What do we change?"), blank=True)
    outcomes = models.TextField(_("Outcomes"), blank=True)
    # Actions made from this reflection (they live in the improvement app).
    actions = models.ManyToManyField("improvement.Action", blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return self.title
