"""Background tasks of the outbox. Every task here is idempotent: running it again after a
crash finishes what was left and repeats nothing."""

from datetime import timedelta

from django.tasks import task

from . import services


@task
def deliver_outbox(group: str = "") -> int:
    """Send the due mails of ``group`` (all groups when empty); returns how many were sent."""
    sent = services.deliver(group=group or None).sent
    services.follow_up(group)
    return sent


@task
def purge_outbox() -> int:
    """Daily: delete sent and failed outbox rows after 30 days (their bodies are already
    empty once sent; the rows only tell the campaign owner what went wrong)."""
    purged = services.purge_sent(older_than=timedelta(days=30))
    deliver_outbox.enqueue()  # the safety net: anything still waiting goes out today
    return purged
