"""Enqueue the once-a-day background work (reminders, follow-up questions).

Run it from cron once a day, e.g. ``15 6 * * * .venv/bin/python manage.py daily``; the
``db_worker`` processes pick the tasks up. Django's task framework has no scheduler of its
own, and a cron line is the simplest thing that survives restarts and many app processes.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Enqueue the daily background tasks listed in settings.LEREND_DAILY_TASKS."

    def handle(self, *args, **options):
        for path in settings.LEREND_DAILY_TASKS:
            try:
                task = import_string(path)
            except ImportError:
                self.stderr.write(f"skipped {path}: not available")
                continue
            result = task.enqueue()
            self.stdout.write(f"enqueued {path} ({result.id})")
