"""Recurring reminder mails and the person's choice of which ones they receive.

Every app that sends a recurring reminder names its kinds in ``reminder_kinds`` (its
``contrib.py``) and queues it through :func:`queue`, which skips a person who switched that
kind off and adds the one-click ``List-Unsubscribe`` (RFC 8058) and the link to the reminders
page; the outbox (``lerend.background``) sends it once. Those links carry a signed token of
the person (Django's signing, salted for this use): it opens that person's reminder choices
without logging in — and nothing else, and nobody else's."""

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from lerend.background import services as outbox
from lerend.kit import contrib, mail
from lerend.kit.site import absolute

from .models import ReminderOptOut, User

SALT = "lerend.accounts.reminders"


def kinds() -> dict[str, str]:
    """Every kind of recurring reminder, key -> label (lazy, translated when shown)."""
    return contrib.reminder_kinds()


def token_for(person) -> str:
    return signing.dumps(person.pk, salt=SALT, compress=True)


def person_for(token: str) -> User | None:
    """The active person the token was made for, or None for a forged or foreign token."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def wants(person, kind: str) -> bool:
    return not ReminderOptOut.objects.filter(person=person, kind=kind).exists()


def switched_off_among(kind: str, person_ids) -> set[int]:
    """Of ``person_ids`` (ids or a values() subquery), those who switched ``kind`` off. One
    query, for a task that mails many people."""
    return set(
        ReminderOptOut.objects.filter(kind=kind, person_id__in=person_ids).values_list(
            "person_id", flat=True
        )
    )


def switched_off(person) -> set[str]:
    return set(ReminderOptOut.objects.filter(person=person).values_list("kind", flat=True))


@transaction.atomic
def choose(*, person, receive: set[str]) -> None:
    """Keep exactly the kinds in ``receive`` on. Side effects: ReminderOptOut rows."""
    known = set(kinds())
    ReminderOptOut.objects.filter(person=person).exclude(kind__in=known - receive).delete()
    for kind in sorted(known - receive):
        ReminderOptOut.objects.get_or_create(person=person, kind=kind)


def stop(*, person, kind: str) -> None:
    """One kind off (the one-click unsubscribe). Side effects: a ReminderOptOut row."""
    if kind not in kinds():
        raise KeyError(kind)
    try:
        with transaction.atomic():
            ReminderOptOut.objects.get_or_create(person=person, kind=kind)
    except IntegrityError:  # two clicks at once: the row is there
        pass


def unsubscribe_for(person, kind: str) -> mail.Unsubscribe:
    token = token_for(person)
    return mail.Unsubscribe(
        one_click=absolute(reverse("reminders:stop", args=[token, kind])),
        manage=absolute(reverse("reminders:manage", args=[token])),
    )


def queue(
    *,
    person,
    kind: str,
    key: str,
    subject: str,
    body: str,
    group: str,
    organisation_id: int | None = None,
) -> bool:
    """Put a recurring reminder of ``kind`` for ``person`` in the outbox unless they switched
    it off. Call it in the transaction that claims the reminder: a crash loses nothing, and
    ``key`` (one per reminder occasion) mails nobody twice. The task then delivers its
    ``group``. Returns whether it was queued."""
    if kind not in kinds():
        raise KeyError(f"unknown reminder kind {kind!r}: add it to reminder_kinds")
    if not wants(person, kind):
        return False
    outbox.queue_mail(
        key=key,
        to=person.email,
        subject=subject,
        body=body,
        group=group,
        organisation_id=organisation_id,
        unsubscribe=unsubscribe_for(person, kind),
    )
    return True


def deliver(group: str) -> None:
    """Send what a task queued now, and schedule a retry for what could not go yet."""
    outbox.deliver(group=group)
    outbox.follow_up(group)
