"""``manage.py backup`` then ``manage.py restore`` into a fresh database: every row of every
table comes back, and the uploaded files too. On SQLite always; on PostgreSQL (pg_dump /
pg_restore) when the tests run there, into a second throwaway database on the same server."""

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from lerend.organisations.models import Role
from tests.factories import OrganisationFactory, TeamFactory, UserFactory, member

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media_cleanup():
    yield
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "evidence" / "backup-test", ignore_errors=True)


def _fill():
    org = OrganisationFactory(name="Stichting Back-up", slug="backup")
    team = TeamFactory(organisation=org)
    people = [UserFactory(name=f"Persoon {i}", email=f"p{i}@backup.example") for i in range(25)]
    for person in people:
        member(org, Role.MEDEWERKER, team=team, person=person)
    media = Path(settings.MEDIA_ROOT) / "evidence" / "backup-test"
    media.mkdir(parents=True, exist_ok=True)
    (media / "bewijs.txt").write_bytes("Bewijsstuk met é en ü\n".encode())
    return people


def _tables() -> list[str]:
    return sorted(connection.introspection.table_names())


def _rows(cursor, table: str, quote) -> list[tuple]:
    cursor.execute(f"SELECT * FROM {quote(table)}")
    return sorted((tuple(row) for row in cursor.fetchall()), key=repr)


def _restore(folder: Path, database_url: str, var_dir: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lerend.settings.base",
        "DATABASE_URL": database_url,
        "LEREND_VAR_DIR": str(var_dir),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _source_rows(raw) -> dict[str, list[tuple]]:
    """Every row of every table, read through the driver itself (not Django's converters),
    the same way as from the restored database."""
    return {table: _rows(raw.cursor(), table, lambda t: f'"{t}"') for table in _tables()}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup")
def test_sqlite_backup_restores_every_row_and_file_into_a_fresh_database(tmp_path):
    people = _fill()
    call_command("backup", str(tmp_path / "backup"))
    assert {p.name for p in (tmp_path / "backup").iterdir()} == {
        "db.sqlite3",
        "media.tar.gz",
        "manifest.json",
    }
    fresh = tmp_path / "fresh.sqlite3"
    done = _restore(tmp_path / "backup", f"sqlite:///{fresh}", tmp_path / "var")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(connection.settings_dict["NAME"]) as raw:
        source = _source_rows(raw)
    restored = sqlite3.connect(fresh)
    try:
        for table, rows in source.items():
            assert _rows(restored.cursor(), table, lambda t: f'"{t}"') == rows, table
        emails = {r[0] for r in restored.execute("SELECT email FROM accounts_user")}
    finally:
        restored.close()
    assert {p.email for p in people} <= emails
    assert sum(len(rows) for rows in source.values()) > 60
    copied = tmp_path / "var" / "media" / "evidence" / "backup-test" / "bewijs.txt"
    assert copied.read_text() == "Bewijsstuk met é en ü\n"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backup")
def test_postgresql_backup_restores_every_row_and_file_into_a_fresh_database(tmp_path):
    import psycopg  # noqa: PLC0415 — only on PostgreSQL runs

    people = _fill()
    call_command("backup", str(tmp_path / "backup"))
    assert (tmp_path / "backup" / "db.dump").stat().st_size > 0
    db = connection.settings_dict
    fresh = f"lerend_restore_{uuid.uuid4().hex[:8]}"
    server = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        done = _restore(tmp_path / "backup", f"{server}/{fresh}", tmp_path / "var")
        assert done.returncode == 0, done.stderr
        with psycopg.connect(f"{server}/{db['NAME']}") as raw:
            source = _source_rows(raw)
        with psycopg.connect(f"{server}/{fresh}") as restored:
            for table, rows in source.items():
                assert _rows(restored.cursor(), table, lambda t: f'"{t}"') == rows, table
            emails = {r[0] for r in restored.execute("SELECT email FROM accounts_user")}
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
    assert {p.email for p in people} <= emails
    copied = tmp_path / "var" / "media" / "evidence" / "backup-test" / "bewijs.txt"
    assert copied.read_text() == "Bewijsstuk met é en ü\n"


def test_a_damaged_backup_is_refused(tmp_path):
    _fill()
    call_command("backup", str(tmp_path / "backup"))
    with open(tmp_path / "backup" / "media.tar.gz", "ab") as f:
        f.write(b"x")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="not a Lerend backup"):
        call_command("restore", str(tmp_path))
