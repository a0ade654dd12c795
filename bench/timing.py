"""Page timing that also reports CPU time (for a shared machine)."""

import math
import statistics
import time


def timed_pages(client, url, requests):
    """Like ``scale._timed_pages`` (two untimed warm-ups, the query count of one), plus the
    median CPU time of this process per request: on a shared machine (the wall time then
    mostly measures waiting for a core) CPU time is the figure that says what a page costs.
    Returns (status, wall median, wall p95, CPU median, queries), in ms."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)
    wall, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    wall.sort()
    p95 = wall[max(0, math.ceil(0.95 * len(wall)) - 1)]
    return (
        response.status_code,
        statistics.median(wall),
        p95,
        statistics.median(cpu),
        query_count,
    )
