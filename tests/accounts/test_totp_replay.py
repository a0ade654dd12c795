"""A code from the authenticator app is accepted once, wherever it is checked."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from lerend.accounts import services
from lerend.accounts.middleware import SESSION_2FA_OK
from lerend.accounts.models import RecoveryCode, User
from tests.factories import UserFactory

from .conftest import code_at, enrol, post_login, steady_step

pytestmark = pytest.mark.django_db

WRONG_CODE = "Deze code klopt niet."


def _enrolled_long_ago():
    """Someone who set up two-step log-in before codes were remembered: no stored step."""
    secret = services.new_totp_secret()
    user = UserFactory(totp_secret=secret, totp_confirmed_at=timezone.now())
    return user, secret


def _step_now() -> int:
    return int(time.time()) // 30


def _log_in_with_code(client, user, code):
    client.post(reverse("accounts:logout"))
    post_login(client, user.email)
    return client.post(reverse("accounts:login_code"), {"code": code})


def test_login_code_replay_is_refused_and_a_newer_code_passes(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    code = code_at(secret)
    assert _log_in_with_code(client, user, code)["Location"] == reverse("web:home")
    assert client.session[SESSION_KEY] == str(user.pk)
    replay = _log_in_with_code(client, user, code)
    assert replay.status_code == 200
    assert WRONG_CODE in replay.content.decode()
    assert SESSION_KEY not in client.session
    newer = client.post(reverse("accounts:login_code"), {"code": code_at(secret, 1)})
    assert newer["Location"] == reverse("web:home")
    assert client.session[SESSION_KEY] == str(user.pk)


def test_login_code_from_previous_step_is_accepted_once(client):
    steady_step()
    user, secret = _enrolled_long_ago()
    previous = code_at(secret, -1)
    assert _log_in_with_code(client, user, previous)["Location"] == reverse("web:home")
    user.refresh_from_db()
    # The step of the code that matched is stored, not the current one...
    assert user.totp_last_counter == _step_now() - 1
    replay = _log_in_with_code(client, user, previous)
    assert replay.status_code == 200
    assert WRONG_CODE in replay.content.decode()
    # ...so the current code, one step later, still works.
    assert _log_in_with_code(client, user, code_at(secret))["Location"] == reverse("web:home")


def test_accept_totp_code_twice_with_same_code_second_returns_false():
    steady_step()
    user, secret = _enrolled_long_ago()
    # Two requests that loaded the person before either checked the code: the database
    # row decides, not the copy in memory.
    first, second = User.objects.get(pk=user.pk), User.objects.get(pk=user.pk)
    code = code_at(secret)
    assert services.accept_totp_code(user=first, secret=secret, code=code) is True
    assert services.accept_totp_code(user=second, secret=secret, code=code) is False
    assert services.accept_totp_code(user=first, secret=secret, code=code) is False
    user.refresh_from_db()
    assert user.totp_last_counter == _step_now()


def test_accept_totp_code_refuses_older_step_after_newer_one():
    steady_step()
    user, secret = _enrolled_long_ago()
    assert services.accept_totp_code(user=user, secret=secret, code=code_at(secret)) is True
    assert services.accept_totp_code(user=user, secret=secret, code=code_at(secret, -1)) is False


def test_confirm_set_up_twice_with_same_code_keeps_first_recovery_codes():
    user = UserFactory()
    secret = services.new_totp_secret()
    steady_step()
    code = code_at(secret)
    codes = services.confirm_two_factor(user=user, secret=secret, code=code)
    hashes = set(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert len(codes) == 8
    assert services.confirm_two_factor(user=user, secret=secret, code=code) is None
    assert set(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True)) == (
        hashes
    )


def test_code_used_at_set_up_is_refused_at_login(client):
    user = UserFactory()
    client.force_login(user)
    client.get(reverse("accounts:two_factor"))
    secret = client.session["accounts_enrol_secret"]
    steady_step()
    code = code_at(secret)
    assert client.post(reverse("accounts:two_factor"), {"code": code}).status_code == 302
    replay = _log_in_with_code(client, user, code)
    assert replay.status_code == 200
    assert WRONG_CODE in replay.content.decode()
    assert SESSION_KEY not in client.session


def test_two_factor_check_of_a_session_refuses_a_replayed_code(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    code = code_at(secret)
    client.force_login(user)
    assert client.post(reverse("accounts:two_factor"), {"code": code}).status_code == 302
    assert client.session[SESSION_2FA_OK] is True
    client.post(reverse("accounts:logout"))
    client.force_login(user)
    replay = client.post(reverse("accounts:two_factor"), {"code": code})
    assert replay.status_code == 200
    assert WRONG_CODE in replay.content.decode()
    assert SESSION_2FA_OK not in client.session


def test_disable_refuses_a_code_already_used_to_log_in(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    code = code_at(secret)
    assert _log_in_with_code(client, user, code).status_code == 302
    url = reverse("accounts:two_factor_disable")
    client.post(url, {"code": code})
    user.refresh_from_db()
    assert user.has_two_factor
    page = client.get(reverse("accounts:profile")).content.decode()
    assert WRONG_CODE in page
    client.post(url, {"code": code_at(secret, 1)})
    user.refresh_from_db()
    assert not user.has_two_factor
    # The stored step belonged to the old secret: a new set-up starts afresh.
    assert user.totp_last_counter is None
