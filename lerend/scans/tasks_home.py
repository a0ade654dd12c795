"""Home-page tasks of scans (see contrib.py): the questionnaires waiting for this person, and
results that became ready lately. Two queries."""

import datetime

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lerend.kit.contrib import Task

from .models import Campaign, ScanInvitation
from .results import plan
from .services import token_for

# Results of a campaign are "new" on the home page for this long after it closed.
NEW_RESULTS_DAYS = 30


def tasks_for(request) -> list[Task]:
    return _to_fill_in(request) + _new_results(request)


def _to_fill_in(request) -> list[Task]:
    """The person's own invitations to open campaigns they have not answered: the same link
    as in their mail (only they see their home page; nobody else learns who answered)."""
    today = timezone.localdate()
    invitations = (
        ScanInvitation.objects.filter(
            person=request.user,
            used_on__isnull=True,
            campaign__organisation=request.access.organisation,
            campaign__launched_at__isnull=False,
            campaign__closed_at__isnull=True,
            campaign__opens_on__lte=today,
            campaign__closes_on__gte=today,
        )
        .select_related("campaign")
        .order_by("campaign__closes_on", "pk")
    )
    tasks = []
    for invitation in invitations:
        closes = formats.date_format(invitation.campaign.closes_on, "DATE_FORMAT")
        values = {"title": invitation.campaign.title, "date": closes}
        text = (
            _("Continue the questionnaire “%(title)s” (open until %(date)s)")
            if invitation.draft
            else _("Fill in the questionnaire “%(title)s” (open until %(date)s)")
        )
        url = reverse("respond:start", args=[token_for(invitation.nonce)])
        tasks.append(Task(text % values, url))
    return tasks


def _new_results(request) -> list[Task]:
    """Campaigns of the organisation that closed in the last few weeks with results ready:
    the overview lists only the groups this person may see."""
    today = timezone.localdate()
    since = today - datetime.timedelta(days=NEW_RESULTS_DAYS)
    organisation = request.access.organisation
    recent = (
        Campaign.objects.filter(plan.closed_filter(), organisation=organisation)
        .filter(closes_on__gte=since)
        .order_by("-closes_on", "-pk")[:3]
    )
    url = reverse("scans:results", args=[organisation.slug])
    return [
        Task(_("New results: “%(title)s”") % {"title": campaign.title}, url)
        for campaign in recent
        if plan.results_ready(campaign, today=today)
    ]
