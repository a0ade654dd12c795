import pyotp
import pytest
from django.core.cache import cache
from django.urls import reverse

from lerend.accounts import services
from tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The locmem cache outlives a test; counters from one test must not block the next.
    cache.clear()
    yield
    cache.clear()


def post_login(client, email, password=PASSWORD, ip="127.0.0.1", **data):
    return client.post(
        reverse("accounts:login"), {"email": email, "password": password, **data}, REMOTE_ADDR=ip
    )


def enrol(user) -> tuple[str, list[str]]:
    """Switch two-step log-in on for ``user``; returns the secret and the recovery codes."""
    secret = services.new_totp_secret()
    codes = services.confirm_two_factor(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    user.refresh_from_db()
    return secret, codes
