import time

import pyotp
from django.urls import reverse

from lerend.accounts import services
from tests.factories import PASSWORD


def post_login(client, email, password=PASSWORD, ip="127.0.0.1", **data):
    return client.post(
        reverse("accounts:login"), {"email": email, "password": password, **data}, REMOTE_ADDR=ip
    )


def steady_step(margin: float = 2.0) -> None:
    """Wait for the next 30-second step when this one ends within ``margin`` seconds: a test
    that uses the previous step's code must not see the clock move two steps on."""
    left = 30 - time.time() % 30
    if left < margin:
        time.sleep(left + 0.05)


def code_at(secret: str, steps: int = 0) -> str:
    """The app code ``steps`` time-steps from now (-1 the previous, +1 the next one; the
    server accepts one step either side)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def enrol(user) -> tuple[str, list[str]]:
    """Switch two-step log-in on for ``user``; returns the secret and the recovery codes.
    Set-up uses the PREVIOUS step's code, so the current code (``code_at(secret)``) is still
    unused: a code is accepted only once."""
    secret = services.new_totp_secret()
    steady_step()
    codes = services.confirm_two_factor(user=user, secret=secret, code=code_at(secret, -1))
    user.refresh_from_db()
    return secret, codes
