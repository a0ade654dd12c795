"""Background work of scans: invitation and reminder mails. Run by the django-tasks-db
worker (tests use the immediate backend)."""

from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.accounts import reminders
from lerend.background import services as outbox
from lerend.background.services import Mail
from lerend.kit.site import site_url

from .models import Campaign, CampaignStatus, ScanInvitation
from .services import send_reminders, token_for


def _mail(invitation: ScanInvitation, campaign: Campaign, kind: str, key: str) -> Mail:
    link = site_url() + reverse("respond:start", args=[token_for(invitation.nonce)])
    with translation.override(invitation.language or "nl"):
        context = {"campaign": campaign, "link": link, "kind": kind}
        body = render_to_string("scans/mail/invitation.txt", context)
        if kind == "reminder":
            subject = _("Reminder: %(title)s") % {"title": campaign.title}
        else:
            subject = _("Your opinion please: %(title)s") % {"title": campaign.title}
    unsubscribe = None
    if kind == "reminder":  # a recurring reminder: the person may have switched it off
        unsubscribe = reminders.unsubscribe_for(invitation.person, REMINDER_KIND)
    return Mail(key, invitation.person.email, subject, body, unsubscribe)


REMINDER_KIND = "scan_reminder"


def mail_group(campaign_id: int) -> str:
    """The outbox group of a campaign's mails (its page shows the failed ones)."""
    return f"scans.campaign:{campaign_id}"


# Invitations are put in the outbox this many at a time, so a campaign of 15,000 never
# holds all its mails in memory at once.
QUEUE_CHUNK = 500


@task
def send_campaign_mails(campaign_id: int, kind: str) -> int:
    """Mail staff invitations (kind "invitation") or reminders (kind "reminder": everyone
    who has not answered, while the campaign is open). Each mail names only the campaign and
    the person's own link. Idempotent and resumable: every mail has its key in the outbox
    (the invitation, and for reminders the day), so when a worker dies half-way and the task
    runs again, nobody gets a mail twice and nobody is skipped. Returns the number sent by
    this run."""
    campaign = Campaign.objects.select_related("organisation").get(pk=campaign_id)
    if kind == "reminder" and campaign.status != CampaignStatus.OPEN:
        return 0
    invitations = (
        ScanInvitation.objects.filter(
            campaign=campaign, person__isnull=False, person__is_active=True, used_on__isnull=True
        )
        .select_related("person")
        .order_by("pk")
    )
    today = timezone.localdate().isoformat()
    group = mail_group(campaign.pk)
    chunk: list[Mail] = []
    switched_off = (
        reminders.switched_off_among(REMINDER_KIND, invitations.values("person_id"))
        if kind == "reminder"
        else set()
    )
    for invitation in invitations.iterator(chunk_size=QUEUE_CHUNK):
        if invitation.person_id in switched_off:
            continue
        key = (
            f"scans.invitation:{invitation.pk}"
            if kind == "invitation"
            else f"scans.reminder:{invitation.pk}:{today}"
        )
        chunk.append(_mail(invitation, campaign, kind, key))
        if len(chunk) == QUEUE_CHUNK:
            outbox.queue_mails(chunk, group=group, organisation_id=campaign.organisation_id)
            chunk = []
    outbox.queue_mails(chunk, group=group, organisation_id=campaign.organisation_id)
    if kind == "invitation":
        # The day the invitations were put in the outbox (shown on the campaign page).
        invitations.filter(mailed_on__isnull=True).update(mailed_on=timezone.localdate())
    sent = outbox.deliver(group=group).sent
    outbox.follow_up(group)
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
