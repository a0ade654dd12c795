"""Crawl every organisation page of the scale organisation as its bestuurder.

    python -m bench.crawl [--staff 15000] [--requests 10] [--reuse]

Builds ``schaal-<staff>`` with the demo content of every app (so list and detail pages have
objects), enumerates every organisation URL from the URL resolver, fills each URL kwarg with
the apps' ``url_objects`` (as ``tests/test_tenancy_matrix.py`` does), and times each GET as
the bestuurder. Prints the slowest ten with their median, p95 and query count, and the
people picker's search endpoint. ``--reuse`` keeps the crawl database between runs (building
15,000 people takes minutes): it lives in var/bench/crawl.sqlite3, apart from the database
the other benchmarks delete and rebuild. Writes var/bench/crawl.json. Measures only.
"""

import argparse
import datetime
import json
import os
import re
import time

from . import env

CRAWL_DB = env.BENCH_DIR / "crawl.sqlite3"
ORG_PREFIX = "o/<slug:org_slug>/"
# Kwargs that are keys of shipped data, not objects of the organisation (as in the matrix).
PLAIN_KWARGS = {
    "method_key": "incidentmethode",
    "rubric_key": "klas",
    "key": "cultuur",
    "block": "cultuur",
    "practice": "intervisie",
}


def _walk(patterns, prefix=""):
    from django.urls import URLPattern, URLResolver

    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def org_routes() -> list[str]:
    from django.urls import get_resolver

    return sorted({r for r in _walk(get_resolver().url_patterns) if r.startswith(ORG_PREFIX)})


def build_or_reuse(staff: int):
    """The scale organisation with every app's demo content, built once per database."""
    from django.core.management import call_command

    from lerend.demo import builder, content
    from lerend.organisations.models import Organisation

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    slug = f"{builder.SCALE_PREFIX}{staff}"
    marker = env.BENCH_DIR / f"crawl-{staff}.built"
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is not None and marker.exists():
        return existing, None
    started = time.perf_counter()
    outcome = builder.build_scale(staff, rebuild=True)
    content.add_content(outcome.organisation)
    marker.write_text(slug + "\n", encoding="utf-8")
    return outcome.organisation, time.perf_counter() - started


def fill_url(route: str, org, finders, people) -> str | None:
    url = route.replace("<slug:org_slug>", org.slug)
    for conv, name in re.findall(r"<(?:(\w+):)?(\w+)>", url):
        token = f"<{conv}:{name}>" if conv else f"<{name}>"
        if name in PLAIN_KWARGS:
            value = PLAIN_KWARGS[name]
        elif name in people:
            value = people[name]
        elif name in finders:
            value = finders[name](org)
        else:
            return None
        if value is None:
            return None
        url = url.replace(token, str(value))
    return "/" + url


def _bestuurder(org):
    from lerend.organisations.models import Membership, Role

    return (
        Membership.objects.filter(organisation=org, role=Role.BESTUURDER)
        .order_by("id")
        .first()
        .person
    )


def _people_kwargs(org) -> dict:
    from lerend.organisations.models import Location, Membership, Role, Team

    staff = Membership.objects.filter(organisation=org, role=Role.MEDEWERKER).order_by("id")
    return {
        "team_id": Team.objects.filter(organisation=org)
        .order_by("id")
        .values_list("pk", flat=True)
        .first(),
        "location_id": Location.objects.filter(organisation=org)
        .order_by("id")
        .values_list("pk", flat=True)
        .first(),
        "person_id": staff.values_list("person_id", flat=True).first(),
    }


