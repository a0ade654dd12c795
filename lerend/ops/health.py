"""Health checks for the proxy and the monitoring (``/health/``), through django-health-check.

Each check answers "can this server do its work now?": the database answers, every migration
of the code is applied, the cache stores and returns a value, the disks of ``var/`` and of
the uploaded files have room, and a background worker is alive. The answers name no person,
no organisation and no server path (the checks' ``repr`` is what the page shows).
"""

from __future__ import annotations

import dataclasses
import datetime
import shutil
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from lerend.background.models import WorkerHeartbeat

DEFAULTS = {
    # Below this many megabytes free on the disk of var/ or of the media, the check fails.
    "min_free_mb": 500,
    # A worker that has not beaten (or, without heartbeats, finished a task while work was
    # waiting) for this long counts as gone.
    "worker_silence_seconds": 300,
}


def conf() -> dict:
    return {**DEFAULTS, **getattr(settings, "LEREND_HEALTH", {})}


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Fails while the code has migrations the database has not had (a deploy half done)."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self) -> None:
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")


@dataclasses.dataclass
class FreeDisk(HealthCheck):
    """Fails when the disk holding ``path`` has less than ``min_free_mb`` free. Named by
    ``name`` in the report, never by its path."""

    name: str = "var"
    path: Path | str = dataclasses.field(default=".", repr=False)
    min_free_mb: int | None = dataclasses.field(default=None, repr=False)

    def run(self) -> None:
        minimum = self.min_free_mb if self.min_free_mb is not None else conf()["min_free_mb"]
        path = Path(self.path)
        while not path.exists() and path != path.parent:  # media/ may not exist yet
            path = path.parent
        free_mb = shutil.disk_usage(path).free // (1024 * 1024)
        if free_mb < minimum:
            raise ServiceUnavailable(f"{free_mb} MB free, below {minimum} MB")


def worker_alive(now: datetime.datetime | None = None) -> tuple[bool, str]:
    """Is a background worker alive? Workers write a heartbeat every few seconds
    (``lerend.background``): alive when one beat within the silence limit. An idle queue
    does not excuse a silent worker: work that arrives must find one."""
    now = now or timezone.now()
    limit = datetime.timedelta(seconds=conf()["worker_silence_seconds"])
    if WorkerHeartbeat.objects.filter(beat_at__gte=now - limit).exists():
        return True, "heartbeat"
    return False, "no worker heartbeat"


@dataclasses.dataclass
class Worker(HealthCheck):
    """Fails when no ``db_worker`` is alive (see ``worker_alive``)."""

    def run(self) -> None:
        try:
            alive, why = worker_alive()
        finally:
            connections[DEFAULT_DB_ALIAS].close()
        if not alive:
            raise ServiceUnavailable(why)


def checks() -> list:
    return [
        "health_check.checks.Database",
        (Migrations, {}),
        "health_check.checks.Cache",
        (FreeDisk, {"name": "var", "path": settings.VAR_DIR}),
        (FreeDisk, {"name": "media", "path": settings.MEDIA_ROOT}),
        (Worker, {}),
    ]


class HealthView(HealthCheckView):
    """JSON by default (``?format=text`` or ``openmetrics`` also work): 200 when every check
    passes, 500 otherwise. The library's HTML page carries inline style our CSP refuses."""

    def get_checks(self):
        self.checks = checks()
        return super().get_checks()

    def render_to_response(self, context, **response_kwargs) -> HttpResponse:
        return self.render_to_response_json(response_kwargs.get("status", 200))
