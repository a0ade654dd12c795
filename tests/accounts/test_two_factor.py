import re
import time

import pyotp
import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from lerend.accounts.middleware import SESSION_2FA_OK
from lerend.accounts.models import RecoveryCode
from lerend.accounts.views import PENDING_LOGIN
from lerend.accounts.views_two_factor import ENROL_SECRET
from tests.factories import UserFactory

from .conftest import enrol, post_login

pytestmark = pytest.mark.django_db

WRONG_CODE = "Deze code klopt niet."


def _secret_on_page(response) -> str:
    match = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', response.content.decode())
    return match.group(1).replace(" ", "")


def test_enrol_page_shows_inline_svg_qr_and_secret(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("accounts:two_factor"))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<svg role="img" viewBox=' in body
    assert "<title>QR-code om te scannen met je authenticator-app</title>" in body
    assert " style=" not in body
    assert _secret_on_page(response) == client.session[ENROL_SECRET]
    user.refresh_from_db()
    assert user.totp_secret == ""


def test_enrol_with_valid_code_switches_on_and_shows_recovery_codes_once(client):
    user = UserFactory()
    client.force_login(user)
    secret = _secret_on_page(client.get(reverse("accounts:two_factor")))
    response = client.post(reverse("accounts:two_factor"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == reverse("accounts:recovery_codes")
    user.refresh_from_db()
    assert user.has_two_factor
    assert user.totp_secret == secret
    assert client.session[SESSION_2FA_OK] is True
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=True).count() == 8
    page = client.get(reverse("accounts:recovery_codes"))
    assert (
        len(re.findall(r"<li><code>[a-z2-9]{5}-[a-z2-9]{5}</code></li>", page.content.decode()))
        == 8
    )
    assert client.get(reverse("accounts:recovery_codes"))["Location"] == reverse("accounts:profile")


def test_enrol_with_wrong_code_is_refused(client):
    user = UserFactory()
    client.force_login(user)
    client.get(reverse("accounts:two_factor"))
    response = client.post(reverse("accounts:two_factor"), {"code": "000000"})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    user.refresh_from_db()
    assert not user.has_two_factor


def test_recovery_codes_are_stored_as_hashes_only(client):
    user = UserFactory()
    _secret, codes = enrol(user)
    stored = set(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert len(stored) == 8
    assert not stored & set(codes)
    assert all(len(h) == 64 for h in stored)


def test_login_with_two_factor_needs_the_code(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    response = post_login(client, user.email)
    assert response["Location"] == reverse("accounts:login_code")
    assert SESSION_KEY not in client.session
    assert set(client.session[PENDING_LOGIN]) == {"user_id", "at", "next"}
    # Not logged in yet: other pages send the visitor to the log-in.
    assert client.get(reverse("accounts:profile")).status_code == 302
    response = client.post(reverse("accounts:login_code"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == reverse("web:home")
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.session[SESSION_2FA_OK] is True
    assert PENDING_LOGIN not in client.session


def test_login_code_wrong_code_is_refused(client):
    user = UserFactory()
    enrol(user)
    post_login(client, user.email)
    response = client.post(reverse("accounts:login_code"), {"code": "123456"})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    assert SESSION_KEY not in client.session


def test_login_code_keeps_safe_next(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    post_login(client, user.email, next="/account/profiel/")
    response = client.post(reverse("accounts:login_code"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/account/profiel/"


def test_login_code_step_expires_after_five_minutes(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    post_login(client, user.email)
    session = client.session
    session[PENDING_LOGIN] = {**session[PENDING_LOGIN], "at": int(time.time()) - 301}
    session.save()
    response = client.post(reverse("accounts:login_code"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == reverse("accounts:login")
    assert SESSION_KEY not in client.session


def test_login_code_is_rate_limited(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    post_login(client, user.email)
    for _ in range(5):
        client.post(reverse("accounts:login_code"), {"code": "000000"})
    response = client.post(reverse("accounts:login_code"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_recovery_code_works_once(client):
    user = UserFactory()
    _secret, codes = enrol(user)
    post_login(client, user.email)
    response = client.post(reverse("accounts:login_code"), {"code": codes[0].upper()})
    assert response["Location"] == reverse("web:home")
    assert client.session[SESSION_KEY] == str(user.pk)
    client.post(reverse("accounts:logout"))
    post_login(client, user.email)
    response = client.post(reverse("accounts:login_code"), {"code": codes[0]})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    assert SESSION_KEY not in client.session
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=True).count() == 7


def test_session_without_second_step_is_sent_to_code_check(client):
    # A person with two-step log-in who got a session another way (e.g. an invitation).
    user = UserFactory()
    secret, _codes = enrol(user)
    client.force_login(user)
    response = client.get(reverse("accounts:profile"))
    assert response["Location"] == reverse("accounts:two_factor") + "?next=%2Faccount%2Fprofiel%2F"
    page = client.get(response["Location"])
    assert "Vul de code uit je authenticator-app in" in page.content.decode()
    response = client.post(
        reverse("accounts:two_factor"),
        {"code": pyotp.TOTP(secret).now(), "next": "/account/profiel/"},
    )
    assert response["Location"] == "/account/profiel/"
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_htmx_request_without_second_step_gets_hx_redirect(client):
    user = UserFactory()
    enrol(user)
    client.force_login(user)
    response = client.get(reverse("accounts:profile"), headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("accounts:two_factor"))


def test_organisation_requiring_two_factor_forces_enrolment(client, world):
    world.org.two_factor_roles = ["beheerder"]
    world.org.save()
    assert post_login(client, world.admin.email)["Location"] == reverse("web:home")
    assert client.session[SESSION_KEY] == str(world.admin.pk)
    blocked = [
        reverse("web:home"),
        reverse("web:org_home", args=["regenboog"]),
        reverse("organisations:overview", args=["regenboog"]),
        reverse("organisations:people", args=["regenboog"]),
        reverse("accounts:profile"),
    ]
    for url in blocked:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:two_factor") + "?next="), url
    page = client.get(reverse("accounts:two_factor"))
    assert "Je organisatie vraagt iedereen in jouw rol" in page.content.decode()
    secret = _secret_on_page(page)
    client.post(reverse("accounts:two_factor"), {"code": pyotp.TOTP(secret).now()})
    for url in blocked[1:]:
        assert client.get(url).status_code == 200, url


def test_organisation_requirement_leaves_other_roles_alone(client, world):
    world.org.two_factor_roles = ["beheerder"]
    world.org.save()
    post_login(client, world.staff.email)
    assert client.get(reverse("web:org_home", args=["regenboog"])).status_code == 200


def test_disable_two_factor_with_current_code(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    client.force_login(user)
    session = client.session
    session[SESSION_2FA_OK] = True
    session.save()
    url = reverse("accounts:two_factor_disable")
    client.post(url, {"code": "000000"})
    user.refresh_from_db()
    assert user.has_two_factor
    response = client.post(url, {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == reverse("accounts:profile")
    user.refresh_from_db()
    assert not user.has_two_factor
    assert user.totp_secret == ""
    assert RecoveryCode.objects.filter(user=user).count() == 0


def test_disable_two_factor_refused_when_organisation_requires_it(client, world):
    world.org.two_factor_roles = ["bestuurder"]
    world.org.save()
    secret, _codes = enrol(world.board)
    client.force_login(world.board)
    session = client.session
    session[SESSION_2FA_OK] = True
    session.save()
    client.post(reverse("accounts:two_factor_disable"), {"code": pyotp.TOTP(secret).now()})
    world.board.refresh_from_db()
    assert world.board.has_two_factor
    page = client.get(reverse("accounts:profile")).content.decode()
    assert (
        "Je organisatie verplicht inloggen in twee stappen voor jouw rol; het blijft aan." in page
    )


def test_disable_needs_post(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:two_factor_disable")).status_code == 405


def test_regenerate_recovery_codes_replaces_the_old_ones(client):
    user = UserFactory()
    _secret, old = enrol(user)
    client.force_login(user)
    session = client.session
    session[SESSION_2FA_OK] = True
    session.save()
    response = client.post(reverse("accounts:regenerate_recovery_codes"))
    assert response["Location"] == reverse("accounts:recovery_codes")
    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    new = re.findall(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>", page)
    assert len(new) == 8
    assert not set(new) & set(old)
    client.post(reverse("accounts:logout"))
    post_login(client, user.email)
    assert client.post(reverse("accounts:login_code"), {"code": old[0]}).status_code == 200
    assert client.post(reverse("accounts:login_code"), {"code": new[0]}).status_code == 302
