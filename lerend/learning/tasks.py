"""Background work of the learning area: the opt-in weekly journal reminder, the question
"did you apply it in practice?" three months after a PD activity, and the mail to colleagues
asked for peer feedback.

How it is scheduled: it is named in ``contrib.py`` (``daily_tasks``), which ``manage.py daily``
(cron, once a day) enqueues; the django-tasks-db worker (``manage.py db_worker``) picks the
task up and sends the mail. Enqueueing twice on one day
is harmless: ``last_sent_on`` is claimed with a conditional update, so each person gets one
mail a week at most. Tests use the immediate backend, which runs the task at once.
"""

import datetime

from django.db import models, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.accounts import reminders
from lerend.background import services as outbox
from lerend.background.services import Mail
from lerend.kit.site import site_url

from .models import FeedbackInvite, JournalReminder, Participation

# The outbox group of learning's mails (docs/operations-tasks.md).
MAIL_GROUP = "learning"


_site_url = site_url


@task
def send_journal_reminders() -> int:
    """Mails everyone whose reminder day is today and who got no reminder in the past six
    days. The mail holds a link, never journal text. Returns the number sent."""
    today = timezone.localdate()
    recent = today - datetime.timedelta(days=6)
    due = (
        JournalReminder.objects.filter(weekday=today.weekday(), person__is_active=True)
        .exclude(last_sent_on__gte=recent)
        .select_related("person", "organisation")
        .order_by("id")
    )
    sent = 0
    for reminder in due.iterator():
        # The claim and the mail in the outbox commit together: a worker killed between
        # them loses nothing, and the outbox key mails nobody twice (docs/operations-tasks.md).
        with transaction.atomic():
            claimed = (
                JournalReminder.objects.filter(pk=reminder.pk)
                .exclude(last_sent_on__gte=recent)
                .update(last_sent_on=today)
            )
            if not claimed:
                continue
            link = _site_url() + reverse("learning:entry_create", args=[reminder.organisation.slug])
            with translation.override(reminder.person.language or "nl"):
                body = render_to_string(
                    "learning/mail/reminder.txt", {"person": reminder.person, "link": link}
                )
                subject = _("A moment to look back on your week")
            if not reminders.queue(
                person=reminder.person,
                kind="journal",
                key=f"learning.journal_reminder:{reminder.pk}:{today.isoformat()}",
                subject=subject,
                body=body,
                group=MAIL_GROUP,
                organisation_id=reminder.organisation_id,
            ):
                continue
        sent += 1
    outbox.deliver(group=MAIL_GROUP)
    outbox.follow_up(MAIL_GROUP)
    return sent


# "Three months later": 13 weeks, so the day does not depend on month lengths.
APPLIED_AFTER_DAYS = 91


@task
def ask_whether_applied(today: str | None = None) -> int:
    """For every participation whose activity ended APPLIED_AFTER_DAYS or more ago and whose
    person was not asked yet: mark it asked (it then shows as a home task) and mail the
    person "did you apply it in practice?". ``today`` (ISO date) lets tests and a late cron
    run pick the day. Returns the number asked."""
    today_date = datetime.date.fromisoformat(today) if today else timezone.localdate()
    cutoff = today_date - datetime.timedelta(days=APPLIED_AFTER_DAYS)
    due = (
        Participation.objects.filter(applied_asked_on__isnull=True, person__is_active=True)
        .filter(
            models.Q(activity__ends_on__lte=cutoff)
            | models.Q(activity__ends_on__isnull=True, activity__starts_on__lte=cutoff)
        )
        .select_related("person", "activity__organisation")
        .order_by("id")
    )
    asked = 0
    for participation in due.iterator():
        # Conditional update: two workers at once still mail each person once; the mail is
        # queued in the same transaction, so a crash in between loses nothing.
        with transaction.atomic():
            if not Participation.objects.filter(
                pk=participation.pk, applied_asked_on__isnull=True
            ).update(applied_asked_on=today_date):
                continue
            activity = participation.activity
            link = _site_url() + reverse(
                "learning:participation_applied",
                args=[activity.organisation.slug, participation.pk],
            )
            with translation.override(participation.person.language or "nl"):
                body = render_to_string(
                    "learning/mail/applied.txt",
                    {"person": participation.person, "activity": activity, "link": link},
                )
                subject = _("Did you apply it in practice? %(title)s") % {"title": activity.title}
            reminders.queue(
                person=participation.person,
                kind="applied",
                key=f"learning.applied:{participation.pk}",
                subject=subject,
                body=body,
                group=MAIL_GROUP,
                organisation_id=activity.organisation_id,
            )
        asked += 1
    outbox.deliver(group=MAIL_GROUP)
    outbox.follow_up(MAIL_GROUP)
    return asked


@task
def mail_feedback_invites(feedback_request_id: int) -> int:
    """Mails every colleague asked in one feedback request a link to their invitation, in
    their own language. Enqueued once, after the request is committed. The mail names the
    requester but holds neither the question nor any answer. Returns the number sent."""
    invites = (
        FeedbackInvite.objects.filter(
            request_id=feedback_request_id, answered=False, person__is_active=True
        )
        .select_related("person", "request__requester", "request__organisation")
        .order_by("id")
    )
    mails = []
    for invite in invites:
        feedback_request = invite.request
        link = _site_url() + reverse(
            "learning:feedback_answer", args=[feedback_request.organisation.slug, invite.pk]
        )
        context = {
            "person": invite.person,
            "requester": feedback_request.requester,
            "allow_anonymous": feedback_request.allow_anonymous,
            "link": link,
        }
        with translation.override(invite.person.language or "nl"):
            body = render_to_string("learning/mail/feedback_invite.txt", context)
            subject = _("%(name)s asks for your feedback") % {
                "name": feedback_request.requester.name
            }
        # Keyed by the invite: when the task runs again after a crash, nobody is asked twice.
        mails.append(
            Mail(f"learning.feedback_invite:{invite.pk}", invite.person.email, subject, body)
        )
    outbox.queue_mails(mails, group=MAIL_GROUP)
    sent = outbox.deliver(group=MAIL_GROUP).sent
    outbox.follow_up(MAIL_GROUP)
    return sent
