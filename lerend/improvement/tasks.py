"""Background work: ask owners "Did it work?" some weeks after an action's due date.
Run by the django-tasks-db worker (tests use the immediate backend)."""

import datetime

from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.accounts import reminders
from lerend.kit.site import site_url

from .models import FOLLOW_UP_WEEKS_DEFAULT, Action, ActionStatus, ImprovementSettings

_site_url = site_url
# The outbox group of improvement's mails (docs/operations-tasks.md).
MAIL_GROUP = "improvement"


@task
def ask_follow_ups() -> int:
    """Meant to be enqueued once a day. For every action whose due date lies the
    organisation's number of weeks behind us and whose owner was not asked yet: mark it
    asked (it then shows in the owner's task list) and mail the owner. Returns the number
    asked."""
    today = timezone.localdate()
    weeks = dict(ImprovementSettings.objects.values_list("organisation_id", "follow_up_weeks"))
    candidates = (
        Action.objects.filter(
            follow_up_asked_on__isnull=True,
            status=ActionStatus.DONE,
            owner__isnull=False,
            owner__is_active=True,
            due_on__lte=today,
        )
        .select_related("owner", "organisation", "team")
        .order_by("id")
    )
    asked = 0
    for action in candidates.iterator():
        wait = datetime.timedelta(weeks=weeks.get(action.organisation_id, FOLLOW_UP_WEEKS_DEFAULT))
        if action.due_on + wait > today:
            continue
        # Conditional update: two workers running at once mail each owner once; the mail is
        # queued in the same transaction, so a crash in between loses nothing.
        with transaction.atomic():
            if not Action.objects.filter(pk=action.pk, follow_up_asked_on__isnull=True).update(
                follow_up_asked_on=today
            ):
                continue
            link = _site_url() + reverse(
                "improvement:follow_up", args=[action.organisation.slug, action.pk]
            )
            with translation.override(getattr(action.owner, "language", "") or "nl"):
                body = render_to_string(
                    "improvement/mail/follow_up.txt", {"action": action, "link": link}
                )
                subject = _("Did it work? %(title)s") % {"title": action.title}
            reminders.queue(
                person=action.owner,
                kind="follow_up",
                key=f"improvement.follow_up:{action.pk}",
                subject=subject,
                body=body,
                group=MAIL_GROUP,
                organisation_id=action.organisation_id,
            )
        asked += 1
    reminders.deliver(MAIL_GROUP)
    return asked
