"""Mails, read from Django's locmem backend: multipart text + HTML in Lerend's layout,
``Auto-Submitted``, a Message-ID and links in the SITE_URL domain; recurring reminders carry
a one-click ``List-Unsubscribe`` that works without logging in — only with that person's
token, and only for that person — and a page to choose one's reminders. The invitation
mail is sent by the worker, not inside the request."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from lerend.accounts import reminders
from lerend.accounts.models import ReminderOptOut
from lerend.learning.models import JournalReminder
from lerend.learning.tasks import send_journal_reminders
from lerend.organisations import tasks as organisation_tasks

pytestmark = pytest.mark.django_db

SITE = "https://lerend.example.nl"


def _journal_reminder(world, person):
    return JournalReminder.objects.create(
        organisation=world.org, person=person, weekday=datetime.date.today().weekday()
    )


def _parts(message):
    (html, kind) = message.alternatives[0]
    assert kind == "text/html"
    return message.body, html


@override_settings(SITE_URL=SITE)
def test_reminder_mail_is_multipart_auto_submitted_with_one_click_unsubscribe(world):
    _journal_reminder(world, world.staff)
    assert send_journal_reminders.call() == 1
    (message,) = mail.outbox
    headers = message.message()
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Message-ID"].endswith("@lerend.example.nl>")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.fullmatch(r"<(.+)>", headers["List-Unsubscribe"]).group(1)
    assert one_click.startswith(SITE + "/mail/herinneringen/")
    assert one_click.endswith("/stop/journal/")
    text, html = _parts(message)
    # Both parts carry the same link into Lerend, from SITE_URL; the HTML part is in the
    # house layout and links the reminders page.
    link = re.search(re.escape(SITE) + r"/o/regenboog/\S+", text).group(0)
    assert f'href="{link}"' in html
    assert "Lerend" in html and "<h1" in html and '<html lang="nl">' in html
    manage = one_click.rsplit("stop/", 1)[0]
    assert manage in text and manage in html
    assert "127.0.0.1" not in text + html


@override_settings(SITE_URL=SITE)
def test_one_click_unsubscribe_works_only_with_that_persons_token(client, world):
    _journal_reminder(world, world.staff)
    _journal_reminder(world, world.teamleader)
    staff_token = reminders.token_for(world.staff)
    # A forged token and a token for another purpose open nothing.
    for token in ("verzonnen", staff_token[:-2] + "xx"):
        path = reverse("reminders:stop", args=[token, "journal"])
        assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 404
        assert client.get(reverse("reminders:manage", args=[token])).status_code == 404
    # The mail program's POST (RFC 8058), without log-in or CSRF token.
    path = reverse("reminders:stop", args=[staff_token, "journal"])
    csrf_client = client.__class__(enforce_csrf_checks=True)
    assert csrf_client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert list(ReminderOptOut.objects.values_list("person_id", "kind")) == [
        (world.staff.pk, "journal")
    ]
    # Only that person stopped: the teamleader still gets the reminder.
    mail.outbox.clear()
    assert send_journal_reminders.call() == 1
    assert [m.to for m in mail.outbox] == [[world.teamleader.email]]
    # An unknown kind is refused.
    bad = reverse("reminders:stop", args=[staff_token, "nieuwsbrief"])
    assert client.post(bad).status_code == 404


def test_reminders_page_without_login_shows_and_saves_only_that_person(client, world):
    ReminderOptOut.objects.create(person=world.teamleader, kind="follow_up")
    token = reminders.token_for(world.staff)
    page = reverse("reminders:manage", args=[token])
    html = client.get(page).content.decode()
    assert world.staff.name in html and world.teamleader.name not in html
    assert 'value="journal" checked' in html and 'value="follow_up" checked' in html
    kinds = set(reminders.kinds())
    assert {"journal", "applied", "follow_up", "coverage", "wellbeing_round", "review"} <= kinds
    response = client.post(page, {"receive": sorted(kinds - {"journal", "review"})})
    assert response.status_code == 302
    assert reminders.switched_off(world.staff) == {"journal", "review"}
    assert reminders.switched_off(world.teamleader) == {"follow_up"}
    # Switched back on from the logged-in profile page.
    client.force_login(world.staff)
    client.post(reverse("accounts:reminders"), {"receive": sorted(kinds)})
    assert reminders.switched_off(world.staff) == set()


@override_settings(SITE_URL=SITE)
def test_invitation_mail_is_sent_by_the_worker_not_in_the_request(
    client, world, django_capture_on_commit_callbacks, monkeypatch
):
    enqueued = []
    real_task = organisation_tasks.send_invitation_mail

    class Queue:
        """The task queue as the worker would see it: what was enqueued, not run."""

        @staticmethod
        def enqueue(*args):
            enqueued.append(args)

    monkeypatch.setattr(organisation_tasks, "send_invitation_mail", Queue)
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:invite", args=[world.org.slug]),
            {
                "name": "Nieuwe Collega",
                "email": "nieuw@example.nl",
                "role": "medewerker",
                "scope": "team",
                "team": world.team.pk,
                "fte": "0,6",
            },
        )
    assert response.status_code == 302
    assert mail.outbox == []  # nothing sent while the request ran
    ((invitation_id, language),) = enqueued
    assert language == "nl"
    # The worker runs the task: the mail has both parts, the headers and the site's link.
    assert real_task.call(invitation_id, language) is True
    (message,) = mail.outbox
    headers = message.message()
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Message-ID"].endswith("@lerend.example.nl>")
    assert "List-Unsubscribe" not in headers  # not a reminder
    text, html = _parts(message)
    link = re.search(re.escape(SITE) + r"/uitnodiging/[\w-]+/", text).group(0)
    assert f'href="{link}"' in html
    assert client.get(link.removeprefix(SITE)).status_code == 200
