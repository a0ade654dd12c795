"""Background work of monitoring, named in ``contrib.py`` (``daily_tasks``) and enqueued once a
day by ``manage.py daily``:

- a reminder to each group whose last well-being round is older than the organisation's
  period (default six months): one mail per group per period, claimed with a conditional
  update so enqueueing twice sends nothing twice;
- computed indicators measured when their cadence says it is time.
"""

import datetime

from django.db import transaction
from django.db.models import Max
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.accounts import reminders
from lerend.kit.site import site_url
from lerend.organisations.models import Organisation

from .models import CADENCE_DAYS, COMPUTED_SOURCES, Indicator, WellbeingReminder
from .selectors import indicators as indicator_selectors
from .selectors import wellbeing as selectors
from .services import indicators as services

_site_url = site_url
# The outbox group of monitoring's mails (docs/operations-tasks.md).
MAIL_GROUP = "monitoring"


def _claim(team, today, since) -> bool:
    reminder, created = WellbeingReminder.objects.get_or_create(
        team=team, defaults={"last_sent_on": today}
    )
    if created:
        return True
    return bool(
        WellbeingReminder.objects.filter(pk=reminder.pk, last_sent_on__lt=since).update(
            last_sent_on=today
        )
    )


@task
def remind_wellbeing_rounds() -> int:
    """Mails the members of every group due for a new round. Returns the number of mails."""
    today, sent = timezone.localdate(), 0
    for organisation in Organisation.objects.order_by("pk"):
        months = indicator_selectors.settings_for(organisation).reminder_months
        since = selectors.due_before(months)
        for team in selectors.teams_due(organisation, months).order_by("pk"):
            # The claim and the group's mails commit together (a crash loses nothing; the
            # key, one per group, person and day, mails nobody twice).
            with transaction.atomic():
                if not _claim(team, today, since):
                    continue
                link = _site_url() + reverse("monitoring:round_create", args=[organisation.slug])
                for membership in selectors.team_recipients(team):
                    person = membership.person
                    with translation.override(person.language or "nl"):
                        body = render_to_string(
                            "monitoring/mail/round_due.txt",
                            {
                                "person": person,
                                "team": team,
                                "link": link,
                                "childcare": organisation.is_childcare,
                            },
                        )
                        subject = _("Time for a new well-being round")
                    sent += reminders.queue(
                        person=person,
                        kind="wellbeing_round",
                        key=f"monitoring.round_due:{team.pk}:{person.pk}:{today.isoformat()}",
                        subject=subject,
                        body=body,
                        group=MAIL_GROUP,
                        organisation_id=organisation.pk,
                    )
    reminders.deliver(MAIL_GROUP)
    return sent


@task
def measure_computed_indicators() -> int:
    """Measures every computed indicator whose last measurement is older than its cadence.
    Returns how many got a new value."""
    today, measured = timezone.localdate(), 0
    indicators = (
        Indicator.objects.filter(source__in=COMPUTED_SOURCES, archived=False)
        .annotate(last=Max("check_ins__measured_on"))
        .select_related("organisation", "team", "location")
        .order_by("pk")
    )
    for indicator in indicators:
        due = indicator.last is None or today - indicator.last >= datetime.timedelta(
            days=CADENCE_DAYS[indicator.cadence]
        )
        if due and services.measure_computed(indicator=indicator, on=today) is not None:
            measured += 1
    return measured
