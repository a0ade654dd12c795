"""Writes of background work: queueing and delivering mail exactly once, and resuming the
tasks of a worker that died (docs/operations-tasks.md, decision 0014-crash-and-abuse).

Delivery of one mail:
1. a delivery run claims a batch of due rows (PENDING, or CLAIMED/SENDING whose claim ran
   out because the run that held them died): PostgreSQL skips rows another run has locked
   (``select_for_update(skip_locked=True)``); on SQLite the write lock of the IMMEDIATE
   transaction serialises claims. The claim is a conditional UPDATE, so two runs never both
   take a row;
2. just before the row is handed to the mail server it becomes SENDING (committed);
3. after the server accepted it, SENT (committed), and the body is emptied.
A row CLAIMED by a dead run was certainly not sent and is simply sent later. A row left
SENDING by a run killed in the milliseconds between the server's acceptance and the commit
of step 3 is sent again: that one mail, at most one per killed run, can arrive twice, with
the same Message-ID, which mail programs show once. SMTP offers no way to ask the server
whether it accepted a message, so this is as close to exactly once as a mail can get.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import mailers
from django.db import connection, transaction
from django.db.models import Min, Q
from django.tasks import TaskResultStatus
from django.utils import timezone

from lerend.kit import mail as mail_shape
from lerend.kit.site import site_domain

from .models import MailState, OutboxMail, WorkerHeartbeat

logger = logging.getLogger("lerend.background")

# Overridable in settings.LEREND_MAIL under the same keys.
MAIL = {
    "batch": 50,  # mails claimed (and sent over one connection) at a time
    "per_minute": 600,  # over all workers together; set it to the SMTP provider's limit
    "max_attempts": 5,  # then the mail is FAILED and shown to the campaign owner
    "backoff_seconds": 60,  # first retry after 1 minute, then 2, 4, 8 ...
    "claim_seconds": 300,  # a claim not finished by then belongs to a dead run
}
# Overridable in settings.LEREND_WORKER under the same keys.
WORKER = {
    "heartbeat_seconds": 10,
    "lease_seconds": 60,  # no heartbeat for this long: the worker is gone
}


def mail_conf() -> dict[str, int]:
    return {**MAIL, **getattr(settings, "LEREND_MAIL", {})}


def worker_conf() -> dict[str, float]:
    return {**WORKER, **getattr(settings, "LEREND_WORKER", {})}


# --- queueing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mail:
    key: str
    to: str
    subject: str
    body: str
    unsubscribe: mail_shape.Unsubscribe | None = None


def queue_mails(
    mails: Iterable[Mail], *, group: str = "", organisation_id: int | None = None
) -> int:
    """Put mails in the outbox; a key that is already there (sent or not) is left alone, so
    running the same task twice mails nobody twice. Returns how many rows exist for the
    given keys afterwards that are not yet sent. Side effects: OutboxMail rows."""
    rows = [
        OutboxMail(
            key=mail.key,
            to=mail.to,
            subject=" ".join(mail.subject.splitlines())[:255],
            body=mail.body,
            unsubscribe=dataclasses.asdict(mail.unsubscribe) if mail.unsubscribe else None,
            group=group,
            organisation_id=organisation_id,
        )
        for mail in mails
    ]
    OutboxMail.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def queue_mail(
    *,
    key: str,
    to: str,
    subject: str,
    body: str,
    group: str = "",
    organisation_id=None,
    unsubscribe: mail_shape.Unsubscribe | None = None,
) -> None:
    """One mail into the outbox (see queue_mails); deliver_outbox sends it."""
    queue_mails(
        [Mail(key, to, subject, body, unsubscribe)], group=group, organisation_id=organisation_id
    )


def queue_and_deliver(mails: Iterable[Mail], *, group: str = "", organisation_id=None) -> int:
    """Queue, then deliver the due mails right away in this task. Returns mails sent now."""
    queue_mails(mails, group=group, organisation_id=organisation_id)
    return deliver(group=group).sent


# --- delivery -------------------------------------------------------------------------------


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0  # attempts that failed in this run (retried later or given up)
    given_up: int = 0


def _due(now) -> Q:
    expired = Q(state__in=[MailState.CLAIMED, MailState.SENDING], claimed_until__lt=now)
    return Q(state=MailState.PENDING, next_attempt_at__lte=now) | expired


def _claim(group: str | None, size: int, claim_seconds: int) -> list[OutboxMail]:
    now = timezone.now()
    token = uuid.uuid4().hex
    due = OutboxMail.objects.filter(_due(now))
    if group is not None:
        due = due.filter(group=group)
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            candidates = due.select_for_update(skip_locked=True)
        else:
            candidates = due  # SQLite: the IMMEDIATE transaction holds the write lock
        ids = list(candidates.order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return []
        # Conditional: a row claimed meanwhile by another run no longer matches.
        OutboxMail.objects.filter(_due(now), pk__in=ids).update(
            state=MailState.CLAIMED,
            claim=token,
            claimed_until=now + timedelta(seconds=claim_seconds),
        )
    return list(OutboxMail.objects.filter(claim=token, state=MailState.CLAIMED).order_by("pk"))


def _message_id(key: str) -> str:
    # The same for every attempt, so a mail that did arrive twice is shown once.
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"<{digest}@{site_domain()}>"


def _allowance(per_minute: int) -> int:
    """How many mails may go out now under the limit per minute, over all workers."""
    sent = OutboxMail.objects.filter(sent_at__gt=timezone.now() - timedelta(seconds=60)).count()
    return max(per_minute - sent, 0)


def _fail(mail: OutboxMail, error: BaseException, conf: dict[str, int]) -> bool:
    """Record a failed attempt; True when the mail is given up."""
    attempts = mail.attempts + 1
    given_up = attempts >= conf["max_attempts"]
    delay = conf["backoff_seconds"] * 2 ** (attempts - 1)
    OutboxMail.objects.filter(pk=mail.pk, claim=mail.claim).update(
        state=MailState.FAILED if given_up else MailState.PENDING,
        attempts=attempts,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        claim="",
        claimed_until=None,
        last_error=f"{type(error).__name__}: {error}"[:300],
    )
    logger.warning("mail %s attempt %s failed: %s", mail.key, attempts, error)
    return given_up


def deliver(*, group: str | None = None, max_seconds: float | None = None) -> Delivery:
    """Send due mails in batches until none are due (or ``max_seconds`` passed), within
    the limit per minute. Side effects: mails; OutboxMail states, attempts and errors."""
    conf = mail_conf()
    result = Delivery()
    started = time.monotonic()
    while max_seconds is None or time.monotonic() - started < max_seconds:
        allowance = _allowance(conf["per_minute"])
        if allowance == 0:
            time.sleep(1)  # the minute's share is used up: wait for it to slide on
            continue
        batch = _claim(group, min(conf["batch"], allowance), conf["claim_seconds"])
        if not batch:
            break
        mail_connection: Any = mailers.default
        try:
            mail_connection.open()
        except Exception as error:  # the server is unreachable: every mail of the batch waits
            for mail in batch:
                result.failed += 1
                result.given_up += _fail(mail, error, conf)
            continue
        try:
            for mail in batch:
                _send_one(mail, mail_connection, conf, result)
        finally:
            mail_connection.close()
    return result


def _send_one(mail: OutboxMail, mail_connection, conf, result: Delivery) -> None:
    marked = OutboxMail.objects.filter(pk=mail.pk, claim=mail.claim).update(state=MailState.SENDING)
    if not marked:  # our claim ran out and another run took the row over
        return
    # Every mail in Lerend's one shape (kit.mail: text + HTML, Auto-Submitted, the reminder's
    # List-Unsubscribe); the Message-ID follows the key, so a resent mail is the same mail.
    unsubscribe = mail_shape.Unsubscribe(**mail.unsubscribe) if mail.unsubscribe else None
    message = mail_shape.message(
        to=mail.to, subject=mail.subject, body=mail.body, unsubscribe=unsubscribe
    )
    message.extra_headers["Message-ID"] = _message_id(mail.key)
    message.extra_headers["X-Lerend-Mail"] = mail.key
    try:
        accepted = mail_connection.send_messages([message])
        if not accepted:
            raise RuntimeError("the mail server did not accept the message")
    except Exception as error:  # retried with backoff; shown to the owner after the last try
        result.failed += 1
        result.given_up += _fail(mail, error, conf)
        return
    OutboxMail.objects.filter(pk=mail.pk).update(
        state=MailState.SENT, sent_at=timezone.now(), body="", claim="", claimed_until=None
    )
    result.sent += 1


def next_due_at(group: str | None = None):
    """When the earliest unsent mail becomes due (a retry, or a claim running out), or None
    when nothing is waiting."""
    waiting = OutboxMail.objects.exclude(state__in=[MailState.SENT, MailState.FAILED])
    if group is not None:
        waiting = waiting.filter(group=group)
    times = waiting.aggregate(
        pending=Min("next_attempt_at", filter=Q(state=MailState.PENDING)),
        claimed=Min("claimed_until", filter=~Q(state=MailState.PENDING)),
    )
    found = [t for t in times.values() if t is not None]
    return min(found) if found else None


def follow_up(group: str = "") -> None:
    """When mails are still waiting (a retry with backoff, or a claim of a dead run that
    has yet to run out), enqueue one delivery for the moment the first is due. Backends
    that cannot defer (the tests' immediate backend) leave it to the daily run."""
    from .tasks import deliver_outbox  # noqa: PLC0415 — cycle: the tasks call these services

    due_at = next_due_at(group or None)
    if due_at is None or not deliver_outbox.get_backend().supports_defer:
        return
    deliver_outbox.using(run_after=due_at + timedelta(seconds=1)).enqueue(group=group)


def deliver_after_commit(group: str = "") -> None:
    """Have the worker send ``group``'s queued mails once the current transaction commits
    (a request queues, the worker mails)."""
    from .tasks import deliver_outbox  # noqa: PLC0415 — cycle: the tasks call these services

    transaction.on_commit(lambda: deliver_outbox.enqueue(group=group))


def retry_failed(*, group: str) -> int:
    """Give the failed mails of a group a new round of attempts (the campaign owner fixed
    the addresses, or the mail server is back). Returns how many."""
    return OutboxMail.objects.filter(group=group, state=MailState.FAILED).update(
        state=MailState.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )


def purge_sent(*, older_than: timedelta) -> int:
    """Delete sent and failed outbox rows older than ``older_than``. Returns how many."""
    cutoff = timezone.now() - older_than
    return OutboxMail.objects.filter(
        state__in=[MailState.SENT, MailState.FAILED], created_at__lt=cutoff
    ).delete()[0]


def forget_recipient(*, email: str, organisation_id: int) -> int:
    """Erasure: delete an organisation's outbox rows addressed to ``email``."""
    return OutboxMail.objects.filter(to__iexact=email, organisation_id=organisation_id).delete()[0]


# --- workers --------------------------------------------------------------------------------


def beat(worker_id: str) -> None:
    """Record that this worker is alive."""
    now = timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"pid": os.getpid(), "host": socket.gethostname()[:255], "beat_at": now},
        )


def stop(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def recover_stuck_tasks() -> int:
    """Put RUNNING tasks of dead workers back in the queue: a task is stuck when the worker
    that claimed it last has not beaten for the lease time (or never beat, and the task
    started longer ago than that). Tasks are idempotent, so running one again finishes
    what the dead worker left. Returns how many tasks were put back."""
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 — only in workers

    lease = timedelta(seconds=worker_conf()["lease_seconds"])
    now = timezone.now()
    alive = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=now - lease).values_list("worker_id", flat=True)
    )
    resumed = 0
    for result in DBTaskResult.objects.running().filter(started_at__lt=now - lease):
        worker = result.worker_ids[-1] if result.worker_ids else None
        if worker in alive:
            continue
        # Conditional on still RUNNING since the same start: a worker that is resuming it
        # at the same moment, or the task finishing, wins.
        resumed += DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
        logger.warning("task %s of gone worker %s put back in the queue", result.pk, worker)
    WorkerHeartbeat.objects.filter(beat_at__lt=now - lease * 10).delete()
    return resumed
