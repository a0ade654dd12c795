"""Home tasks: agreements with a partner whose review date has come ("klopt dit nog?")."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Task

from . import rules, selectors


def tasks_for(request):
    access = request.access
    if not rules.can_edit(access):
        return []
    return [
        Task(
            _("Review the agreement “%(title)s” with %(partner)s")
            % {"title": a.title, "partner": a.partner.name},
            reverse("partners:detail", args=[access.organisation.slug, a.partner_id]),
        )
        for a in selectors.agreements_due(access)
    ]
