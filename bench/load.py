"""``make load``: 200 respondents fill in a scan questionnaire over HTTP, against gunicorn
with 4 workers, on SQLite and (when LOAD_DATABASE_URL or TEST_DATABASE_URL names a
PostgreSQL server) on PostgreSQL.

Each respondent is a real one: their own session (cookies, CSRF token from the form) and
their own invitation token; they arrive spread evenly over ``--arrival`` seconds (60), open
the start page, then for every page GET it and POST answers, then GET the overview and POST
the submit. Prints p50/p95 per request kind, then checks that every acknowledged submit
(a redirect to the thank-you page) is stored exactly once, that no unacknowledged one is,
and that the write-time totals the results are read from equal a recomputation from the
stored answers. Exits non-zero when a check fails.

    python -m bench.load [--db sqlite|postgresql] [--respondents 200] [--arrival 60]
"""

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "load"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RADIO = re.compile(r'type="radio" name="([^"]+)" value="([^"]+)"')


def _database_url(kind: str) -> str:
    if kind == "sqlite":
        VAR.mkdir(parents=True, exist_ok=True)
        db = VAR / "load.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{db}"
    base = os.environ.get("LOAD_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("PostgreSQL: set LOAD_DATABASE_URL (or TEST_DATABASE_URL) to a postgres:// URL")
    import psycopg

    server, _, name = base.rpartition("/")
    name = f"{name}_load"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def _prepare(respondents: int) -> list[str]:
    """Migrate, build an organisation with ``respondents`` staff, launch a campaign; the
    respondents' link tokens."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from lerend.organisations.models import Role
    from lerend.scans import services
    from lerend.scans.models import ScanInvitation
    from tests.factories import LocationFactory, OrganisationFactory, TeamFactory, member

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the shared cache (decision 0021)
    with transaction.atomic():
        org = OrganisationFactory(name="Stichting Belasting", slug="belasting")
        location = LocationFactory(organisation=org, name="De Meet")
        teams = [TeamFactory(location=location, name=f"Groep {n}") for n in range(8)]
        admin = member(org, Role.BEHEERDER)
        for n in range(respondents):
            member(org, Role.MEDEWERKER, team=teams[n % len(teams)])
        today = timezone.localdate()
        campaign = services.create_campaign(
            organisation=org,
            actor=admin,
            instrument_version=services.shipped_version("pulse"),
            title="Pulse onder belasting",
            audience="staff",
            role_groups=("medewerkers",),
            leaders_apart=False,
            teams=teams,
            locations=[],
            opens_on=today,
            closes_on=today + timezone.timedelta(days=14),
        )
        services.launch_campaign(campaign=campaign, actor=admin)
    nonces = ScanInvitation.objects.filter(campaign=campaign).values_list("nonce", flat=True)
    return [services.token_for(nonce) for nonce in nonces]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _warm_up(base: str, workers: int) -> None:
    """Wait until the server answers, then give every worker a first request (not timed)."""
    import requests

    deadline = time.monotonic() + 300
    answered = 0
    while answered < workers * 2:
        try:
            requests.get(f"{base}/vragenlijst/", timeout=60).raise_for_status()
            answered += 1
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class Timings:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.by_kind[kind].append(seconds)


def _respond(base: str, token: str, timings: Timings, acknowledged: set, rng) -> None:
    import requests

    session = requests.Session()

    def timed(kind, method, url, **kwargs):
        started = time.perf_counter()
        response = session.request(method, url, allow_redirects=False, timeout=60, **kwargs)
        timings.add(kind, time.perf_counter() - started)
        if response.status_code >= 400:
            raise RuntimeError(f"{kind} {url}: {response.status_code}")
        return response

    try:
        start = f"{base}/vragenlijst/{token}/"
        timed("start", "GET", start)
        number = 1
        while True:
            page = f"{start}{number}/"
            html = timed("page GET", "GET", page).text
            options: dict[str, list[str]] = defaultdict(list)
            for name, value in RADIO.findall(html):
                options[name].append(value)
            data = {name: rng.choice(values[:-1] or values) for name, values in options.items()}
            data.update(csrfmiddlewaretoken=CSRF.search(html).group(1), action="next")
            after = timed("page POST", "POST", page, data=data, headers={"Referer": page})
            if after.headers["Location"].endswith("/controleren/"):
                break
            number += 1
        review = f"{start}controleren/"
        html = timed("review GET", "GET", review).text
        done = timed(
            "submit",
            "POST",
            review,
            data={"csrfmiddlewaretoken": CSRF.search(html).group(1)},
            headers={"Referer": review},
        )
        if done.status_code == 302 and "/bedankt/" in done.headers["Location"]:
            with timings.lock:
                acknowledged.add(token)
    except Exception as error:  # reported at the end; a lost respondent fails the run
        with timings.lock:
            timings.errors.append(f"{token[:6]}…: {error}")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _check(tokens, acknowledged) -> list[str]:
    from django.db.models import Count

    from bench.scan_fill import rebuild_aggregates
    from lerend.scans import services
    from lerend.scans.models import Aggregate, Campaign, Response, ScanInvitation

    problems = []
    campaign = Campaign.objects.get()
    used = {
        services.token_for(nonce)
        for nonce in ScanInvitation.objects.filter(
            campaign=campaign, used_on__isnull=False
        ).values_list("nonce", flat=True)
    }
    responses = Response.objects.filter(campaign=campaign).count()
    if used != acknowledged:
        problems.append(
            f"{len(used ^ acknowledged)} invitations used without acknowledgement or v.v."
        )
    if responses != len(acknowledged):
        problems.append(f"{responses} responses stored for {len(acknowledged)} acknowledged")
    per_answer = Response.objects.filter(campaign=campaign).annotate(n=Count("answers"))
    if per_answer.filter(n=0).exists():
        problems.append("a response without answers")
    columns = (
        "location_key",
        "team_key",
        "role_group",
        "item_key",
        "dimension_key",
        "n",
        "total",
        "total_sq",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "dont_know",
        "respondents",
        "score_total",
        "score_total_sq",
        "complete_n",
        "complete_total",
        "complete_total_sq",
    )

    def rows():
        found = Aggregate.objects.filter(campaign=campaign).values_list(*columns)
        return sorted(
            tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in found
        )

    live = rows()
    rebuild_aggregates(campaign)
    recomputed = rows()
    if live != recomputed:
        problems.append(
            f"aggregates differ from recomputation ({len(live)} vs {len(recomputed)} rows)"
        )
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--arrival", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)

    url = _database_url(args.db)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.load_settings"
    sys.path.insert(0, str(ROOT))
    print(
        f"== load: {args.respondents} respondents over {args.arrival:.0f} s, "
        f"gunicorn -w {args.workers}, {args.db}"
    )
    tokens = _prepare(args.respondents)

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lerend.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _warm_up(base, args.workers)
        timings, acknowledged = Timings(), set()
        threads = []
        started = time.monotonic()
        for n, token in enumerate(tokens):
            delay = started + n * args.arrival / len(tokens) - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            rng = random.Random(n)
            thread = threading.Thread(
                target=_respond, args=(base, token, timings, acknowledged, rng)
            )
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    print(f"{'request':<12} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in ("start", "page GET", "page POST", "review GET", "submit"):
        values = timings.by_kind.get(kind, [])
        if values:
            print(
                f"{kind:<12} {len(values):>6} {statistics.median(values) * 1000:>8.1f} "
                f"{_percentile(values, 0.95) * 1000:>8.1f} {max(values) * 1000:>8.1f}"
            )
    print(f"acknowledged submits: {len(acknowledged)} of {len(tokens)} in {elapsed:.1f} s")
    problems = [*timings.errors[:10], *_check(tokens, acknowledged)]
    if len(acknowledged) != len(tokens):
        problems.append(f"{len(tokens) - len(acknowledged)} respondents not acknowledged")
    for problem in problems:
        print("PROBLEM:", problem)
    print(
        "checks: every acknowledged response stored once, aggregates equal recomputation: "
        + ("OK" if not problems else "FAILED")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
