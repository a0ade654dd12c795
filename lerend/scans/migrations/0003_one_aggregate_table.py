"""Merge ItemAggregate and DimensionAggregate into one table, Aggregate, so that a submit adds
to both kinds in one upsert. The old names stay as proxy models of the new table. Existing
rows are copied with INSERT ... SELECT (plain SQL for SQLite and PostgreSQL); dimension rows
get ``item_key = ''`` and each kind zeros in the other kind's columns."""

import django.db.models.deletion
from django.db import migrations, models

CELL = ("campaign_id", "location_key", "team_key", "role_group")
SHARED = ("n", "total", "total_sq", "h1", "h2", "h3", "h4", "h5", "dont_know")
COMPLETE = ("complete_total", "complete_total_sq")
DIMENSION_ONLY = ("respondents", "score_total", "score_total_sq", "complete_n")


def _table(apps, name, schema_editor):
    return schema_editor.quote_name(apps.get_model("scans", name)._meta.db_table)


def _columns(schema_editor, names):
    return ", ".join(schema_editor.quote_name(n) for n in names)


def merge(apps, schema_editor):
    target = _table(apps, "Aggregate", schema_editor)
    items = _table(apps, "ItemAggregate", schema_editor)
    dimensions = _table(apps, "DimensionAggregate", schema_editor)
    item_columns = (*CELL, "item_key", "dimension_key", *SHARED, *COMPLETE)
    dimension_columns = (*CELL, "dimension_key", *SHARED, *DIMENSION_ONLY, *COMPLETE)
    zeros = ", ".join("0" for _ in DIMENSION_ONLY)
    schema_editor.execute(
        f"INSERT INTO {target} ({_columns(schema_editor, (*item_columns, *DIMENSION_ONLY))}) "
        f"SELECT {_columns(schema_editor, item_columns)}, {zeros} FROM {items}"
    )
    schema_editor.execute(
        f"INSERT INTO {target} ({_columns(schema_editor, (*dimension_columns, 'item_key'))}) "
        f"SELECT {_columns(schema_editor, dimension_columns)}, '' FROM {dimensions}"
    )


def split(apps, schema_editor):
    source = _table(apps, "Aggregate", schema_editor)
    items = _table(apps, "ItemAggregate", schema_editor)
    dimensions = _table(apps, "DimensionAggregate", schema_editor)
    item_columns = _columns(schema_editor, (*CELL, "item_key", "dimension_key", *SHARED, *COMPLETE))
    dimension_columns = _columns(
        schema_editor, (*CELL, "dimension_key", *SHARED, *DIMENSION_ONLY, *COMPLETE)
    )
    item_key = schema_editor.quote_name("item_key")
    schema_editor.execute(
        f"INSERT INTO {items} ({item_columns}) SELECT {item_columns} FROM {source} "
        f"WHERE {item_key} <> ''"
    )
    schema_editor.execute(
        f"INSERT INTO {dimensions} ({dimension_columns}) SELECT {dimension_columns} "
        f"FROM {source} WHERE {item_key} = ''"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("scans", "0002_aggregate_complete_cases"),
    ]

    operations = [
        migrations.CreateModel(
            name="Aggregate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("location_key", models.PositiveBigIntegerField(default=0)),
                ("team_key", models.PositiveBigIntegerField(default=0)),
                (
                    "role_group",
                    models.CharField(
                        choices=[
                            ("leiding", "Leadership"),
                            ("medewerkers", "Staff members"),
                            ("ouders", "Parents"),
                            ("leerlingen", "Pupils"),
                        ],
                        max_length=20,
                    ),
                ),
                ("item_key", models.CharField(blank=True, default="", max_length=100)),
                ("dimension_key", models.CharField(max_length=80)),
                ("n", models.PositiveIntegerField(default=0)),
                ("total", models.PositiveBigIntegerField(default=0)),
                ("total_sq", models.PositiveBigIntegerField(default=0)),
                ("h1", models.PositiveIntegerField(default=0)),
                ("h2", models.PositiveIntegerField(default=0)),
                ("h3", models.PositiveIntegerField(default=0)),
                ("h4", models.PositiveIntegerField(default=0)),
                ("h5", models.PositiveIntegerField(default=0)),
                ("dont_know", models.PositiveIntegerField(default=0)),
                ("respondents", models.PositiveIntegerField(default=0)),
                ("score_total", models.FloatField(default=0)),
                ("score_total_sq", models.FloatField(default=0)),
                ("complete_n", models.PositiveIntegerField(default=0)),
                ("complete_total", models.PositiveBigIntegerField(default=0)),
                ("complete_total_sq", models.PositiveBigIntegerField(default=0)),
                (
                    "campaign",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="scans.campaign",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["campaign", "location_key", "team_key", "role_group"],
                        name="aggregate_cell",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=(
                            "campaign",
                            "item_key",
                            "dimension_key",
                            "location_key",
                            "team_key",
                            "role_group",
                        ),
                        name="aggregate_unique_cell",
                    )
                ],
            },
        ),
        migrations.RunPython(merge, split),
        migrations.DeleteModel(name="DimensionAggregate"),
        migrations.DeleteModel(name="ItemAggregate"),
        migrations.CreateModel(
            name="DimensionAggregate",
            fields=[],
            options={"proxy": True, "indexes": [], "constraints": []},
            bases=("scans.aggregate",),
        ),
        migrations.CreateModel(
            name="ItemAggregate",
            fields=[],
            options={"proxy": True, "indexes": [], "constraints": []},
            bases=("scans.aggregate",),
        ),
    ]
