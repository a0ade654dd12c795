"""Fill a campaign with many responses fast, equal to what the submit service produces.

``bulk_submit`` inserts responses and answers in bulk and marks the invitations used;
``rebuild_aggregates`` then computes the campaign's Aggregate rows with ONE
INSERT ... SELECT ... GROUP BY per kind — dimension rows, then item rows, into the one
table (via a temporary per-response-dimension table),
column for column what ``services_respond.submit`` adds one response at a time
(tests/demo/test_bench_fill.py checks the equivalence against the real service).
Plain SQL understood by SQLite and PostgreSQL.
"""

from django.db import connection, transaction
from django.utils import timezone

from lerend.scans.models import Aggregate, Answer, Response, ScanInvitation
from lerend.scans.services_respond import DONT_KNOW

BATCH = 5000


@transaction.atomic
def bulk_submit(campaign, drafts) -> int:
    """``drafts``: (invitation, {item_key: value or DONT_KNOW}) pairs. Returns answers
    written. Aggregates are NOT updated: call rebuild_aggregates afterwards."""
    today = timezone.localdate()
    drafts = list(drafts)
    responses = Response.objects.bulk_create(
        [
            Response(
                campaign=campaign,
                location_key=inv.location_key,
                team_key=inv.team_key,
                role_group=inv.role_group,
                submitted_on=today,
            )
            for inv, _answers in drafts
        ],
        batch_size=BATCH,
    )
    pks = [inv.pk for inv, _answers in drafts]
    for start in range(0, len(pks), BATCH):
        ScanInvitation.objects.filter(pk__in=pks[start : start + BATCH]).update(
            used_on=today, draft={}
        )
    table = connection.ops.quote_name(Answer._meta.db_table)
    order = [item.key for item in campaign.instrument_version.instrument.items]
    rows = [
        (response.pk, key, None if answers[key] == DONT_KNOW else answers[key])
        for response, (_inv, answers) in zip(responses, drafts, strict=True)
        for key in order
        if key in answers
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH * 10):
            cursor.executemany(
                f"INSERT INTO {table} (response_id, item_key, value) VALUES (%s, %s, %s)",
                rows[start : start + BATCH * 10],
            )
    return len(rows)


def _histogram(score: str, named: bool = False) -> str:
    return ", ".join(
        f"SUM(CASE WHEN {score} = {i} THEN 1 ELSE 0 END)" + (f" AS h{i}" if named else "")
        for i in range(1, 6)
    )


@transaction.atomic
def rebuild_aggregates(campaign) -> None:
    """Replace the campaign's aggregate rows by ones computed from its answers."""
    instrument = campaign.instrument_version.instrument
    points = instrument.scale.points
    q = connection.ops.quote_name
    answer, response = q(Answer._meta.db_table), q(Response._meta.db_table)
    items_table, rd_table = q("bench_items"), q("bench_rd")
    aggregate = q(Aggregate._meta.db_table)
    Aggregate.objects.filter(campaign=campaign).delete()
    sizes = {d.key: len(instrument.items_for(d.key)) for d in instrument.dimensions}
    score = (
        "CASE WHEN a.value IS NULL THEN NULL "
        f"WHEN i.reversed = 1 THEN {points + 1} - a.value ELSE a.value END"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {items_table}")
        cursor.execute(f"DROP TABLE IF EXISTS {rd_table}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {items_table} (item_key VARCHAR(100) PRIMARY KEY, "
            "dimension_key VARCHAR(80), reversed INTEGER, size INTEGER)"
        )
        cursor.executemany(
            f"INSERT INTO {items_table} VALUES (%s, %s, %s, %s)",
            [
                (item.key, item.dimension, int(item.reverse), sizes[item.dimension])
                for item in instrument.items
            ],
        )
        scored = (
            f"SELECT a.response_id, a.item_key, a.value, i.dimension_key, i.size, "
            f"{score} AS score FROM {answer} a JOIN {items_table} i ON i.item_key = a.item_key "
            f"JOIN {response} r ON r.id = a.response_id WHERE r.campaign_id = %s"
        )
        # One row per (response, dimension): what submit() computes in Python per response.
        cursor.execute(
            f"CREATE TEMPORARY TABLE {rd_table} AS SELECT x.response_id, x.dimension_key, "
            "COUNT(x.score) AS answered, COUNT(*) - COUNT(x.score) AS dk, "
            "COALESCE(SUM(x.score), 0) AS s, COALESCE(SUM(x.score * x.score), 0) AS s2, "
            f"MAX(x.size) AS size, {_histogram('x.score', named=True)} "
            f"FROM ({scored}) x GROUP BY x.response_id, x.dimension_key",
            [campaign.pk],
        )
        cell = "r.campaign_id, r.location_key, r.team_key, r.role_group"
        complete = "d.answered = d.size"
        mean = "(d.s * 1.0 / d.answered)"
        h_columns = ["h1", "h2", "h3", "h4", "h5"]
        dim_columns = (
            "campaign_id, location_key, team_key, role_group, item_key, dimension_key, n, total, "
            "total_sq, h1, h2, h3, h4, h5, dont_know, respondents, score_total, "
            "score_total_sq, complete_n, complete_total, complete_total_sq"
        )
        cursor.execute(
            f"INSERT INTO {aggregate} ({dim_columns}) "
            f"SELECT {cell}, '', d.dimension_key, SUM(d.answered), SUM(d.s), SUM(d.s2), "
            + ", ".join(f"SUM(d.{q(h)})" for h in h_columns)
            + ", SUM(d.dk), SUM(CASE WHEN d.answered > 0 THEN 1 ELSE 0 END), "
            f"COALESCE(SUM(CASE WHEN d.answered > 0 THEN {mean} END), 0), "
            f"COALESCE(SUM(CASE WHEN d.answered > 0 THEN {mean} * {mean} END), 0), "
            f"SUM(CASE WHEN {complete} THEN 1 ELSE 0 END), "
            f"COALESCE(SUM(CASE WHEN {complete} THEN d.s END), 0), "
            f"COALESCE(SUM(CASE WHEN {complete} THEN d.s * d.s END), 0) "
            f"FROM {rd_table} d JOIN {response} r ON r.id = d.response_id "
            f"GROUP BY {cell}, d.dimension_key"
        )
        item_columns = (
            "campaign_id, location_key, team_key, role_group, item_key, dimension_key, n, "
            "total, total_sq, h1, h2, h3, h4, h5, dont_know, respondents, score_total, "
            "score_total_sq, complete_n, complete_total, complete_total_sq"
        )
        cursor.execute(
            f"INSERT INTO {aggregate} ({item_columns}) "
            f"SELECT {cell}, x.item_key, x.dimension_key, COUNT(x.score), "
            "COALESCE(SUM(x.score), 0), COALESCE(SUM(x.score * x.score), 0), "
            f"{_histogram('x.score')}, COUNT(*) - COUNT(x.score), 0, 0, 0, 0, "
            f"COALESCE(SUM(CASE WHEN {complete} THEN x.score END), 0), "
            f"COALESCE(SUM(CASE WHEN {complete} THEN x.score * x.score END), 0) "
            f"FROM ({scored}) x JOIN {response} r ON r.id = x.response_id "
            f"JOIN {rd_table} d ON d.response_id = x.response_id "
            "AND d.dimension_key = x.dimension_key "
            f"GROUP BY {cell}, x.item_key, x.dimension_key",
            [campaign.pk],
        )
        cursor.execute(f"DROP TABLE {items_table}")
        cursor.execute(f"DROP TABLE {rd_table}")
