"""Background work of coaching: from July on, coaches and managers get the number of people
in their scope not yet coached this year, with a link to the list — by mail through the
task worker (``manage.py daily`` enqueues, ``manage.py db_worker`` sends).

At most one mail a fortnight per person and organisation: ``CoverageReminder.last_sent_on``
is claimed with a conditional update before the mail goes, so two runs on one day send one.
The mail holds a number and a link, never names: names stay behind the log-in."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.accounts import reminders
from lerend.kit.site import site_url
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Membership, Role

from . import selectors
from .models import CoverageReminder

RECIPIENT_ROLES = (Role.COACH, Role.LOCATIEMANAGER, Role.BESTUURDER)
INTERVAL_DAYS = 14


_site_url = site_url
# The outbox group of coaching's mails (docs/operations-tasks.md).
MAIL_GROUP = "coaching"


def _claim(organisation, person, today) -> bool:
    recent = today - datetime.timedelta(days=INTERVAL_DAYS - 1)
    reminder, created = CoverageReminder.objects.get_or_create(
        organisation=organisation, person=person, defaults={"last_sent_on": today}
    )
    if created:
        return True
    return bool(
        CoverageReminder.objects.filter(pk=reminder.pk)
        .filter(Q(last_sent_on__lt=recent))
        .update(last_sent_on=today)
    )


@task
def mail_not_yet_coached(today: str | None = None) -> int:
    """Mails each coach, locatiemanager and bestuurder whose scope has people not coached
    this year, from July on. ``today`` (ISO date) lets tests pick the day. Returns the number
    of mails sent."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    if not selectors.is_signal_period(day):
        return 0
    recipients = (
        Membership.objects.active(on=day)
        .filter(role__in=RECIPIENT_ROLES)
        .select_related("person", "organisation")
        .order_by("organisation_id", "person_id")
        .distinct()
    )
    seen, sent = set(), 0
    for membership in recipients.iterator():
        key = (membership.organisation_id, membership.person_id)
        if key in seen:
            continue
        seen.add(key)
        organisation, person = membership.organisation, membership.person
        access = resolve_access(person, organisation)
        if access is None:
            continue
        counts = selectors.coverage_counts(access, day.year)
        missing = counts["people"] - counts["coached"]
        if not missing:
            continue
        # The claim and the mail commit together: a crash loses nothing, the key (one per
        # person, organisation and day) mails nobody twice.
        with transaction.atomic():
            if not _claim(organisation, person, day):
                continue
            link = _site_url() + reverse("coaching:coverage", args=[organisation.slug])
            with translation.override(person.language or "nl"):
                body = render_to_string(
                    "coaching/mail/not_yet_coached.txt",
                    {
                        "person": person,
                        "organisation": organisation,
                        "missing": missing,
                        "year": day.year,
                        "link": link,
                    },
                )
                subject = _("Not everyone has been coached yet this year")
            sent += reminders.queue(
                person=person,
                kind="coverage",
                key=f"coaching.coverage:{organisation.pk}:{person.pk}:{day.isoformat()}",
                subject=subject,
                body=body,
                group=MAIL_GROUP,
                organisation_id=organisation.pk,
            )
    reminders.deliver(MAIL_GROUP)
    return sent
