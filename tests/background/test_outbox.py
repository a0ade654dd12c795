"""The mail outbox: each key mailed once, batches within the limit per minute, retries with
backoff, failures shown to the campaign owner, and stuck tasks of dead workers resumed."""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from lerend.background import selectors, services
from lerend.background.models import MailState, OutboxMail, WorkerHeartbeat
from lerend.background.services import Mail
from lerend.scans.tasks import mail_group, send_campaign_mails
from tests.factories import member
from tests.scans.test_campaign_support import launched

pytestmark = pytest.mark.django_db

FLAKY = {"default": {"BACKEND": "tests.background.flaky_mail.FlakyBackend"}}


def _mails(n, prefix="a"):
    return [
        Mail(f"test:{prefix}{i}", f"{prefix}{i}@example.nl", "Onderwerp", "Tekst") for i in range(n)
    ]


def test_queue_twice_and_deliver_twice_mails_each_key_once():
    services.queue_mails(_mails(3))
    services.queue_mails(_mails(3))
    assert OutboxMail.objects.count() == 3
    assert services.deliver().sent == 3
    assert services.deliver().sent == 0
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a0@example.nl",
        "a1@example.nl",
        "a2@example.nl",
    ]
    # Queued again after sending: still nobody mailed twice, and the body is gone.
    services.queue_mails(_mails(3))
    assert services.deliver().sent == 0
    assert set(OutboxMail.objects.values_list("state", "body")) == {(MailState.SENT, "")}
    # The same Message-ID for every attempt of one key, in the site's own domain.
    from lerend.kit.site import site_domain

    assert mail.outbox[0].extra_headers["Message-ID"].endswith(f"@{site_domain()}>")


@override_settings(LEREND_MAIL={"batch": 2, "per_minute": 5})
def test_deliver_keeps_to_the_limit_per_minute_over_all_runs():
    services.queue_mails(_mails(8))
    assert services.deliver(max_seconds=1.5).sent == 5
    assert OutboxMail.objects.filter(state=MailState.PENDING).count() == 3
    # A minute later the window has slid on.
    OutboxMail.objects.filter(state=MailState.SENT).update(
        sent_at=timezone.now() - datetime.timedelta(seconds=61)
    )
    assert services.deliver(max_seconds=1.5).sent == 3


@override_settings(MAILERS=FLAKY, LEREND_MAIL={"max_attempts": 3, "backoff_seconds": 60})
def test_failed_mail_is_retried_with_backoff_then_given_up():
    services.queue_mails([Mail("t:1", "kapot@example.nl", "S", "B"), *_mails(1)])
    first = services.deliver()
    assert (first.sent, first.failed) == (1, 1)
    row = OutboxMail.objects.get(key="t:1")
    assert (row.state, row.attempts) == (MailState.PENDING, 1)
    wait = (row.next_attempt_at - timezone.now()).total_seconds()
    assert 55 < wait <= 60
    assert services.deliver().failed == 0  # not due yet
    for attempt, backoff in ((2, 120), (3, None)):
        OutboxMail.objects.filter(key="t:1").update(next_attempt_at=timezone.now())
        assert services.deliver().failed == 1
        row.refresh_from_db()
        assert row.attempts == attempt
        if backoff:
            assert backoff - 5 < (row.next_attempt_at - timezone.now()).total_seconds() <= backoff
    assert row.state == MailState.FAILED
    assert "SMTPRecipientsRefused" in row.last_error
    OutboxMail.objects.filter(key="t:1").update(next_attempt_at=timezone.now())
    assert services.deliver().failed == 0  # given up: no more attempts


def test_claim_of_a_dead_run_is_taken_over_after_it_runs_out():
    services.queue_mails(_mails(2))
    past = timezone.now() - datetime.timedelta(seconds=1)
    OutboxMail.objects.filter(key="test:a0").update(
        state=MailState.CLAIMED, claim="dead", claimed_until=past
    )
    OutboxMail.objects.filter(key="test:a1").update(
        state=MailState.CLAIMED,
        claim="alive",
        claimed_until=timezone.now() + datetime.timedelta(minutes=5),
    )
    assert services.deliver().sent == 1
    assert [m.to[0] for m in mail.outbox] == ["a0@example.nl"]
    assert services.next_due_at() is not None  # the live claim is still waiting


@override_settings(MAILERS=FLAKY, LEREND_MAIL={"max_attempts": 1})
def test_campaign_page_shows_undelivered_mails_to_the_owner_only(client, world):
    broken = member(world.org, team=world.team, person__email="kapot@example.nl")
    campaign = launched(world, role_groups=("medewerkers",), teams=(world.team,))
    send_campaign_mails.call(campaign_id=campaign.pk, kind="invitation")
    counts = selectors.group_mail(mail_group(campaign.pk))
    assert (counts.total, counts.sent, counts.failed) == (2, 1, 1)
    url = reverse("scans:detail", args=[world.org.slug, campaign.pk])
    client.force_login(world.admin)
    body = client.get(url).content.decode()
    assert broken.email in body
    assert "1 van 2 mails verstuurd" in body
    client.force_login(world.teamleader)  # may read the campaign, does not manage it
    assert broken.email not in client.get(url).content.decode()


def test_campaign_task_run_twice_mails_everyone_once(world):
    member(world.org, team=world.team)
    campaign = launched(world, role_groups=("medewerkers",), teams=(world.team,))
    mail.outbox.clear()
    assert send_campaign_mails.call(campaign_id=campaign.pk, kind="invitation") == 2
    assert send_campaign_mails.call(campaign_id=campaign.pk, kind="invitation") == 0
    assert len(mail.outbox) == 2
    # A reminder is its own mail (once a day).
    assert send_campaign_mails.call(campaign_id=campaign.pk, kind="reminder") == 2
    assert send_campaign_mails.call(campaign_id=campaign.pk, kind="reminder") == 0


def _task(worker_ids, started_minutes_ago):
    return DBTaskResult.objects.create(
        status="RUNNING",
        task_path="lerend.background.tasks.deliver_outbox",
        args_kwargs={"args": [], "kwargs": {}},
        priority=0,
        queue_name="default",
        backend_name="default",
        worker_ids=worker_ids,
        started_at=timezone.now() - datetime.timedelta(minutes=started_minutes_ago),
        run_after=get_date_max(),
    )


def test_recover_puts_back_only_tasks_of_gone_workers():
    WorkerHeartbeat.objects.create(worker_id="alive", pid=1, host="h")
    WorkerHeartbeat.objects.create(
        worker_id="gone", pid=2, host="h", beat_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    of_gone = _task(["gone"], 10)
    of_alive = _task(["alive"], 10)
    just_started = _task(["gone"], 0)  # within the lease: give it time
    never_beat = _task(["old-style"], 10)
    assert services.recover_stuck_tasks() == 2
    statuses = {t.pk: t.status for t in DBTaskResult.objects.all()}
    assert statuses == {
        of_gone.pk: "READY",
        of_alive.pk: "RUNNING",
        just_started.pk: "RUNNING",
        never_beat.pk: "READY",
    }
