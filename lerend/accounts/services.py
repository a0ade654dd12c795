"""Writes and decisions about accounts. Every write is atomic."""

import hashlib
import secrets
import time

import pyotp
from django.contrib.auth import login as auth_login
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lerend.organisations.models import Membership

from . import tasks, throttle
from .models import RecoveryCode, User
from .sso import selectors as sso_selectors
from .sso.selectors import SESSION_SCOPE

# Set in the session once the second step of a log-in is done (read by the middleware).
SESSION_2FA_OK = "lerend_2fa_ok"

TOTP_ISSUER = "Lerend"
RECOVERY_CODE_COUNT = 8
# No 0/o, 1/l/i: the codes are read from paper and typed by hand.
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class TwoFactorRequired(Exception):
    """Raised when someone tries to switch off two-step log-in that an organisation requires."""


def two_factor_required(user) -> bool:
    """True when any active membership has a role its organisation requires 2FA for."""
    for role, roles in (
        Membership.objects.active()
        .filter(person=user)
        .values_list("role", "organisation__two_factor_roles")
    ):
        if role in (roles or []):
            return True
    return False


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(*, user, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def _normalise(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def _hash_recovery_code(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def _new_recovery_code() -> str:
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10))
    return f"{chars[:5]}-{chars[5:]}"


def _matched_totp_counter(secret: str, code: str) -> int | None:
    """The time-step whose code equals ``code``: the current step or one either side (phones
    whose clock runs a little off still work). None when it matches none of them."""
    code = _normalise(code)
    if not secret or len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(time.time())
    # All three are compared (no early return) and the latest match wins.
    matched = None
    for counter in (now - 1, now, now + 1):
        if pyotp.utils.strings_equal(code, totp.generate_otp(counter)):
            matched = counter
    return matched


@transaction.atomic
def accept_totp_code(*, user: User, secret: str, code: str) -> bool:
    """The one rule for every TOTP check: ``code`` must match ``secret`` (see
    _matched_totp_counter) AND belong to a later time-step than the last code accepted for
    this person. A code therefore works once, however long it is still valid.

    Returns True when accepted. Side effects: stores the matched step in
    ``user.totp_last_counter``. The check and the write are one conditional UPDATE, so of two
    requests with the same code at the same moment only one gets a row back.
    """
    counter = _matched_totp_counter(secret, code)
    if counter is None:
        return False
    later = Q(totp_last_counter__isnull=True) | Q(totp_last_counter__lt=counter)
    if User.objects.filter(later, pk=user.pk).update(totp_last_counter=counter) != 1:
        return False
    user.totp_last_counter = counter
    return True


@transaction.atomic
def confirm_two_factor(*, user: User, secret: str, code: str) -> list[str] | None:
    """Switch two-step log-in on when ``code`` matches ``secret`` (and was not used before).

    Returns the new plain recovery codes (shown once), or None when the code is wrong.
    Side effects: stores the secret, the code's time-step and the confirmation time on the
    user; replaces the user's recovery codes with RECOVERY_CODE_COUNT new ones (hashes only).
    A second submit of the same code is refused, so it cannot replace the recovery codes the
    first one showed.
    """
    if not accept_totp_code(user=user, secret=secret, code=code):
        return None
    user.totp_secret = secret
    user.totp_confirmed_at = timezone.now()
    user.save(update_fields=["totp_secret", "totp_confirmed_at"])
    return _replace_recovery_codes(user)


def _replace_recovery_codes(user: User) -> list[str]:
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=_hash_recovery_code(code)) for code in codes
    )
    return codes


@transaction.atomic
def regenerate_recovery_codes(*, user: User) -> list[str]:
    """New recovery codes for a person with two-step log-in; the old ones stop working.
    Side effects: deletes and recreates the user's recovery codes."""
    return _replace_recovery_codes(user)


@transaction.atomic
def verify_second_factor(*, user: User, code: str) -> str | None:
    """Check a code from the authenticator app or an unused recovery code.

    Returns "totp" or "recovery" for a good code, None otherwise.
    Side effects: an accepted app code's time-step is stored (it works only once, see
    accept_totp_code); a recovery code that matches is marked used (it works only once).
    """
    if not user.has_two_factor:
        return None
    if accept_totp_code(user=user, secret=user.totp_secret, code=code):
        return "totp"
    if len(_normalise(code)) != 10:
        return None
    # The conditional update makes a code usable once even with two requests at the same time.
    used = RecoveryCode.objects.filter(
        user=user, code_hash=_hash_recovery_code(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return "recovery" if used == 1 else None


@transaction.atomic
def disable_two_factor(*, user: User, code: str) -> bool:
    """Switch two-step log-in off after a valid current code.

    Returns False for a wrong code. Raises TwoFactorRequired when an organisation of the
    person requires it. Side effects: clears the secret and its last used time-step (that
    belongs to the secret: a new secret may be set up within the same 30 seconds) and
    deletes the recovery codes.
    """
    if two_factor_required(user):
        raise TwoFactorRequired
    if verify_second_factor(user=user, code=code) is None:
        return False
    user.totp_secret = ""
    user.totp_confirmed_at = None
    user.totp_last_counter = None
    user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_counter"])
    RecoveryCode.objects.filter(user=user).delete()
    return True


@transaction.atomic
def request_password_reset(*, email: str, ip: str | None) -> None:
    """Handle a request for a password-reset mail without revealing anything.

    Side effects: counts the request per address and per IP (throttle.reset_request_allowed:
    AttemptCounter rows); within the limits, enqueues tasks.send_password_reset_mail, which
    mails only an existing active account. Over a limit nothing is sent and the request is
    not counted against the other limit. The caller shows the same page in every case.
    """
    if throttle.reset_request_allowed(email, ip):
        tasks.send_password_reset_mail.enqueue(email)


@transaction.atomic
def update_profile(*, user: User, name: str, language: str) -> User:
    """Save a person's own name and language. Side effects: updates the user row; the
    language middleware sets the language cookie from it on the next response."""
    user.name = name
    user.language = language
    user.save(update_fields=["name", "language"])
    return user


@transaction.atomic
def set_language(*, user: User, language: str) -> None:
    """Remember the language picked in the footer. Side effects: updates the user row."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def start_password_session(request, user, *, two_factor_ok: bool = False) -> None:
    """Log ``user`` in after a password (and, when ``two_factor_ok``, a second step).

    Side effects: a new session; its scope, when an organisation of the person requires its
    own sign-in: a password never opens that organisation (sso.selectors.password_scope)."""
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if two_factor_ok:
        request.session[SESSION_2FA_OK] = True
    scope = sso_selectors.password_scope(user)
    if scope is not None:
        request.session[SESSION_SCOPE] = scope
