"""``manage.py db_worker``: django-tasks-db's worker, plus a heartbeat and the recovery of
tasks left RUNNING by a worker that died (killed, out of memory, machine restarted).

A thread beats every ``heartbeat_seconds`` and, at start and on every beat, puts back in the
queue the RUNNING tasks whose worker has not beaten for ``lease_seconds``
(settings.LEREND_WORKER; docs/operations-tasks.md). The tasks are idempotent, so the worker
that picks one up again finishes it without repeating what was done.
"""

import logging
import threading

from django.db import close_old_connections, connection
from django.db.utils import OperationalError
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from lerend.background import services

logger = logging.getLogger("lerend.background")


class Heartbeat(threading.Thread):
    def __init__(self, worker_id: str, every: float):
        super().__init__(name="lerend-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.every = every
        self.stopped = threading.Event()

    def tick(self) -> None:
        try:
            services.beat(self.worker_id)
            resumed = services.recover_stuck_tasks()
            if resumed:
                logger.warning("resumed %s task(s) of a gone worker", resumed)
        except OperationalError as error:  # a busy SQLite file: the next beat tries again
            logger.warning("heartbeat skipped: %s", error)
        finally:
            close_old_connections()

    def run(self) -> None:
        try:
            while not self.stopped.wait(self.every):
                self.tick()
        finally:
            connection.close()


class Command(DbWorkerCommand):
    help = "Run a database background worker that beats and resumes tasks of gone workers."

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        heartbeat = Heartbeat(worker_id, services.worker_conf()["heartbeat_seconds"])
        heartbeat.tick()  # at start: resume what a worker that died before us left
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:
            heartbeat.stopped.set()
            heartbeat.join(timeout=5)
            services.stop(worker_id)