def _get(client, url):
    """A GET read to its last byte: a streamed export is timed whole, not to its headers."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def _measure(client, url, requests):
    """(status, median ms, p95 ms, queries, bytes) of GETs of ``url``."""
    import math
    import statistics

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _get(client, url)  # warm: lazy imports, templates, translations
    with CaptureQueriesContext(connection) as queries:
        response, body = _get(client, url)
    status, size, count = response.status_code, len(body), len(queries)
    if status != 200:
        return status, None, None, count, size
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        _get(client, url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, math.ceil(0.95 * len(timings)) - 1)]
    return status, statistics.median(timings), p95, count, size


def _search_figures(org, person, requests) -> list[dict]:
    """The people picker's search endpoint as the bestuurder: organisation-wide scope,
    a common fragment (many matches), a rare one, and the first page without a query."""
    from django.test import Client, RequestFactory
    from django.urls import reverse

    from lerend.organisations import picker
    from lerend.organisations.access import resolve_access

    request = RequestFactory().get("/")
    request.user, request.organisation = person, org
    request.access = resolve_access(person, org)
    token = picker.scope(request, "improvement.people").token
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(person)
    base = reverse("organisations:people_search", kwargs={"org_slug": org.slug})
    cases = (
        ("no query (own team first)", "", 1),
        ("'an' (thousands match)", "an", 1),
        ("'an', page 20", "an", 20),
        ("'persoon14999' (one e-mail)", "persoon14999", 1),
    )
    return search_rows(client, base, token, cases, "people search", requests)


def search_rows(client, base, token, cases, prefix, requests) -> list[dict]:
    """One timed row per (label, query, page) of a picker's search endpoint."""
    from urllib.parse import urlencode

    rows = []
    for label, query, page in cases:
        url = f"{base}?{urlencode({'scope': token, 'q': query, 'page': page, 'field': 'x'})}"
        status, median, p95, queries, size = _measure(client, url, requests)
        rows.append(
            {
                "page": f"{prefix}: {label}",
                "status": status,
                "median_ms": median,
                "p95_ms": p95,
                "queries": queries,
                "bytes": size,
            }
        )
    return rows


def run(org, *, requests: int = 10) -> list[dict]:
    import django
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import resolve

    from lerend.kit import contrib

    person = _bestuurder(org)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(person)
    finders = contrib.url_objects()
    people = {k: v for k, v in _people_kwargs(org).items() if v is not None}
    rows, skipped = [], []
    for route in org_routes():
        url = fill_url(route, org, finders, people)
        if url is None:
            skipped.append(route)
            continue
        started = time.perf_counter()
        status, median, p95, queries, size = _measure(client, url, requests)
        rows.append(
            {
                "page": url.replace(f"/o/{org.slug}", ""),
                "view": resolve(url).func.__module__.replace("lerend.", "")
                + "."
                + resolve(url).func.__name__,
                "status": status,
                "median_ms": median,
                "p95_ms": p95,
                "queries": queries,
                "bytes": size,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    search = _search_figures(org, person, requests)
    timed = sorted((r for r in rows if r["median_ms"] is not None), key=lambda r: -r["median_ms"])
    staff = get_user_model().objects.filter(memberships__organisation=org).distinct().count()
    print(f"\nCrawl as the bestuurder — {org.slug}, {staff} people, SQLite, {os.cpu_count()} CPUs")
    print(
        f"{len(rows)} pages fetched ({len(timed)} with 200, timed {requests}x each), "
        f"{len(skipped)} routes without an object to fill"
    )
    over = [r for r in timed if r["median_ms"] > 100]
    print(f"over 100 ms median: {len(over)}")
    _print("Slowest ten", timed[:10])
    home = [
        r for r in rows if r["page"] == "/" or "results" in r["view"] and "dashboard" in r["view"]
    ]
    _print("Home page and scan results dashboard (the lead engineer's, reported only)", home)
    _print("People picker search endpoint", search)
    statuses = {}
    for r in rows:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    print("status codes:", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    if skipped:
        print("not filled:", ", ".join(skipped))
    result = {
        "benchmark": "crawl",
        "organisation": org.slug,
        "people": staff,
        "requests_per_page": requests,
        "cpu_count": os.cpu_count(),
        "django": django.get_version(),
        "database": "sqlite",
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "pages": rows,
        "search": search,
        "skipped": skipped,
    }
    path = env.BENCH_DIR / "crawl.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path}")
    return rows


def _print(title, rows):
    print(f"\n{title}")
    head = ("page", "status", "median ms", "p95 ms", "queries", "KB")
    cells = [head] + [
        (
            r["page"][:70],
            str(r["status"]),
            "—" if r["median_ms"] is None else f"{r['median_ms']:.1f}",
            "—" if r["p95_ms"] is None else f"{r['p95_ms']:.1f}",
            str(r["queries"]),
            f"{r['bytes'] / 1024:.0f}",
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for index, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)
            )
        )
        if index == 0:
            print("  ".join("-" * w for w in widths))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=10, help="timed requests per page")
    parser.add_argument("--reuse", action="store_true", help="keep the crawl database")
    parser.add_argument("--build-only", action="store_true", help="build, do not crawl")
    args = parser.parse_args(argv)
    env.setup_django(db_path=CRAWL_DB, fresh=not args.reuse)
    org, seconds = build_or_reuse(args.staff)
    if seconds is not None:
        print(f"built {org.slug} with demo content in {seconds:.1f} s")
    if not args.build_only:
        run(org, requests=args.requests)


if __name__ == "__main__":
    main()
