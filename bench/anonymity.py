"""Anonymity benchmark: plan the disclosure of a whole organisation's scan results.

40 locations x 20 teams x 3 role groups (2,400 cells, ~960 groups), as the dashboard of a
15,000-staff organisation needs it. Measures only; prints a table.
"""

import statistics
import time


def run(repeats: int = 15) -> dict:
    from lerend.scans.disclosure import Stratum, plan_disclosure, standard_groups

    counts = {
        Stratum(f"L{loc}", f"T{loc}-{team}", role): (loc * 7 + team * 3 + len(role)) % 16
        for loc in range(40)
        for team in range(20)
        for role in ("leiding", "medewerkers", "ouders")
    }
    cells = list(counts)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        groups = standard_groups(cells)
        plan = plan_disclosure(groups, counts, 5)
        timings.append((time.perf_counter() - start) * 1000)
    visible = sum(1 for g in groups if plan.is_visible(g.key))
    figures = {
        "cells": len(cells),
        "groups": len(groups),
        "visible_groups": visible,
        "plan_ms_median": round(statistics.median(timings), 1),
        "plan_ms_max": round(max(timings), 1),
    }
    print("\nAnonymity plan (k=5)")
    print(f"{'measurement':<40}{'value':>10}  unit")
    for key, value in figures.items():
        unit = "ms" if key.endswith("ms_median") or key.endswith("ms_max") else ""
        print(f"{key:<40}{value:>10}  {unit}")
    return figures
