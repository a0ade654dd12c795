"""The production path, for real: gunicorn and ``db_worker`` with ``lerend.settings.production``
on PostgreSQL, ``migrate``, ``collectstatic`` and ``check --deploy``, pages through gunicorn
with the proxy's headers, and a mail the worker delivers to a local SMTP server (aiosmtpd).
This is what deploy/README.md tells a server to run; the systemd units start the same
commands.

Needs a PostgreSQL server: it runs when TEST_DATABASE_URL is set (the PostgreSQL pass of
``make test``, always in CI) and makes its own throwaway database there; without it the
test is skipped with a reason (and ``make test`` in CI fails earlier without it)."""

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
VENV = Path(sys.executable).parent
HOST = "lerend.test"
CLIENT = "203.0.113.7"

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
    reason="production smoke test needs PostgreSQL: set TEST_DATABASE_URL (README)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def _get(url: str, headers: dict[str, str], data: bytes | None = None):
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        response = OPENER.open(request, timeout=30)
    except urllib.error.HTTPError as error:  # 3xx without following, 4xx, 5xx
        return error.code, dict(error.headers), error.read().decode()
    return response.status, dict(response.headers), response.read().decode()


def _wait_for(url: str, headers: dict[str, str], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            _get(url, headers)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller  # noqa: PLC0415 — dev dependency, this test only

    class Keep:
        def __init__(self):
            self.messages: list[tuple[list[str], str]] = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((list(envelope.rcpt_tos), envelope.content.decode()))
            return "250 OK"

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller.port, handler
    controller.stop()


@pytest.fixture
def production_db():
    import psycopg  # noqa: PLC0415 — PostgreSQL runs only

    server = dj_database_url.parse(os.environ["TEST_DATABASE_URL"])
    name = f"lerend_smoke_{uuid.uuid4().hex[:8]}"
    auth = server["USER"] + (f":{server['PASSWORD']}" if server.get("PASSWORD") else "")
    base = f"postgres://{auth}@{server['HOST']}:{server['PORT']}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_production_settings_serve_pages_and_send_mail_through_the_worker(
    tmp_path, smtp_sink, production_db
):
    smtp_port, sink = smtp_sink
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "LEREND_", "SENTRY_")) and k != "TEST_DATABASE_URL"
    } | {
        "DJANGO_SETTINGS_MODULE": "lerend.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": production_db,
        "LEREND_VAR_DIR": str(tmp_path / "var"),
        "LEREND_SITE_URL": f"https://{HOST}",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(smtp_port),
        "DJANGO_EMAIL_USE_TLS": "0",
        "DJANGO_DEFAULT_FROM_EMAIL": "Lerend <noreply@lerend.test>",
    }

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"manage.py {' '.join(args)}:\n{done.stderr[-3000:]}"
        return done.stdout + done.stderr

    manage("migrate", "--noinput")
    manage("createcachetable")
    manage("collectstatic", "--noinput")
    assert "no issues" in manage("check", "--deploy", "--fail-level", "WARNING")
    manage(
        "shell",
        "-c",
        "from lerend.accounts.models import User;"
        "User.objects.create_user('smoke@school.example', 'Een lang wachtwoord 42', name='Smoke')",
    )

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    logs = tmp_path / "logs"
    logs.mkdir()
    files = contextlib.ExitStack()  # closed after the processes end, below
    out = {}
    for name in ("web", "web.err", "worker"):
        out[name] = files.enter_context(open(logs / name, "w"))  # noqa: SIM115
    web = subprocess.Popen(
        [
            str(VENV / "gunicorn"),
            "lerend.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--forwarded-allow-ips",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=out["web"],
        stderr=out["web.err"],
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
        cwd=ROOT,
        env=env,
        stdout=out["worker"],
        stderr=subprocess.STDOUT,
    )
    try:
        proxy = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": CLIENT}
        _wait_for(f"{base}/healthz", proxy)

        # Without the proxy's https header every page goes to https.
        status, headers, _ = _get(f"{base}/account/inloggen/", {"Host": HOST})
        assert status == 301 and headers["Location"] == f"https://{HOST}/account/inloggen/"

        # Through the proxy: the page, with HSTS, the request id and the version.
        status, headers, body = _get(
            f"{base}/account/inloggen/", proxy | {"X-Request-ID": "smoke-1"}
        )
        assert status == 200, body[:2000]
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert headers["X-Request-ID"] == "smoke-1"
        assert "Versie " in body

        # A static file, through WhiteNoise from the collected manifest.
        css = re.search(r'href="(/static/web/lerend\.[0-9a-f]+\.css)"', body)
        assert css, "hashed stylesheet link"
        assert _get(f"{base}{css.group(1)}", proxy)[0] == 200

        # Password reset: the form posts, the worker mails through the SMTP server.
        status, headers, body = _get(f"{base}/account/wachtwoord-vergeten/", proxy)
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        cookies = "; ".join(
            c.split(";")[0] for k, c in headers.items() if k.lower() == "set-cookie"
        )
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "email": "smoke@school.example"}
        ).encode()
        status, headers, body = _get(
            f"{base}/account/wachtwoord-vergeten/",
            proxy
            | {
                "Cookie": cookies,
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}/account/wachtwoord-vergeten/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            data=form,
        )
        assert status == 302, body[:2000]
        end = time.monotonic() + 60
        while not sink.messages and time.monotonic() < end:
            time.sleep(0.3)
        assert sink.messages, (logs / "worker").read_text()[-3000:]
        recipients, message = sink.messages[0]
        assert recipients == ["smoke@school.example"]
        assert f"https://{HOST}/account/herstel/" in message.replace("=\r\n", "")

        # Health: every check green, the worker has just finished a task.
        status, _, body = _get(f"{base}/health/", proxy | {"Accept": "application/json"})
        assert status == 200, body
        assert set(json.loads(body).values()) == {"OK"}
    finally:
        for process in (web, worker):
            process.send_signal(signal.SIGTERM)
        for process in (web, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        files.close()
