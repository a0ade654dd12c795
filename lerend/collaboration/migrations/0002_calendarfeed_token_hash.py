"""Learning-group calendar links: keep only the sha256 of the secret (as every other
token). Existing links keep working: the stored token is replaced by its own digest, which
is what the feed looks up now."""

import hashlib

from django.db import migrations


def hash_tokens(apps, schema_editor):
    CalendarFeed = apps.get_model("collaboration", "CalendarFeed")
    for feed in CalendarFeed.objects.all():
        feed.token_hash = hashlib.sha256(feed.token_hash.encode()).hexdigest()
        feed.save(update_fields=["token_hash"])


class Migration(migrations.Migration):
    dependencies = [("collaboration", "0001_initial")]

    operations = [
        migrations.RenameField("calendarfeed", "token", "token_hash"),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]
