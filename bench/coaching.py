"""Coaching benchmark: the coverage page, the hours page, the norm (page and calculation)
and a coach's home in a 15,000-staff childcare organisation.

    python -m bench.coaching [--staff 15000] [--requests 30]

Turns the scale organisation (``builder.build_scale``) into a childcare organisation (its
locations become kindercentra, so the Wet IKK norm applies) and fills a year of coaching in
bulk, as data: a coach per location with an assignment to it, about 80% of the pedagogisch
medewerkers attended a session (four sessions a team, spread over the year), norm figures
per location and a division. Only reading is timed. Writes var/bench/coaching.json.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import time

from . import env
from .scale import print_table
from .timing import timed_pages


def fill(org, rng) -> dict:
    from django.utils import timezone

    from lerend.coaching.models import (
        Assignment,
        Attendee,
        CoachingSession,
        Division,
        DivisionLine,
        LocationYear,
        NormYear,
    )
    from lerend.organisations.models import Location, Membership, Role, Team

    today = timezone.localdate()
    year = today.year
    org.sector = "kinderopvang"
    org.save(update_fields=["sector"])
    Location.objects.filter(organisation=org).exclude(kind="bureau").update(kind="kindercentrum")
    locations = list(Location.objects.filter(organisation=org).exclude(kind="bureau"))
    coaches = list(
        Membership.objects.filter(organisation=org, role=Role.COACH).values_list(
            "person_id", flat=True
        )
    )
    Assignment.objects.bulk_create(
        Assignment(
            organisation=org,
            coach_id=coaches[i % len(coaches)],
            location=loc,
            starts_on=datetime.date(year, 1, 1),
        )
        for i, loc in enumerate(locations)
    )
    assignments = {a.location_id: a for a in Assignment.objects.filter(organisation=org)}
    LocationYear.objects.bulk_create(
        LocationYear(
            organisation=org,
            location=loc,
            year=year,
            registrations=rng.choice((1, 1, 2)),
            ve_children=rng.randint(0, 20),
        )
        for loc in locations
    )
    NormYear.objects.create(organisation=org, year=year, flexible_hours_per_week=540)
    division = Division.objects.create(organisation=org, year=year, version=1)
    DivisionLine.objects.bulk_create(
        DivisionLine(division=division, location=loc, policy_hours=50, coaching_hours=400)
        for loc in locations
    )
    days = max((today - datetime.date(year, 1, 1)).days, 1)
    staff_by_team: dict[int, list[int]] = {}
    for team_id, person_id in Membership.objects.filter(
        organisation=org, role=Role.MEDEWERKER, team__isnull=False
    ).values_list("team_id", "person_id"):
        staff_by_team.setdefault(team_id, []).append(person_id)
    sessions, attendees = [], []
    for team in Team.objects.filter(organisation=org):
        assignment = assignments.get(team.location_id)
        if assignment is None:
            continue
        people = staff_by_team.get(team.pk, [])
        coached = [p for p in people if rng.random() < 0.8]
        for n in range(4):
            session = CoachingSession(
                organisation=org,
                assignment=assignment,
                location_id=team.location_id,
                coach_id=assignment.coach_id,
                held_on=datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(days)),
                minutes=rng.choice((30, 60, 90)),
                form="team",
                notes="",
            )
            sessions.append(session)
            attendees.append((session, coached[n::4]))
    CoachingSession.objects.bulk_create(sessions, batch_size=1000)
    Attendee.objects.bulk_create(
        (
            Attendee(organisation=org, session=session, person_id=p, year=session.held_on.year)
            for session, people in attendees
            for p in people
        ),
        batch_size=5000,
    )
    return {"coach": coaches[0], "year": year}


def run(*, staff: int = 15000, requests: int = 30) -> list[dict]:
    from django.core.management import call_command
    from django.test import Client

    from lerend.coaching import selectors
    from lerend.coaching.models import Attendee, CoachingSession
    from lerend.demo import builder
    from lerend.organisations.models import Membership, Role

    rows = []

    def add(measurement, value, unit):
        rows.append({"measurement": measurement, "value": value, "unit": unit})

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    org = builder.build_scale(staff).organisation
    CoachingSession.objects.filter(organisation=org).delete()  # idempotent re-runs
    started = time.perf_counter()
    made = fill(org, random.Random(staff))
    add("fill coaching data", round(time.perf_counter() - started, 2), "s")
    add("sessions", CoachingSession.objects.filter(organisation=org).count(), "")
    add("attendances", Attendee.objects.filter(organisation=org).count(), "")

    def person(role):
        return Membership.objects.filter(organisation=org, role=role).order_by("id").first().person

    base = f"/o/{org.slug}/coaching"
    pages = [
        ("coverage page", "bestuurder", f"{base}/dekking/"),
        ("coverage page", "locatiemanager", f"{base}/dekking/"),
        ("hours page", "bestuurder", f"{base}/uren/"),
        ("norm page", "bestuurder", f"{base}/norm/"),
        ("coaching home", "coach", f"{base}/"),
    ]
    for page, role, url in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(person(Role(role)))
        status, median, p95, cpu, queries = timed_pages(client, url, requests)
        label = f"{page} as {role}"
        add(f"{label}: HTTP status", status, "")
        add(f"{label}: median", round(median, 1), "ms")
        add(f"{label}: p95 of {requests}", round(p95, 1), "ms")
        add(f"{label}: CPU median", round(cpu, 1), "ms")
        add(f"{label}: SQL queries", queries, "")

    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        result, *_rest = selectors.norm_for(org, made["year"])
        timings.append((time.perf_counter() - started) * 1000)
    median = round(statistics.median(timings), 1)
    add("norm calculated from the data (norm_for): median", median, "ms")
    add("norm total", str(result.total), "h")

    print_table(f"Coaching benchmark — {staff} staff, SQLite, {os.cpu_count()} CPUs", rows)
    path = env.BENCH_DIR / "coaching.json"
    path.write_text(
        json.dumps({"benchmark": "coaching", "staff": staff, "measurements": rows}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    print(f"written: {path}")
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.coaching", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    args = parser.parse_args(argv)
    env.setup_django()
    run(staff=args.staff, requests=args.requests)


if __name__ == "__main__":
    main()
