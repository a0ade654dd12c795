"""Foundation benchmark: build a scale organisation, then time its busiest pages.

    python -m bench.scale [--staff 15000] [--requests 30]

Writes var/bench/foundation.json. Measures only; the numbers are for reading, not asserting.
"""

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import time

from . import env


def _timed_pages(client, url, requests):
    """Median and p95 server time (ms) over ``requests`` GETs, and the query count of one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Two untimed requests first: URL resolvers, templates and translations load lazily.
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Count now: the next request resets the connection's query log.
    query_count = len(queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, math.ceil(0.95 * len(timings)) - 1)]
    return response.status_code, statistics.median(timings), p95, query_count


def run(*, staff: int = 15000, requests: int = 30) -> list[dict]:
    """Build ``schaal-<staff>`` in the (fresh) bench database and measure. Needs Django set up
    by ``env.setup_django()``."""
    import django
    from django.core.management import call_command
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from lerend.demo import builder
    from lerend.organisations.models import Membership, Role

    rows = []

    def add(measurement, value, unit):
        rows.append({"measurement": measurement, "value": value, "unit": unit})

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    add("migrate fresh SQLite database", round(time.perf_counter() - started, 2), "s")

    started = time.perf_counter()
    outcome = builder.build_scale(staff)
    add(f"build organisation, {staff} staff", round(time.perf_counter() - started, 2), "s")
    org = outcome.organisation
    add("locations", org.locations.count(), "")
    add("teams", org.teams.count(), "")
    add("memberships", Membership.objects.filter(organisation=org).count(), "")

    def person(role):
        return Membership.objects.filter(organisation=org, role=role).order_by("id").first().person

    pages = [("org home", "bestuurder", "/o/{slug}/")]
    pages.append(("org home", "medewerker", "/o/{slug}/"))
    try:
        people_url = reverse("organisations:people", kwargs={"org_slug": org.slug})
        pages.append(("people list", "bestuurder", people_url))
    except NoReverseMatch:
        pass
    for page, role, url in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(person(Role(role)))
        status, median, p95, queries = _timed_pages(client, url.format(slug=org.slug), requests)
        label = f"{page} as {role} ({url.format(slug=org.slug)})"
        add(f"{label}: HTTP status", status, "")
        add(f"{label}: median", round(median, 1), "ms")
        add(f"{label}: p95 of {requests}", round(p95, 1), "ms")
        add(f"{label}: SQL queries", queries, "")

    print_table(f"Foundation benchmark — {staff} staff, SQLite, {os.cpu_count()} CPUs", rows)
    result = {
        "benchmark": "foundation",
        "staff": staff,
        "requests_per_page": requests,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": "sqlite",
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "measurements": rows,
    }
    path = env.BENCH_DIR / "foundation.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path}")
    return rows


def print_table(title, rows):
    cells = [("measurement", "value", "unit")]
    cells += [(row["measurement"], str(row["value"]), row["unit"]) for row in rows]
    widths = [max(len(cell[i]) for cell in cells) for i in range(3)]
    print(f"\n{title}")
    for index, (name, value, unit) in enumerate(cells):
        print(f"{name.ljust(widths[0])}  {value.rjust(widths[1])}  {unit}".rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))
    print()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    args = parser.parse_args(argv)
    env.setup_django()
    run(staff=args.staff, requests=args.requests)


if __name__ == "__main__":
    main()
