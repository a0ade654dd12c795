"""What a person can do now: the tasks every app contributes (``home_tasks`` in its
``contrib.py``), in the order of INSTALLED_APPS."""

from lerend.kit import contrib
from lerend.kit.contrib import Task


def tasks_for(request) -> list[Task]:
    return contrib.home_tasks(request)
