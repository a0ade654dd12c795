"""Daily work of knowledge (``manage.py daily``): refresh every organisation's search index,
and ask owners "klopt dit nog?" when an entry's review date has come — once per review date
(``review_asked_on`` is claimed before the mail goes)."""

from django.db import transaction
from django.db.models import F, Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lerend.accounts import reminders
from lerend.kit.site import absolute
from lerend.organisations.models import Organisation

from . import services
from .models import KnowledgeEntry, Status

# The outbox group of knowledge's mails (docs/operations-tasks.md).
MAIL_GROUP = "knowledge"


@task
def reindex_search() -> dict:
    totals = {"added": 0, "changed": 0, "removed": 0}
    for organisation in Organisation.objects.order_by("pk"):
        for key, value in services.reindex_organisation(organisation=organisation).items():
            totals[key] += value
    return totals


@task
def reindex_source(organisation_id: int, app_label: str) -> dict:
    """One app's part of one organisation's search, after its records changed."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return {}
    return services.reindex_organisation(organisation=organisation, app_label=app_label)


@task
def ask_whether_still_right() -> int:
    today = timezone.localdate()
    due = (
        KnowledgeEntry.objects.filter(
            status=Status.PUBLISHED, review_on__lte=today, owner__isnull=False
        )
        .filter(Q(review_asked_on__isnull=True) | Q(review_asked_on__lt=F("review_on")))
        .select_related("owner", "organisation")
        .order_by("owner_id", "organisation_id", "pk")
    )
    per_owner: dict[tuple, list] = {}
    for entry in due:
        per_owner.setdefault((entry.owner, entry.organisation), []).append(entry)
    sent = 0
    for (owner, organisation), entries in per_owner.items():
        # The claim and the mail commit together: a crash loses nothing, the key (one per
        # owner, organisation and day) mails nobody twice.
        with transaction.atomic():
            claimed = KnowledgeEntry.objects.filter(pk__in=[e.pk for e in entries]).filter(
                Q(review_asked_on__isnull=True) | Q(review_asked_on__lt=F("review_on"))
            )
            if not claimed.update(review_asked_on=today):
                continue
            with translation.override(owner.language or "nl"):
                url = absolute(reverse("knowledge:index", args=[organisation.slug]))
                body = ngettext(
                    "Is what you shared still right? One entry is due for a check: %(url)s",
                    "Is what you shared still right? %(n)s entries are due for a check: %(url)s",
                    len(entries),
                ) % {"n": len(entries), "url": url}
                subject = _("Still right?")
            sent += reminders.queue(
                person=owner,
                kind="review",
                key=f"knowledge.review:{organisation.pk}:{owner.pk}:{today.isoformat()}",
                subject=subject,
                body=body,
                group=MAIL_GROUP,
                organisation_id=organisation.pk,
            )
    reminders.deliver(MAIL_GROUP)
    return sent
