"""Board calendar links: keep only the sha256 of the secret (as every other token), and a
fixed first session of the weekly series. Existing links keep working: the stored token is
replaced by its own digest, which is what the feed looks up now."""

import datetime
import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    TeamBoard = apps.get_model("improvement", "TeamBoard")
    today = datetime.date.today()
    for board in TeamBoard.objects.all():
        if board.feed_token_hash:
            board.feed_token_hash = hashlib.sha256(board.feed_token_hash.encode()).hexdigest()
        ahead = (board.weekday - today.weekday()) % 7
        board.series_starts_on = today + datetime.timedelta(days=ahead)
        board.save(update_fields=["feed_token_hash", "series_starts_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("improvement", "0002_developmenttheme_steeringgroupmember_themeproject_and_more"),
    ]

    operations = [
        migrations.RenameField("teamboard", "feed_token", "feed_token_hash"),
        migrations.AddField(
            model_name="teamboard",
            name="series_starts_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]
