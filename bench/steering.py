"""Steering benchmark: the steering view (issue 17 §3) and the results dashboard in a
15,000-staff organisation, and the questionnaire submit through HTTP.

    python -m bench.steering [--staff 15000] [--requests 20] [--reuse]

Builds the scale organisation (``builder.build_scale``), fills two closed rounds of the
59-item lerende-organisatiescan (bulk, as bench/scan.py does; the first moved back a year),
goals, actions and board sessions per team, and monitoring's indicators (bench/monitoring.py's
fill), and works out the closed rounds' plans as the worker does when a campaign closes
(``results.warm``, decision 0021). Then times, through HTTP with a logged-in session, the
organisation's steering view as the bestuurder, a location's as its locatiemanager, a team's
as its teamleider, the bestuurder's home (which shows the view's top signals) and the
organisation's results dashboard of the newest round as the bestuurder:

- first ever: the shared cache cleared too (nothing worked out anywhere: a campaign the
  worker never warmed) — seconds, shown so that nobody mistakes "cold" for it;
- after close: the shared cache holding only what the worker warmed at the close, this
  process's memos empty — the first reader of their position after the close (a teamleider's
  own position is not among those warmed);
- cold: a fresh worker process (its memos cleared before each request) with the shared cache
  as production has it after the close and earlier readers — the production path;
- warm: the same page again in the same process.

Then the questionnaire submit of an open 59-item round as the respondent does it: a POST of
the review page with the session and CSRF token, the invitation's token in the URL.

Writes var/bench/steering.json. Measures only; the numbers are for reading. ``--reuse`` keeps
the database of the previous run (the build takes minutes).
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


FIRST = 3  # requests for "first ever" and "after close": seconds each before this work
SUBMITS = 30


def _warm_closed(org):
    """What the worker does when a campaign closes (decisions 0021, 0022): the plans, then
    the leaders' steering series."""
    from lerend.scans.models import Campaign
    from lerend.scans.tasks_results import warm_campaign

    for pk in Campaign.objects.filter(organisation=org, closed_at__isnull=False).values_list(
        "pk", flat=True
    ):
        warm_campaign(pk)


def _time_page(client, url, org, requests, first):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lerend.scans import results

    def once():
        started = time.perf_counter()
        response = client.get(url)
        return response, (time.perf_counter() - started) * 1000

    response, _ms = once()  # templates, URL resolvers and translations load once per process
    first_ever, after_close, cold, warm = [], [], [], []
    for _ in range(first):
        results.clear_memos(shared=True)
        first_ever.append(once()[1])
    for _ in range(first):
        results.clear_memos(shared=True)
        _warm_closed(org)
        results.clear_memos(shared=False)
        after_close.append(once()[1])
    queries = {}
    for timings, fresh in ((cold, True), (warm, False)):
        for _ in range(requests):
            if fresh:
                results.clear_memos(shared=False)
            with CaptureQueriesContext(connection) as captured:
                response, ms = once()
            timings.append(ms)
        queries[fresh] = len(captured)
    return {
        "status": response.status_code,
        "first_ever_ms": round(statistics.median(first_ever), 1),
        "after_close_ms": round(statistics.median(after_close), 1),
        "cold_ms": round(statistics.median(cold), 1),
        "cold_max_ms": round(max(cold), 1),
        "warm_ms": round(statistics.median(warm), 1),
        "warm_max_ms": round(max(warm), 1),
        "queries_cold": queries[True],
        "queries_warm": queries[False],
    }


def _open_round(org, board):
    """An open 59-item round to answer (made once; ``--reuse`` answers the next invitations)."""
    from lerend.scans.models import Campaign, ScanInvitation

    from .scan import _campaign

    found = Campaign.objects.filter(
        organisation=org, closed_at__isnull=True, launched_at__isnull=False
    ).first()
    if found is None:
        found = _campaign(org, board, "lerende-organisatiescan", "Scan open")
        ScanInvitation.objects.filter(campaign=found).update(mailed_on=found.opens_on)
    return found


