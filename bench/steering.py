"""Steering benchmark: the steering view (issue 17 §3) in a 15,000-staff organisation.

    python -m bench.steering [--staff 15000] [--requests 20]

Builds the scale organisation (``builder.build_scale``), fills two closed rounds of the
59-item lerende-organisatiescan (bulk, as bench/scan.py does; the first moved back a year),
goals, actions and board sessions per team, and monitoring's indicators (bench/monitoring.py's
fill). Then times, through HTTP with a logged-in session, the organisation's steering view as
the bestuurder, a location's as its locatiemanager, a team's as its teamleider, and the
bestuurder's home (which shows the view's top signals):

- cold: the per-process memos of the scan read model cleared before each request (plans,
  per-question plans, sums, the comparison across rounds), as for the first reader in a fresh
  worker;
- warm: the same page again in the same process.

Writes var/bench/steering.json. Measures only; the numbers are for reading.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import time

from . import env

REQUESTS = 20


def _fill_scans(org, board, rng):
    from django.utils import timezone

    from lerend.scans import services
    from lerend.scans.models import Campaign, ScanInvitation

    from .scan import _campaign, _fill

    first = _campaign(org, board, "lerende-organisatiescan", "Scan vorig jaar")
    second = _campaign(org, board, "lerende-organisatiescan", "Scan dit jaar")
    ScanInvitation.objects.filter(campaign__organisation=org).update(mailed_on=first.opens_on)
    answers = _fill(first, rng) + _fill(second, rng)
    for campaign in (first, second):
        services.close_campaign(campaign=campaign, actor=board)
    today = timezone.localdate()
    Campaign.objects.filter(pk=first.pk).update(
        opens_on=today - datetime.timedelta(days=380),
        closes_on=today - datetime.timedelta(days=366),
    )
    Campaign.objects.filter(pk=second.pk).update(
        opens_on=today - datetime.timedelta(days=15), closes_on=today - datetime.timedelta(days=1)
    )
    return answers


def _fill_improvement(org, board, rng):
    from django.utils import timezone

    from lerend.improvement.models import Action, BoardSession, Goal
    from lerend.organisations.models import Team

    today = timezone.localdate()
    teams = list(Team.objects.filter(organisation=org).order_by("pk"))
    Goal.objects.bulk_create(
        Goal(
            organisation=org,
            level="team",
            team=t,
            title=f"Doel {t.name}",
            starts_on=today - datetime.timedelta(days=200),
            ends_on=today + datetime.timedelta(days=rng.choice((-20, 60, 120))),
        )
        for t in teams
    )
    goals = dict(Goal.objects.filter(organisation=org).values_list("team_id", "pk"))
    actions = []
    for t in teams:
        for n in range(3):
            done = n < 2
            actions.append(
                Action(
                    organisation=org,
                    team=t,
                    goal_id=goals[t.pk],
                    title=f"Actie {n}",
                    due_on=today,
                    owner=board,
                    status="klaar" if done else "bezig",
                    follow_up_asked_on=today - datetime.timedelta(days=3) if done else None,
                    outcome=rng.choice(("", "ja", "deels", "nee")) if done else "",
                )
            )
    Action.objects.bulk_create(actions, batch_size=2000)
    BoardSession.objects.bulk_create(
        (
            BoardSession(
                team=t,
                held_on=today - datetime.timedelta(days=rng.randint(0, 60)),
                created_by=board,
            )
            for t in teams
        ),
        batch_size=2000,
    )
    return len(actions)


def _time(client, url, requests, *, cold):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lerend.scans import results

    client.get(url)  # templates, URL resolvers and translations load once per process
    timings = []
    queries = None
    for _ in range(requests):
        if cold:
            results.clear_memos()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return response.status_code, statistics.median(timings), max(timings), queries


def run(*, staff: int = 15000, requests: int = REQUESTS) -> list[dict]:
    from django.core.management import call_command
    from django.test import Client

    from lerend.demo import builder
    from lerend.organisations.models import Membership, Role, Scope

    from .monitoring import fill as fill_monitoring
    from .scale import print_table

    rows = []

    def add(measurement, value, unit=""):
        rows.append({"measurement": measurement, "value": value, "unit": unit})

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    org = builder.build_scale(staff).organisation
    board = Membership.objects.filter(organisation=org, role=Role.BESTUURDER).first().person
    rng = random.Random("bench-steering")
    started = time.perf_counter()
    answers = _fill_scans(org, board, rng)
    actions = _fill_improvement(org, board, rng)
    fill_monitoring(org, rng)
    add(
        "fill: 2 scan rounds, goals/actions/board sessions, indicators",
        round(time.perf_counter() - started, 1),
        "s",
    )
    add("answers (2 rounds of 59 items)", answers)
    add("actions", actions)
    add("locations / teams", f"{org.locations.count()} / {org.teams.count()}")

    def leader(role, scope):
        m = (
            Membership.objects.filter(organisation=org, role=role, scope=scope)
            .select_related("location", "team")
            .order_by("id")
            .first()
        )
        return m

    manager = leader(Role.LOCATIEMANAGER, Scope.LOCATION)
    teamleader = leader(Role.TEAMLEIDER, Scope.TEAM)
    base = f"/o/{org.slug}"
    pages = [
        ("organisation steering view", board, f"{base}/sturen/"),
        ("home (top signals)", board, f"{base}/"),
    ]
    if manager is not None:
        pages.append(
            (
                "location steering view",
                manager.person,
                f"{base}/sturen/locatie/{manager.location_id}/",
            )
        )
    if teamleader is not None:
        pages.append(
            ("team steering view", teamleader.person, f"{base}/sturen/team/{teamleader.team_id}/")
        )
    for label, person, url in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(person)
        status, cold, cold_max, cold_queries = _time(client, url, requests, cold=True)
        _status, warm, warm_max, warm_queries = _time(client, url, requests, cold=False)
        add(f"{label}: HTTP status", status)
        add(f"  cold (memos cleared): median of {requests}", round(cold, 1), "ms")
        add("  cold: slowest", round(cold_max, 1), "ms")
        add(f"  warm: median of {requests}", round(warm, 1), "ms")
        add("  warm: slowest", round(warm_max, 1), "ms")
        add("  SQL queries (cold / warm)", f"{cold_queries} / {warm_queries}")

    print_table(f"Steering benchmark — {staff} staff, SQLite, {os.cpu_count()} CPUs", rows)
    path = env.BENCH_DIR / "steering.json"
    path.write_text(
        json.dumps({"benchmark": "steering", "staff": staff, "measurements": rows}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    print(f"written: {path}")
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.steering", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="timed requests per page")
    args = parser.parse_args(argv)
    env.setup_django()
    run(staff=args.staff, requests=args.requests)


if __name__ == "__main__":
    main()
