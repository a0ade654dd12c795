"""Settings of the worker processes the crash test starts: the real database task backend,
the slow file mail backend, short leases so the test need not wait minutes."""

import os

from lerend.settings.base import database_config
from lerend.settings.test import *  # noqa: F403

DATABASES = {"default": database_config(os.environ["LEREND_CRASH_DATABASE_URL"])}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAILERS = {"default": {"BACKEND": "tests.background.slow_mail.SlowFileBackend"}}
LEREND_WORKER = {"heartbeat_seconds": 0.5, "lease_seconds": 3}
LEREND_MAIL = {"batch": 10, "claim_seconds": 3, "per_minute": 100000}
