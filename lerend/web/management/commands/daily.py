"""Enqueue the once-a-day background work (reminders, follow-up questions).

Run it from cron once a day, e.g. ``15 6 * * * .venv/bin/python manage.py daily``; the
``db_worker`` processes pick the tasks up. Django's task framework has no scheduler of its
own, and a cron line is the simplest thing that survives restarts and many app processes.
"""

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from lerend.kit import contrib


class Command(BaseCommand):
    help = "Enqueue the daily background tasks every app names in its contrib.py."

    def handle(self, *args, **options):
        for path in contrib.daily_tasks():
            try:
                task = import_string(path)
            except ImportError:
                self.stderr.write(f"skipped {path}: not available")
                continue
            result = task.enqueue()
            self.stdout.write(f"enqueued {path} ({result.id})")