def _time_submit_http(org, board, rng, count):
    """The questionnaire's last step through HTTP: the respondent (logged in, so with a
    session) has a complete draft; GET the review page for the CSRF token, then the timed
    POST with that token, the invitation's token in the URL. Counts the statements of the
    POST (session, token look-up, the submit's writes)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from lerend.scans.models import ScanInvitation
    from lerend.scans.services import token_for

    from .scan import _draft

    campaign = _open_round(org, board)
    instrument = campaign.instrument_version.instrument
    invitations = list(
        ScanInvitation.objects.filter(campaign=campaign, used_on__isnull=True, person__isnull=False)
        .select_related("person")
        .order_by("id")[:count]
    )
    timings, statements, statuses = [], None, set()
    for invitation in invitations:
        ScanInvitation.objects.filter(pk=invitation.pk).update(
            draft={"answers": _draft(instrument, rng, 0), "comments": {}, "page": 1}
        )
        client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
        client.force_login(invitation.person)
        url = reverse("respond:review", args=[token_for(invitation.nonce)])
        page = client.get(url)
        csrf = page.context["csrf_token"] if page.context else client.cookies["csrftoken"].value
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(url, {"csrfmiddlewaretoken": str(csrf)})
            timings.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
        statements = len(captured)
    return {
        "submits": len(timings),
        "status": sorted(statuses),
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
        "statements": statements,
    }


def _build(staff):
    from lerend.demo import builder
    from lerend.organisations.models import Membership, Role

    from .monitoring import fill as fill_monitoring

    org = builder.build_scale(staff).organisation
    board = Membership.objects.filter(organisation=org, role=Role.BESTUURDER).first().person
    rng = random.Random("bench-steering")
    _fill_scans(org, board, rng)
    _fill_improvement(org, board, rng)
    fill_monitoring(org, rng)
    return org


def _print(title, pages, submit):
    head = ("page", "status", "first ever", "after close", "cold", "warm", "SQL cold/warm")
    cells = [head, ("", "", "median ms", "median ms", "median ms", "median ms", "")]
    for label, r in pages:
        cells.append(
            (
                label,
                str(r["status"]),
                number_text(r["first_ever_ms"]),
                number_text(r["after_close_ms"]),
                number_text(r["cold_ms"]),
                number_text(r["warm_ms"]),
                f"{r['queries_cold']} / {r['queries_warm']}",
            )
        )
    cells.append(
        (
            f"submit 59 items (HTTP POST, {submit['submits']}x)",
            "/".join(str(s) for s in submit["status"]),
            "",
            "",
            "",
            number_text(submit["median_ms"]),
            str(submit["statements"]),
        )
    )
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if index == 1:
            print("  ".join("-" * w for w in widths))
    print()


def number_text(value) -> str:
    return f"{value:,.1f}"


def run(
    *,
    staff: int = 15000,
    requests: int = REQUESTS,
    first: int = FIRST,
    submits: int = SUBMITS,
    reuse: bool = False,
) -> dict:
    from django.core.management import call_command
    from django.test import Client

    from lerend.organisations.models import Membership, Organisation, Role, Scope
    from lerend.scans.models import Campaign

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    org = Organisation.objects.filter(slug__startswith="schaal").order_by("pk").first()
    if not reuse or org is None or not Campaign.objects.filter(organisation=org).exists():
        started = time.perf_counter()
        org = _build(staff)
        print(f"built in {time.perf_counter() - started:.0f} s")
    board = Membership.objects.filter(organisation=org, role=Role.BESTUURDER).first().person
    _warm_closed(org)

    def leader(role, scope):
        return (
            Membership.objects.filter(organisation=org, role=role, scope=scope)
            .select_related("location", "team")
            .order_by("id")
            .first()
        )

    manager = leader(Role.LOCATIEMANAGER, Scope.LOCATION)
    teamleader = leader(Role.TEAMLEIDER, Scope.TEAM)
    newest = (
        Campaign.objects.filter(organisation=org, closed_at__isnull=False)
        .order_by("-closes_on")
        .first()
    )
    base = f"/o/{org.slug}"
    pages = [
        ("steering: organisation (bestuurder)", board, f"{base}/sturen/"),
        ("home with steering card (bestuurder)", board, f"{base}/"),
        (
            "steering: location (locatiemanager)",
            manager.person,
            f"{base}/sturen/locatie/{manager.location_id}/",
        ),
        (
            "steering: team (teamleider)",
            teamleader.person,
            f"{base}/sturen/team/{teamleader.team_id}/",
        ),
        ("results dashboard (bestuurder)", board, f"{base}/scans/{newest.pk}/resultaten/"),
    ]
    measured = []
    for label, person, url in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(person)
        measured.append((label, _time_page(client, url, org, requests, first)))
    _warm_closed(org)
    submit = _time_submit_http(org, board, random.Random("bench-steering-submit"), submits)
    load = os.getloadavg()
    title = (
        f"Steering benchmark — {staff} staff, {org.locations.count()} locations, "
        f"{org.teams.count()} teams, SQLite, {os.cpu_count()} CPUs, load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; medians of {first} (first ever, after "
        f"close) and {requests} (cold, warm) requests"
    )
    _print(title, measured, submit)
    out = {
        "benchmark": "steering",
        "staff": staff,
        "load_average": load,
        "pages": dict(measured),
        "submit": submit,
    }
    path = env.BENCH_DIR / "steering.json"
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path}")
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.steering", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="cold and warm requests")
    parser.add_argument("--first", type=int, default=FIRST, help="first-ever/after-close requests")
    parser.add_argument("--submits", type=int, default=SUBMITS, help="timed HTTP submits")
    parser.add_argument("--reuse", action="store_true", help="keep the previous run's database")
    args = parser.parse_args(argv)
    env.setup_django(fresh=not args.reuse)
    run(
        staff=args.staff,
        requests=args.requests,
        first=args.first,
        submits=args.submits,
        reuse=args.reuse,
    )


if __name__ == "__main__":
    main()
