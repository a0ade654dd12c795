"""Backup and restore of the database and the uploaded files (docs/operations.md).

A backup is a folder with
- ``db.sqlite3`` (SQLite, made with the online backup API while the site keeps running) or
  ``db.dump`` (PostgreSQL, ``pg_dump --format=custom``),
- ``media.tar.gz``, every file under ``MEDIA_ROOT``,
- ``manifest.json``: engine, Lerend version, time, and the files' SHA-256.

Restore puts both back into the database and the media folder the settings name. A
PostgreSQL restore uses ``pg_restore --clean --if-exists --no-owner``; restore into an
empty (fresh) database or one you mean to overwrite.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

import lerend

MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"no backup for database engine {vendor!r}")
    return vendor


def _pg_args(alias: str) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore, the password through the environment."""
    db = settings.DATABASES[alias]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def backup(target: Path, alias: str = "default") -> dict:
    target.mkdir(parents=True, exist_ok=True)
    engine = _engine(alias)
    if engine == "sqlite":
        db_file = target / "db.sqlite3"
        connection = connections[alias]
        connection.ensure_connection()
        destination = sqlite3.connect(db_file)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        db_file = target / "db.dump"
        args, env = _pg_args(alias)
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(db_file), *args], env)
    media_file = target / MEDIA
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(media_file, "w:gz") as tar:
        if media_root.exists():
            for path in sorted(media_root.rglob("*")):
                tar.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
    manifest = {
        "engine": engine,
        "lerend_version": lerend.__version__,
        "created": timezone.now().isoformat(),
        "files": {p.name: _sha256(p) for p in (db_file, media_file)},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(source: Path, alias: str = "default") -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{source} holds no {MANIFEST}: not a Lerend backup") from error
    for name, digest in manifest["files"].items():
        if _sha256(source / name) != digest:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")
    engine = _engine(alias)
    if engine != manifest["engine"]:
        raise BackupError(f"backup is of {manifest['engine']}, this database is {engine}")
    connections[alias].close()
    if engine == "sqlite":
        backup_db = sqlite3.connect(source / "db.sqlite3")
        destination = sqlite3.connect(settings.DATABASES[alias]["NAME"])
        try:
            backup_db.backup(destination)
        finally:
            backup_db.close()
            destination.close()
    else:
        args, env = _pg_args(alias)
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                *args,
                str(source / "db.dump"),
            ],
            env,
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA, "r:gz") as tar:
        tar.extractall(media_root, filter="data")  # refuses absolute paths and ../
    return manifest
