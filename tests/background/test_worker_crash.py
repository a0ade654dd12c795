"""A worker killed (SIGKILL) half-way through a campaign's invitations: after a restart the
task is found stuck, resumed, and every invited person has exactly one mail — none lost,
none twice. Real processes, a real database (a fresh SQLite file, or a fresh PostgreSQL
database when TEST_DATABASE_URL points at PostgreSQL), the real django-tasks-db queue."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAFF = 60
BLOCK_AT = 25  # the worker hangs handing over the 25th mail, and is killed there


def _postgres_url():
    url = os.environ.get("TEST_DATABASE_URL", "")
    return url if url.startswith("postgres") else None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'crash.sqlite3'}"
        return
    base = _postgres_url()
    if base is None:
        pytest.skip("PostgreSQL: set TEST_DATABASE_URL to a postgres:// URL")
    import psycopg

    server, _, name = base.rpartition("/")
    name = f"{name}_crash"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(database_url, sink, **extra):
    env = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.background.worker_settings",
        LEREND_CRASH_DATABASE_URL=database_url,
        LEREND_SINK=str(sink),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def _run(env, *args):
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _worker(env, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _wait(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _state(database_url):
    """The queue and the outbox, read straight from the database."""
    task_sql = (
        "SELECT status, worker_ids, task_path FROM django_tasks_database_dbtaskresult "
        "ORDER BY enqueued_at"
    )
    outbox_sql = "SELECT state, COUNT(*) FROM background_outboxmail GROUP BY state"
    if database_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=20) as conn:
            rows, outbox = conn.execute(task_sql).fetchall(), conn.execute(outbox_sql).fetchall()
    else:
        import psycopg

        with psycopg.connect(database_url) as conn:
            rows, outbox = conn.execute(task_sql).fetchall(), conn.execute(outbox_sql).fetchall()
    tasks = [
        {
            "status": status,
            "workers": len(json.loads(workers) if isinstance(workers, str) else workers),
            "name": path,
        }
        for status, workers, path in rows
    ]
    return {"tasks": tasks, "outbox": dict(outbox)}


def _lines(sink):
    return [json.loads(line) for line in sink.read_text().splitlines()] if sink.exists() else []


def test_killed_worker_resumes_and_every_invitation_arrives_exactly_once(database_url, tmp_path):
    sink = tmp_path / "sink.jsonl"
    env = _env(database_url, sink)
    _run(env, "manage.py", "migrate", "--noinput", "-v", "0")
    world = json.loads(_run(env, "-m", "tests.background.scenario", "setup", str(STAFF)))

    log = (tmp_path / "worker.log").open("w")
    first = _worker({**env, "LEREND_BLOCK_AT": str(BLOCK_AT)}, log)
    try:
        _wait(lambda: Path(str(sink) + ".hanging").exists(), 120, "the first worker to hang")
        assert len(_lines(sink)) == BLOCK_AT - 1
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    stuck = _state(database_url)
    assert [t["status"] for t in stuck["tasks"]] == ["RUNNING"]  # stays so without recovery
    assert stuck["outbox"]["sent"] == BLOCK_AT - 1

    second = _worker(env, log)
    try:

        def finished():
            now = _state(database_url)
            return now["outbox"] == {"sent": STAFF} and all(
                t["status"] == "SUCCESSFUL" for t in now["tasks"]
            )

        _wait(finished, 120, "every mail to be sent and every task to finish")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=20)
        log.close()

    delivered = _lines(sink)
    recipients = sorted(line["to"][0] for line in delivered)
    assert recipients == world["emails"]  # each invited person once: none lost, none twice
    assert len({line["key"] for line in delivered}) == STAFF
    final = _state(database_url)
    # The task the first worker held was resumed by the second (two workers on its record).
    assert final["tasks"][0]["name"] == "lerend.scans.tasks.send_campaign_mails"
    assert final["tasks"][0]["workers"] == 2
    assert "put back in the queue" in (tmp_path / "worker.log").read_text()
