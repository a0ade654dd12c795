"""The full-text side of the search index, per database (docs/decisions/0012-knowledge-search.md).

SQLite: an FTS5 table whose rowid is the SearchEntry id; the app writes Python-stemmed
(Snowball, Dutch) text into it. PostgreSQL: a generated tsvector column over the folded
terms with the 'dutch' configuration (title weighted A, body B) and a GIN index on it."""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE knowledge_search_fts USING fts5(title, body, tokenize='unicode61')",
]
SQLITE_DOWN = ["DROP TABLE IF EXISTS knowledge_search_fts"]
POSTGRES_UP = [
    "ALTER TABLE knowledge_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('dutch', title_terms), 'A') || "
    "setweight(to_tsvector('dutch', body_terms), 'B')) STORED",
    "CREATE INDEX knowledge_search_vector_gin ON knowledge_searchentry USING GIN (search_vector)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS knowledge_search_vector_gin",
    "ALTER TABLE knowledge_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
