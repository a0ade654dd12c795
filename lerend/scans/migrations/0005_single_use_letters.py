"""Single-use letters for parents and pupils (docs/anonymity.md, route 1).

Codes made before this migration were shared by a whole group (up to 40 uses): a response
through them cannot be tied to one family. Such codes are spent (``use_limit = uses``, so
nobody can start with them any more) and their campaigns are marked
``codes_single_use = False``: their results are no longer shown anywhere.
"""

import django.core.validators
from django.db import migrations, models
from django.db.models import F


def retire_shared_codes(apps, schema_editor):
    AccessCode = apps.get_model("scans", "AccessCode")
    Campaign = apps.get_model("scans", "Campaign")
    shared = AccessCode.objects.filter(use_limit__gt=1)
    campaign_ids = set(shared.values_list("campaign_id", flat=True))
    shared.update(use_limit=F("uses"))
    # A code nobody used cannot start anything either (the limit must stay >= 1).
    AccessCode.objects.filter(campaign_id__in=campaign_ids, use_limit=0).delete()
    Campaign.objects.filter(pk__in=campaign_ids).update(codes_single_use=False)


class Migration(migrations.Migration):
    dependencies = [("scans", "0004_campaign_leaders_apart")]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="codes_single_use",
            field=models.BooleanField(default=True),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="code_use_limit",
            field=models.PositiveIntegerField(
                default=30,
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(120),
                ],
                verbose_name="letters per group",
            ),
        ),
        migrations.AlterField(
            model_name="accesscode",
            name="use_limit",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.RunPython(retire_shared_codes, migrations.RunPython.noop),
    ]
