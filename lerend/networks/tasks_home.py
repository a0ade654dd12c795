"""Home tasks: an open advice-network round the person has not answered yet."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Task

from . import selectors


def tasks_for(request):
    access = request.access
    return [
        Task(
            _("Who do you go to for advice? Answer “%(title)s”") % {"title": r.title},
            reverse("networks:respond", args=[access.organisation.slug, r.pk]),
        )
        for r in selectors.open_rounds_for(access)
    ]
