import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from lerend.accounts.models import AttemptCounter
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "lente-in-de-moestuin-42"


def test_password_reset_sends_mail_and_link_sets_new_password(client, mailoutbox):
    user = UserFactory(email="sanne@example.nl", name="Sanne Jansen")
    response = client.post(reverse("accounts:password_reset"), {"email": "Sanne@Example.nl"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["sanne@example.nl"]
    assert mail.subject == "Kies een nieuw wachtwoord voor Lerend"
    assert mail.body.startswith("Hoi Sanne,")
    # The link starts with the configured site address, never the request's Host header.
    match = re.search(re.escape(settings.SITE_URL) + r"(/account/herstel/\S+/)", mail.body)
    link = match.group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # No automatic log-in: that would skip two-step log-in.
    assert SESSION_KEY not in client.session
    # The link works once.
    assert client.get(link, follow=True).context["validlink"] is False


def test_password_reset_unknown_email_same_response_and_no_mail(client, mailoutbox):
    UserFactory(email="bekend@example.nl")
    inactive = UserFactory(email="weg@example.nl", is_active=False)
    known = client.post(reverse("accounts:password_reset"), {"email": "bekend@example.nl"})
    mailoutbox.clear()
    for email in ["onbekend@example.nl", inactive.email]:
        response = client.post(reverse("accounts:password_reset"), {"email": email})
        assert response.status_code == known.status_code == 302
        assert response["Location"] == known["Location"]
    assert mailoutbox == []


def test_password_reset_pages_are_dutch(client):
    body = client.get(reverse("accounts:password_reset")).content.decode()
    assert "<h1>Wachtwoord vergeten?</h1>" in body
    assert '<label for="id_email">E-mailadres</label>' in body
    done = client.get(reverse("accounts:password_reset_done")).content.decode()
    assert "<h1>Kijk in je mailbox</h1>" in done


def test_password_change_from_profile(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:profile")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "Je wachtwoord is gewijzigd." in page.content.decode()


def test_password_change_with_wrong_old_password_is_refused(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "fout", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def _ask_reset(client, email, ip="127.0.0.1"):
    return client.post(reverse("accounts:password_reset"), {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_limit_per_address_sends_five_mails_then_none(client, mailoutbox):
    user = UserFactory(email="sanne@example.nl")
    for n in range(7):
        # Each from another IP address: only the per-address limit applies.
        response = _ask_reset(client, user.email, ip=f"10.0.0.{n}")
        assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 5
    # Another address is not affected.
    UserFactory(email="tim@example.nl")
    _ask_reset(client, "tim@example.nl", ip="10.0.0.1")
    assert [mail.to for mail in mailoutbox[5:]] == [["tim@example.nl"]]


def test_password_reset_limit_per_ip_sends_twenty_mails_then_none(client, mailoutbox):
    people = [UserFactory(email=f"collega{n}@example.nl") for n in range(23)]
    for person in people:
        response = _ask_reset(client, person.email, ip="192.0.2.7")
        assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 20
    assert [mail.to for mail in mailoutbox] == [[p.email] for p in people[:20]]
    # Someone behind another address is not affected.
    _ask_reset(client, people[22].email, ip="192.0.2.8")
    assert mailoutbox[-1].to == [people[22].email]
    assert len(mailoutbox) == 21


def test_password_reset_requests_for_unknown_address_count_too(client, mailoutbox):
    # The limit does not depend on whether an account exists: that would leak it.
    for _ in range(5):
        _ask_reset(client, "nieuw@example.nl")
    UserFactory(email="nieuw@example.nl")
    _ask_reset(client, "nieuw@example.nl")
    assert mailoutbox == []


def test_password_reset_same_response_for_existing_unknown_and_limited(client, mailoutbox):
    UserFactory(email="bekend@example.nl")
    UserFactory(email="begrensd@example.nl")
    for _ in range(5):
        _ask_reset(client, "begrensd@example.nl", ip="10.1.1.1")
    mailoutbox.clear()
    responses = {
        email: _ask_reset(client, email, ip="10.2.2.2")
        for email in ["bekend@example.nl", "onbekend@example.nl", "begrensd@example.nl"]
    }
    assert [mail.to for mail in mailoutbox] == [["bekend@example.nl"]]
    known = responses["bekend@example.nl"]
    assert known.status_code == 302
    for response in responses.values():
        assert response.status_code == known.status_code

        # Every header the same, but the request id every response carries (its own).
        def same(r):
            return sorted((k, v) for k, v in r.headers.items() if k != "X-Request-ID")

        assert same(response) == same(known)
        assert response.content == known.content == b""
        assert response.cookies.keys() == known.cookies.keys()


@override_settings(PASSWORD_RESET_RATE_LIMIT={"per_address": 1})
def test_password_reset_limit_ends_with_its_window(client, mailoutbox):
    user = UserFactory()
    _ask_reset(client, user.email)
    _ask_reset(client, user.email)
    assert len(mailoutbox) == 1
    # The hour has passed (moved in the database instead of waiting for it).
    AttemptCounter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    _ask_reset(client, user.email)
    assert len(mailoutbox) == 2


def test_password_reset_mail_is_in_the_persons_language(client, mailoutbox):
    user = UserFactory(language="en")
    _ask_reset(client, user.email)
    assert mailoutbox[0].subject == "Choose a new password for Lerend"
    assert mailoutbox[0].body.startswith(f"Hello {user.get_short_name()},")
