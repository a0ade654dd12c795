import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

from .conftest import post_login

pytestmark = pytest.mark.django_db

WRONG = "Dit e-mailadres en wachtwoord horen niet bij elkaar."
TOO_MANY = "Te veel pogingen."


def test_login_page_shows_dutch_form(client):
    response = client.get(reverse("accounts:login"))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_email">E-mailadres</label>' in body
    assert '<label for="id_password">Wachtwoord</label>' in body
    assert ">Inloggen</button>" in body


def test_login_with_right_password_logs_in_and_goes_home(client):
    user = UserFactory()
    response = post_login(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")
    assert client.session[SESSION_KEY] == str(user.pk)


def test_login_with_wrong_password_shows_generic_message(client):
    user = UserFactory()
    response = post_login(client, user.email, password="not-the-password")
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert SESSION_KEY not in client.session


def test_login_inactive_account_gets_same_message_as_wrong_password(client):
    user = UserFactory(is_active=False)
    inactive = post_login(client, user.email)
    unknown = post_login(client, "niemand@example.nl")
    assert inactive.status_code == unknown.status_code == 200
    assert WRONG in inactive.content.decode()
    assert WRONG in unknown.content.decode()
    assert SESSION_KEY not in client.session


def test_login_email_is_case_insensitive(client):
    user = UserFactory(email="anne.de.vries@example.nl")
    response = post_login(client, "  Anne.De.Vries@EXAMPLE.nl ")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_login_rate_limit_refuses_sixth_attempt_even_with_right_password(client):
    user = UserFactory()
    for _ in range(5):
        assert post_login(client, user.email, password="fout").status_code == 200
    response = post_login(client, user.email)
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()
    assert SESSION_KEY not in client.session


def test_login_rate_limit_counts_per_email_across_addresses(client):
    user = UserFactory()
    for n in range(5):
        post_login(client, user.email, password="fout", ip=f"10.0.0.{n}")
    assert post_login(client, user.email, ip="10.0.1.1").status_code == 429


def test_login_rate_limit_counts_per_ip_across_emails(client):
    user = UserFactory()
    for n in range(100):
        post_login(client, f"gok{n}@example.nl", password="fout", ip="10.9.9.9")
    assert post_login(client, user.email, ip="10.9.9.9").status_code == 429
    assert post_login(client, user.email, ip="10.9.9.10").status_code == 302


def test_login_thirty_colleagues_behind_one_address_each_mistyping_twice_all_sign_in(client):
    """A whole school behind one NAT address: 60 wrong passwords within minutes lock nobody
    out, because the account limit (5) does the protecting and the IP limit is far higher."""
    people = [UserFactory(email=f"collega{n}@school.nl") for n in range(30)]
    for person in people:
        for _ in range(2):
            assert (
                post_login(client, person.email, password="fout", ip="192.0.2.7").status_code == 200
            )
        assert post_login(client, person.email, ip="192.0.2.7").status_code == 302
        assert client.session[SESSION_KEY] == str(person.pk)
        client.logout()


def test_login_password_spraying_from_one_address_is_stopped(client):
    """An attacker trying one password on many accounts from one address: every account is
    under its own limit, so the address's limit stops them, also for a real account."""
    victim = UserFactory(email="doelwit@school.nl")
    statuses = [
        post_login(
            client, f"medewerker{n}@school.nl", password="Zomer2026!", ip="203.0.113.5"
        ).status_code
        for n in range(120)
    ]
    assert statuses[:100] == [200] * 100
    assert set(statuses[100:]) == {429}
    assert post_login(client, victim.email, ip="203.0.113.5").status_code == 429
    # The victim, from their own school's address, is not locked out.
    assert post_login(client, victim.email, ip="192.0.2.7").status_code == 302


def test_login_account_limit_still_protects_one_account_behind_a_shared_address(client):
    user = UserFactory()
    for _ in range(5):
        post_login(client, user.email, password="fout", ip="192.0.2.7")
    assert post_login(client, user.email, ip="192.0.2.7").status_code == 429
    # Colleagues behind the same address are not affected.
    assert post_login(client, UserFactory().email, ip="192.0.2.7").status_code == 302


def test_login_success_clears_the_counter_for_that_email(client):
    user = UserFactory()
    for _ in range(4):
        post_login(client, user.email, password="fout", ip="10.0.0.1")
    assert post_login(client, user.email, ip="10.0.0.1").status_code == 302
    client.logout()
    for _ in range(4):
        assert post_login(client, user.email, password="fout", ip="10.0.0.2").status_code == 200
    assert post_login(client, user.email, ip="10.0.0.2").status_code == 302


def test_login_follows_safe_next(client):
    user = UserFactory()
    response = post_login(client, user.email, next="/account/profiel/")
    assert response["Location"] == "/account/profiel/"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/pad", "http:evil.example"]
)
def test_login_ignores_next_to_another_site(client, target):
    user = UserFactory()
    page = client.get(reverse("accounts:login"), {"next": target})
    assert page.context["next"] == ""
    assert f'value="{target}"' not in page.content.decode()
    response = post_login(client, user.email, next=target)
    assert response["Location"] == reverse("web:home")


def test_logout_needs_post(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert SESSION_KEY in client.session
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert SESSION_KEY not in client.session


def test_login_page_has_no_inline_style_or_script(client):
    body = client.get(reverse("accounts:login")).content.decode()
    assert " style=" not in body
    assert "<script>" not in body


@override_settings(LEREND_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_login_rate_limit_uses_the_proxy_header_when_configured(client):
    user = UserFactory()
    for n in range(100):
        client.post(
            reverse("accounts:login"),
            {"email": f"gok{n}@example.nl", "password": "fout"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7",
        )
    blocked = client.post(
        reverse("accounts:login"),
        {"email": user.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.7",
    )
    assert blocked.status_code == 429
    # Another visitor behind the same load balancer is not locked out.
    other = client.post(
        reverse("accounts:login"),
        {"email": user.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.8",
    )
    assert other.status_code == 302
