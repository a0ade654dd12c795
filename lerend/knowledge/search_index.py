"""The search index: documents in, ranked ids out, on SQLite (FTS5) and PostgreSQL
(tsvector + GIN). Who may see a row is decided in ``selectors``; this module only stores
and matches. The full-text side of each vendor is created by migration 0002."""

import hashlib
import json

from django.db import connection

from . import text
from .models import SearchEntry

FTS_TABLE = "knowledge_search_fts"


def digest(document) -> str:
    data = [
        document.title,
        document.body,
        document.url,
        document.audience,
        document.location_id,
        document.team_id,
        sorted(document.person_ids),
        list(document.building_blocks),
    ]
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()


def entry_fields(document, team_locations: dict[int, int]) -> dict:
    """The SearchEntry columns for one kit.contrib.SearchDocument."""
    location_id = document.location_id
    if document.audience == "team" and document.team_id:
        location_id = team_locations.get(document.team_id, location_id)
    return {
        "title": document.title[:300],
        "body": document.body,
        "url": document.url,
        "audience": document.audience,
        "location_id": location_id,
        "team_id": document.team_id,
        "people": f" {' '.join(str(p) for p in document.person_ids)} "
        if document.person_ids
        else "",
        "blocks": f" {' '.join(document.building_blocks)} " if document.building_blocks else "",
        "title_terms": text.index_text(document.title),
        "body_terms": text.index_text(document.body),
        "digest": digest(document),
    }


def write_fts(entries) -> None:
    """Refresh the FTS5 rows of ``entries`` (SQLite only; PostgreSQL's column is generated)."""
    if connection.vendor != "sqlite" or not entries:
        return
    with connection.cursor() as cursor:
        ids = [e.pk for e in entries]
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in ids])  # noqa: S608
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
            [(e.pk, text.stemmed_text(e.title), text.stemmed_text(e.body)) for e in entries],
        )


def delete_fts(ids) -> None:
    if connection.vendor != "sqlite" or not ids:
        return
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in ids])  # noqa: S608


def _where(visible):
    """The WHERE clause of ``visible`` (a SearchEntry queryset without joins), as SQL on
    the table ``knowledge_searchentry``."""
    compiler = visible.query.get_compiler(connection=connection)
    return compiler.compile(visible.query.where)


def ranked_ids(visible, terms, limit: int) -> list[int]:
    """Ids of ``visible`` (a SearchEntry queryset) matching every term, best first.

    The full-text match drives the query and the audience condition is checked on each
    matching row (a primary-key lookup): the cost follows the number of matches, not the
    size of the organisation's index."""
    if not terms:
        return []
    where_sql, where_params = _where(visible)
    table = SearchEntry._meta.db_table
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {table}.id FROM {table}, to_tsquery('dutch', %s) q "  # noqa: S608
            f"WHERE {table}.search_vector @@ q AND ({where_sql}) "
            f"ORDER BY ts_rank({table}.search_vector, q) DESC, {table}.id LIMIT %s"
        )
        params = [text.tsquery(terms), *where_params, limit]
    else:
        sql = (
            f"SELECT {table}.id FROM {FTS_TABLE} "  # noqa: S608
            f"JOIN {table} ON {table}.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND ({where_sql}) "
            f"ORDER BY bm25({FTS_TABLE}, 5.0, 1.0), {table}.id LIMIT %s"
        )
        params = [text.fts5_query(terms), *where_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def entries_in_order(ids) -> list[SearchEntry]:
    found = SearchEntry.objects.in_bulk(ids)
    return [found[i] for i in ids if i in found]
