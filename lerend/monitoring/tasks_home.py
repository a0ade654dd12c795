"""Home-page tasks of monitoring: a due well-being round for the person's own groups."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Task

from .selectors import indicators as indicator_selectors
from .selectors import wellbeing as selectors


def tasks_for(request) -> list[Task]:
    access = request.access
    if not access.team_ids:
        return []
    months = indicator_selectors.settings_for(access.organisation).reminder_months
    url = reverse("monitoring:round_create", args=[access.organisation.slug])
    return [
        Task(_("Time for a new well-being round in %(team)s") % {"team": team.name}, url)
        for team in selectors.my_teams_due(access, months)
    ]
