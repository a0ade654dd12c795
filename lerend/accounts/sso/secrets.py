"""The client secret at rest: encrypted with a key derived from LEREND_SSO_SECRET_KEY (or,
when that is not set, DJANGO_SECRET_KEY). A database copy alone gives no working secret.
After changing that key, the beheerder enters the client secret again."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet() -> Fernet:
    secret = getattr(settings, "LEREND_SSO_SECRET_KEY", "") or settings.SECRET_KEY
    digest = hashlib.sha256(b"lerend-sso-client-secret:" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(value: str) -> str:
    """The plain secret; "" when nothing is stored or the key has changed since."""
    if not value:
        return ""
    try:
        return _fernet().decrypt(value.encode()).decode()
    except InvalidToken:
        return ""
