"""Background work of scan results: the plans of a closed campaign, worked out before its
first reader (results/warm.py). Run by the django-tasks-db worker."""

import datetime

from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from . import steering
from .models import Campaign
from .results import warm


def warm_campaign(campaign_id: int) -> int:
    """The plans of one closed campaign and, when they are ready, the steering series of its
    organisation's leaders (``steering.warm``: every series reads its newest round)."""
    positions = warm.warm(campaign_id)
    if positions:
        organisation = Campaign.objects.select_related("organisation").get(pk=campaign_id)
        steering.warm(organisation.organisation)
    return positions


@task
def warm_results(campaign_id: int) -> int:
    """The plans of one closed campaign (enqueued when it is closed early)."""
    return warm_campaign(campaign_id)


# Campaigns that closed by date since this many days: a missed daily run is caught up.
CATCH_UP_DAYS = 3


@task
def warm_closed_results() -> int:
    """Daily: the plans of every campaign that closed by its date in the last few days.
    Returns the campaigns warmed."""
    today = timezone.localdate()
    recent = Campaign.objects.filter(
        Q(closes_on__lt=today, closes_on__gte=today - datetime.timedelta(days=CATCH_UP_DAYS))
        | Q(closed_at__date__gte=today - datetime.timedelta(days=CATCH_UP_DAYS)),
        launched_at__isnull=False,
    )
    return sum(
        1 for campaign_id in recent.values_list("pk", flat=True) if warm_campaign(campaign_id)
    )
