"""Monitoring benchmark: the steering pages of monitoring in a 15,000-staff organisation.

    python -m bench.monitoring [--staff 15000] [--requests 30]

Fills the scale organisation (built by ``builder.build_scale``, as bench.scale does) with an
indicator per team and twenty for the organisation, a year of monthly check-ins each, two
well-being rounds of twelve children per team and fifty experiments — written in bulk, as
data, not through the services (they are tested elsewhere; here only reading is timed).
Writes var/bench/monitoring.json. Measures only; the numbers are for reading.
"""

import argparse
import datetime
import json
import os
import random
import time

from . import env
from .scale import print_table
from .timing import timed_pages


def fill(org, rng) -> dict:
    from django.utils import timezone

    from lerend.improvement.models import Goal
    from lerend.monitoring.models import (
        CheckIn,
        Experiment,
        Indicator,
        IndicatorLink,
        WellbeingRound,
        WellbeingScore,
    )
    from lerend.organisations.models import Team

    today = timezone.localdate()
    start = today - datetime.timedelta(days=365)
    teams = list(Team.objects.filter(organisation=org).order_by("pk"))
    # A re-run on the same bench database starts from no monitoring data.
    for model in (Indicator, WellbeingRound, Experiment):
        model.objects.filter(organisation=org).delete()
    Goal.objects.filter(organisation=org, title="Welbevinden omhoog").delete()
    goal = Goal.objects.create(
        organisation=org,
        level="organisation",
        title="Welbevinden omhoog",
        starts_on=start,
        ends_on=today,
    )
    common = {
        "organisation": org,
        "kind": "uitkomst",
        "unit": "%",
        "baseline": 50,
        "baseline_on": start,
        "target": 70,
        "direction": "hoger",
        "cadence": "maand",
        "source": "handmatig",
    }
    indicators = [
        Indicator(level="organisation", title=f"Organisatie-indicator {n}", **common)
        for n in range(20)
    ] + [Indicator(level="team", team=t, title=f"Indicator {t.name}", **common) for t in teams]
    Indicator.objects.bulk_create(indicators, batch_size=500)
    indicators = list(Indicator.objects.filter(organisation=org))
    IndicatorLink.objects.bulk_create(
        IndicatorLink(indicator=i, kind="doel", target_id=goal.pk) for i in indicators[:20]
    )
    CheckIn.objects.bulk_create(
        (
            CheckIn(
                indicator=i,
                measured_on=start + datetime.timedelta(days=30 * m + 1),
                value=50 + m + rng.random() * 4,
            )
            for i in indicators
            for m in range(12)
        ),
        batch_size=2000,
    )
    rounds = [
        WellbeingRound(
            organisation=org,
            team=t,
            first_on=today - datetime.timedelta(days=days),
            second_on=today - datetime.timedelta(days=days - 2),
            status="afgesloten",
        )
        for t in teams
        for days in (190, 10)
    ]
    WellbeingRound.objects.bulk_create(rounds, batch_size=500)
    WellbeingScore.objects.bulk_create(
        (
            WellbeingScore(
                round=r,
                child=str(c),
                moment=m,
                wellbeing=rng.randint(1, 5),
                involvement=rng.randint(1, 5),
            )
            for r in WellbeingRound.objects.filter(organisation=org)
            for c in range(1, 13)
            for m in (1, 2)
        ),
        batch_size=5000,
    )
    Experiment.objects.bulk_create(
        Experiment(
            organisation=org,
            title=f"Experiment {n}",
            question="?",
            change="!",
            starts_on=start,
            ends_on=today,
        )
        for n in range(50)
    )
    return {"goal": goal, "indicator": indicators[0]}


def run(*, staff: int = 15000, requests: int = 30) -> list[dict]:
    from django.core.management import call_command
    from django.test import Client

    from lerend.demo import builder
    from lerend.organisations.models import Membership, Role

    rows = []

    def add(measurement, value, unit):
        rows.append({"measurement": measurement, "value": value, "unit": unit})

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    org = builder.build_scale(staff).organisation
    started = time.perf_counter()
    made = fill(org, random.Random(staff))
    add("fill monitoring data", round(time.perf_counter() - started, 2), "s")
    add("teams", org.teams.count(), "")

    def person(role):
        return Membership.objects.filter(organisation=org, role=role).order_by("id").first().person

    base = f"/o/{org.slug}/monitoren"
    pages = [
        ("indicator list", "bestuurder", f"{base}/"),
        ("indicator list", "medewerker", f"{base}/"),
        ("indicator page", "bestuurder", f"{base}/indicatoren/{made['indicator'].pk}/"),
        ("well-being overview", "bestuurder", f"{base}/welbevinden/"),
        ("well-being overview", "medewerker", f"{base}/welbevinden/"),
        ("experiments", "bestuurder", f"{base}/experimenten/"),
        ("chain of an organisation goal", "bestuurder", f"{base}/keten/doel/{made['goal'].pk}/"),
        (
            "goal page with its computed status (20 indicators)",
            "bestuurder",
            f"/o/{org.slug}/verbeteren/doelen/{made['goal'].pk}/",
        ),
        ("vision and goals overview", "bestuurder", f"/o/{org.slug}/verbeteren/"),
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

    print_table(f"Monitoring benchmark — {staff} staff, SQLite, {os.cpu_count()} CPUs", rows)
    path = env.BENCH_DIR / "monitoring.json"
    path.write_text(
        json.dumps({"benchmark": "monitoring", "staff": staff, "measurements": rows}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    print(f"written: {path}")
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.monitoring", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    args = parser.parse_args(argv)
    env.setup_django()
    run(staff=args.staff, requests=args.requests)


if __name__ == "__main__":
    main()
