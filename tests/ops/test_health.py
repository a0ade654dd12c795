"""/health/ answers for the proxy and the monitoring: 200 when the server can work, 500 with
the failing check named when it cannot; no log-in needed and no personal data shown."""

import datetime
import json

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lerend.ops import health
from tests.factories import OrganisationFactory, UserFactory


def _task(**fields):
    now = timezone.now()
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="lerend.web.tasks.nothing",
        backend_name="default",
        queue_name="default",
        run_after=fields.pop("run_after", now),
        **fields,
    )


@pytest.mark.django_db(transaction=True)
def test_health_page_is_green_without_log_in_and_names_no_person(client):
    _beat(timezone.now())
    OrganisationFactory(name="Kinderopvang Geheim", slug="geheim")
    UserFactory(name="Fenna Verborgen", email="fenna@geheim.example")
    response = client.get("/health/")
    assert response.status_code == 200, response.content
    report = json.loads(response.content)
    assert set(report.values()) == {"OK"}
    names = " ".join(report)
    for check in ("Database", "Migrations", "Cache", "Worker", "FreeDisk(name='var')"):
        assert check in names
    assert "FreeDisk(name='media')" in names
    body = response.content.decode()
    for secret in ("Geheim", "geheim", "Fenna", "Verborgen", str(connection.settings_dict["NAME"])):
        assert secret not in body
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db(transaction=True)
def test_health_page_fails_when_a_migration_is_not_applied(client):
    recorder = MigrationRecorder(connection)
    last = max(name for app, name in recorder.applied_migrations() if app == "organisations")
    recorder.record_unapplied("organisations", last)
    try:
        response = client.get("/health/?format=text")
    finally:
        recorder.record_applied("organisations", last)
    assert response.status_code == 500
    assert "Migrations(alias='default'): Unavailable: 1 migration(s) not applied" in response.text
    assert "Database(alias='default'): OK" in response.text


@pytest.mark.django_db
def test_free_disk_check_fails_below_the_minimum(tmp_path):
    health.FreeDisk(name="media", path=tmp_path / "not-yet", min_free_mb=1).run()
    with pytest.raises(health.ServiceUnavailable, match="MB free, below"):
        health.FreeDisk(name="media", path=tmp_path, min_free_mb=10**12).run()


@pytest.mark.django_db
def _beat(at):
    from lerend.background.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker_id="w1", defaults={"pid": 1, "host": "test", "beat_at": at}
    )


@pytest.mark.django_db
def test_worker_is_alive_only_while_it_beats():
    now = timezone.now()
    # No worker has ever beaten: not alive, even with an idle queue (work must find one).
    assert health.worker_alive(now) == (False, "no worker heartbeat")
    _beat(now - datetime.timedelta(seconds=5))
    assert health.worker_alive(now) == (True, "heartbeat")
    # Ten minutes later that beat is old news: the worker is gone.
    assert health.worker_alive(now + datetime.timedelta(minutes=10)) == (
        False,
        "no worker heartbeat",
    )


@pytest.mark.django_db(transaction=True)
def test_health_page_fails_when_work_waits_and_no_worker_runs(client):
    _task(status="READY", run_after=timezone.now() - datetime.timedelta(hours=1))
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    assert json.loads(response.content)["Worker()"] == "Unavailable: no worker heartbeat"
