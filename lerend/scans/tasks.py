"""Background work of scans: invitation and reminder mails. Run by the django-tasks-db
worker (tests use the immediate backend)."""

from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.accounts import reminders
from lerend.kit import mail
from lerend.kit.site import site_url

from .models import Campaign, CampaignStatus, ScanInvitation
from .services import send_reminders, token_for

_site_url = site_url


def _send(invitation: ScanInvitation, campaign: Campaign, kind: str) -> bool:
    link = _site_url() + reverse("respond:start", args=[token_for(invitation.nonce)])
    with translation.override(invitation.language or "nl"):
        context = {"campaign": campaign, "link": link, "kind": kind}
        body = render_to_string("scans/mail/invitation.txt", context)
        if kind == "reminder":
            subject = _("Reminder: %(title)s") % {"title": campaign.title}
            return reminders.send(
                person=invitation.person, kind="scan_reminder", subject=subject, body=body
            )
        subject = _("Your opinion please: %(title)s") % {"title": campaign.title}
        mail.send(to=invitation.person.email, subject=subject, body=body)
    return True


@task
def send_campaign_mails(campaign_id: int, kind: str) -> int:
    """Mail staff invitations (kind "invitation": those not mailed yet) or reminders (kind
    "reminder": everyone who has not answered, while the campaign is open). Each mail names
    only the campaign and the person's own link. Returns the number sent."""
    campaign = Campaign.objects.select_related("organisation").get(pk=campaign_id)
    if kind == "reminder" and campaign.status != CampaignStatus.OPEN:
        return 0
    invitations = ScanInvitation.objects.filter(
        campaign=campaign, person__isnull=False, person__is_active=True, used_on__isnull=True
    ).select_related("person")
    if kind == "invitation":
        invitations = invitations.filter(mailed_on__isnull=True)
    sent = 0
    for invitation in invitations.iterator():
        mailed = _send(invitation, campaign, kind)
        if kind == "invitation":
            ScanInvitation.objects.filter(pk=invitation.pk).update(mailed_on=timezone.localdate())
        sent += mailed
    return sent


# Reminders go out at most this often per campaign, however often the daily task runs.
REMINDER_EVERY_DAYS = 7


@task
def remind_open_campaigns() -> int:
    """Meant to be enqueued once a day (cron or the worker's scheduler): remind the
    non-respondents of every open staff campaign whose last reminder is a week old (or that
    was never reminded and opened at least that long ago). Returns campaigns reminded."""
    today = timezone.localdate()
    reminded = 0
    for campaign in Campaign.objects.filter(
        launched_at__isnull=False,
        closed_at__isnull=True,
        audience="staff",
        opens_on__lte=today,
        closes_on__gte=today,
    ).select_related("organisation"):
        last = campaign.last_reminder_on or campaign.opens_on
        if (today - last).days >= REMINDER_EVERY_DAYS:
            with transaction.atomic():
                send_reminders(campaign=campaign, actor=None)
            reminded += 1
    return reminded
