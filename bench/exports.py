"""Exports benchmark: every download of an organisation of ``--scale`` staff, as the
bestuurder, through the real URLs.

    python -m bench.exports [--scale 15000]

Builds the scale organisation (``builder.build_scale``), one closed staff scan filled at
the scan bench's response rate (``bench.scan``), the monitoring data of ``bench.monitoring``,
and then downloads each export twice: once timed (the whole body read, as a browser would;
wall clock and this process's CPU time), once under ``tracemalloc`` for the peak of Python
memory while the body is produced and read (tracemalloc slows Python down, so that run is
not timed). Writes
var/bench/exports.json. Measures only; the numbers are for reading, not asserting.
"""

import argparse
import json
import os
import random
import time
import tracemalloc

from . import env
from .scale import print_table


def _body(response) -> int:
    """Read the whole body (streamed or not); its size in bytes."""
    if response.streaming:
        size = 0
        for piece in response.streaming_content:
            size += len(piece)
        response.close()
        return size
    return len(response.content)


def run(*, staff: int = 15000) -> list[dict]:
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from lerend.demo import builder
    from lerend.organisations.models import Membership, Role
    from lerend.scans import services as scan_services

    from .monitoring import fill as fill_monitoring
    from .scan import _campaign
    from .scan import _fill as fill_scan

    rows = []

    def add(measurement, value, unit):
        rows.append({"measurement": measurement, "value": value, "unit": unit})

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    org = builder.build_scale(staff).organisation
    board = (
        Membership.objects.filter(organisation=org, role=Role.BESTUURDER)
        .order_by("id")
        .first()
        .person
    )
    rng = random.Random(staff)
    campaign = _campaign(org, board, "lerende-organisatiescan", "Scan (gesloten)")
    answers = fill_scan(campaign, rng)
    scan_services.close_campaign(campaign=campaign, actor=board)
    fill_monitoring(org, rng)
    add("build organisation, scan and monitoring data", round(time.perf_counter() - started), "s")
    add("scan answers", answers, "")

    slug, scan = {"org_slug": org.slug}, {"org_slug": org.slug, "campaign_id": campaign.pk}
    exports = [
        ("people list CSV", reverse("organisations:people_export_csv", kwargs=slug)),
        ("people list XLSX", reverse("organisations:people_export_xlsx", kwargs=slug)),
        ("scan raw answers CSV", reverse("scan_exports:raw_csv", kwargs=scan)),
        ("scan results CSV", reverse("scan_exports:results_csv", kwargs=scan)),
        ("scan results XLSX", reverse("scan_exports:results_xlsx", kwargs=scan)),
        ("goals CSV", reverse("improvement:export_csv", kwargs=slug)),
        ("actions CSV", reverse("improvement:export_csv", kwargs=slug) + "?what=actions"),
        ("goals and actions XLSX", reverse("improvement:export_xlsx", kwargs=slug)),
        ("indicators CSV", reverse("monitoring:export_csv", kwargs=slug)),
        ("indicators XLSX", reverse("monitoring:export_xlsx", kwargs=slug)),
        ("well-being CSV", reverse("monitoring:profiles_csv", kwargs=slug)),
        ("GGD pack XLSX", reverse("coaching:ggd_xlsx", kwargs=slug)),
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(board)
    for name, url in exports:
        _body(client.get(url))  # warm: URL resolvers, templates, openpyxl imported
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        size = _body(response)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        tracemalloc.start()
        _body(client.get(url))
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        add(f"{name}: HTTP status", response.status_code, "")
        add(f"{name}: time", round(seconds, 2), "s")
        # CPU time of this process: on a shared machine the wall clock also counts waiting.
        add(f"{name}: CPU time", round(cpu, 2), "s")
        add(f"{name}: peak Python memory", round(peak / 2**20, 1), "MiB")
        add(f"{name}: size", round(size / 2**10), "KiB")

    print_table(f"Exports benchmark — {staff} staff, SQLite, {os.cpu_count()} CPUs", rows)
    path = env.BENCH_DIR / "exports.json"
    path.write_text(
        json.dumps({"benchmark": "exports", "staff": staff, "measurements": rows}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"written: {path}")
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.exports", description=__doc__)
    parser.add_argument(
        "--scale", "--staff", dest="staff", type=int, default=15000, help="staff in the org"
    )
    args = parser.parse_args(argv)
    env.setup_django()
    run(staff=args.staff)


if __name__ == "__main__":
    main()
