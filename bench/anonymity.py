"""Anonymity benchmark: the plans every scan number passes, at the scale of a 15,000-staff
organisation (40 locations x 20 teams = 800 teams, 2 role groups + leadership apart).

Measures, pure Python (lerend.scans.disclosure; the database part is in bench/scan.py):

* the plan of one campaign (all standard groups) and the plan for a reader inside a group
  (route 2: k+1 around their own cell);
* the per-number plans of a 59-item instrument with "don't know" answers (route 3);
* the plan across six rounds with 8% of the staff joining, leaving or moving per round
  (route 4: the trend and the dashboard's block trend).

Prints a table; nothing is asserted. The budget is the dashboard's: 100 ms per page.
"""

import random
import statistics
import time

LOCATIONS, TEAMS_PER_LOCATION, STAFF = 40, 20, 15000
ROUNDS, CHURN, ITEMS, K = 6, 0.08, 59, 5


def _cells():
    from lerend.scans.disclosure import Stratum

    teams = [
        Stratum(f"L{loc}", f"T{loc}-{team}", "medewerkers")
        for loc in range(LOCATIONS)
        for team in range(TEAMS_PER_LOCATION)
    ]
    leaders = [Stratum(None, None, "leiding")]
    return teams, leaders


def _people(rng, teams, leaders):
    """Person -> their cell in each round (newest first); None when not there."""
    people = {}
    for person in range(STAFF):
        cell = leaders[0] if person % 25 == 0 else rng.choice(teams)
        people[person] = [cell]
    for _round in range(1, ROUNDS):
        for cells in people.values():
            last = cells[-1]
            roll = rng.random()
            if roll < CHURN / 3:
                cells.append(None)  # not there in that round (joined later)
            elif roll < 2 * CHURN / 3 and last is not None and last != leaders[0]:
                cells.append(rng.choice(teams))  # moved
            else:
                cells.append(last)
    return people


def _time(fn, repeats):
    timings = []
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        timings.append((time.perf_counter() - start) * 1000)
    return result, round(statistics.median(timings), 1), round(max(timings), 1)


def run(repeats: int = 5) -> dict:
    from lerend.scans.disclosure import (
        number_visible_keys,
        plan_across,
        plan_disclosure,
        standard_groups,
    )

    rng = random.Random(2026)
    teams, leaders = _cells()
    people = _people(rng, teams, leaders)
    rounds = []
    for number in range(ROUNDS):
        counts = {}
        for cells in people.values():
            cell = cells[number]
            if cell is not None and rng.random() < 0.55:  # responded
                counts[cell] = counts.get(cell, 0) + 1
        rounds.append(counts)
    counts = rounds[0]
    groups = standard_groups(counts)
    plan, plan_ms, plan_max = _time(lambda: plan_disclosure(groups, counts, K), repeats)
    reader = {teams[0]}
    _mine, reader_ms, reader_max = _time(
        lambda: plan.restricted_to(
            plan_disclosure(groups, counts, K, strict_cells=reader).visible_keys
        ),
        repeats,
    )
    answered = [
        {c: sum(rng.random() > 0.08 for _ in range(n)) for c, n in counts.items()}
        for _item in range(ITEMS)
    ]
    shown, items_ms, items_max = _time(
        lambda: [number_visible_keys(plan, a) for a in answered], repeats
    )
    plans = [plan] + [plan_disclosure(standard_groups(c), c, K) for c in rounds[1:]]
    families = [p.visible_groups for p in plans]
    kept, across_ms, across_max = _time(lambda: plan_across(people, families, K), repeats)
    figures = {
        "staff": STAFF,
        "teams": len(teams),
        "cells": len(counts),
        "groups": len(groups),
        "visible_groups": len(plan.visible_groups),
        "plan_ms_median": plan_ms,
        "plan_ms_max": plan_max,
        "reader_plan_ms_median": reader_ms,
        "items_planned": ITEMS,
        "items_groups_shown_min": min(len(s) for s in shown),
        "item_plans_ms_median": items_ms,
        "item_plans_ms_max": items_max,
        "rounds_compared": ROUNDS,
        "earlier_groups_kept": sum(len(k) for k in kept),
        "earlier_groups_visible": sum(len(f) for f in families[1:]),
        "plan_across_ms_median": across_ms,
        "plan_across_ms_max": across_max,
    }
    print(f"\nAnonymity plans (k={K}, {STAFF} staff, {len(teams)} teams, {ROUNDS} rounds)")
    print(f"{'measurement':<40}{'value':>10}  unit")
    for key, value in figures.items():
        unit = "ms" if "_ms_" in key else ""
        print(f"{key:<40}{value:>10}  {unit}")
    return figures


if __name__ == "__main__":
    from . import env

    env.setup_django()
    run()
