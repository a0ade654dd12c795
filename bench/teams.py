"""The team chooser at scale: the form pages that choose teams and the team search endpoint.

    python -m bench.teams [--staff 15000] [--requests 10]

Uses the crawl's database (``python -m bench.crawl --reuse --build-only`` builds it once; it
takes minutes) and never rebuilds it. Times, as the bestuurder, the GET of each form page
that chooses a team and the team chooser's search endpoint (docs/people-picker.md). Prints
a table; measures only.
"""

import argparse
import os

from . import env
from .crawl import CRAWL_DB, _bestuurder, _measure, build_or_reuse, search_rows

PAGES = (
    ("scans:create", {}),
    ("learning:pd_budget", {}),
    ("learning:reflection_create", {}),
    ("coaching:assignment_create", {}),
    ("monitoring:round_create", {}),
    ("monitoring:experiment_create", {}),
)


def _page_rows(client, org, requests):
    from django.urls import NoReverseMatch, reverse

    rows = []
    for name, kwargs in PAGES:
        try:
            url = reverse(name, kwargs={"org_slug": org.slug, **kwargs})
        except NoReverseMatch:
            continue
        status, median, p95, queries, size = _measure(client, url, requests)
        rows.append(
            {
                "page": f"form: {name}",
                "status": status,
                "median_ms": median,
                "p95_ms": p95,
                "queries": queries,
                "bytes": size,
            }
        )
    return rows


def _search_rows(client, org, person, requests):

    from django.test import RequestFactory
    from django.urls import NoReverseMatch, reverse

    try:
        from lerend.organisations import team_picker
    except ImportError:  # before the team chooser
        return []
    from lerend.organisations.access import resolve_access

    request = RequestFactory().get("/")
    request.user, request.organisation = person, org
    request.access = resolve_access(person, org)
    token = team_picker.scope(request, "scans.campaign_teams").token
    try:
        base = reverse("organisations:team_search", kwargs={"org_slug": org.slug})
    except NoReverseMatch:
        return []
    cases = (
        ("no query (own teams first)", "", 1),
        ("'team' (every team matches)", "team", 1),
        ("'team', page 40", "team", 40),
        ("'vossen' (one kind of team)", "vossen", 1),
        ("a location name", _a_location(org), 1),
    )
    return search_rows(client, base, token, cases, "team search", requests)


def _a_location(org) -> str:
    from lerend.organisations.models import Location

    return (
        Location.objects.filter(organisation=org)
        .order_by("id")
        .values_list("name", flat=True)
        .first()
        or ""
    )


def run(org, *, requests: int = 10) -> list[dict]:
    from django.test import Client

    from lerend.organisations.models import Location, Team

    from .crawl import _print

    person = _bestuurder(org)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(person)
    rows = _page_rows(client, org, requests)
    search = _search_rows(client, org, person, requests)
    teams = Team.objects.filter(organisation=org).count()
    locations = Location.objects.filter(organisation=org).count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"\nTeam chooser — {org.slug}: {teams} teams, {locations} locations, SQLite, "
        f"{os.cpu_count()} CPUs, load average {load}, {requests} timed requests each"
    )
    _print("Form pages that choose a team (as the bestuurder)", rows)
    if search:
        _print("Team search endpoint", search)
    return rows + search


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.teams", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=10, help="timed requests per page")
    args = parser.parse_args(argv)
    env.setup_django(db_path=CRAWL_DB, fresh=False)
    org, _seconds = build_or_reuse(args.staff)
    run(org, requests=args.requests)


if __name__ == "__main__":
    main()
