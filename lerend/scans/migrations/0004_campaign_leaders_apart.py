from django.db import migrations, models


class Migration(migrations.Migration):
    """Existing campaigns froze leaders in their own team or location (False); new ones
    count leadership apart by default."""

    dependencies = [("scans", "0003_one_aggregate_table")]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="leaders_apart",
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="leaders_apart",
            field=models.BooleanField(default=True),
        ),
    ]
