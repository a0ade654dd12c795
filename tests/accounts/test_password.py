import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

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
    link = re.search(r"http://testserver(/account/herstel/\S+/)", mail.body).group(1)
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
