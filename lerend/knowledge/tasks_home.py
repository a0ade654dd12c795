"""The owner's home task "klopt dit nog?" (see contrib.py): one query."""

from django.urls import reverse
from django.utils.translation import ngettext

from lerend.kit.contrib import Task

from . import selectors


def tasks_for(request) -> list[Task]:
    access = request.access
    due = selectors.entries_to_review(access, request.user).count()
    if not due:
        return []
    text = ngettext(
        "Is what you shared still right? %(n)s entry to check",
        "Is what you shared still right? %(n)s entries to check",
        due,
    ) % {"n": due}
    return [Task(text, reverse("knowledge:index", args=[access.organisation.slug]))]
