"""Rate limits: counting attempts in the database, atomically. The one place for these rules.

What is counted:
- log-ins, per e-mail address and per IP address (settings.LOGIN_RATE_LIMIT). The account
  limit does the protecting (5 failures in 5 minutes); the IP limit is much higher (100 in
  15 minutes), because a whole school or childcare location often shares one address behind
  NAT: 30 colleagues who each mistype once or twice still sign in, while someone spraying
  passwords over many accounts from one address is stopped after 100 guesses;
- two-step codes, per person (same numbers);
- password-reset requests: at most 5 mails an hour to one address, so nobody can flood a
  mailbox, and 20 requests an hour from one IP address, so nobody can mail the whole staff
  list; 20 leaves room for a school whose staff share one address (PASSWORD_RESET_RATE_LIMIT).

How (docs/decisions/0005-atomic-rate-limits.md):
- ``hit`` adds one to a counter with a single conditional UPDATE (count = count + 1), so
  parallel requests never lose an increment, on SQLite and on PostgreSQL.
- Windows are fixed from the first hit: a counter restarts at 1 on the first hit after its
  window ended; failures within a window do not extend it.
- ``attempt`` reserves BEFORE the password or code is checked: N parallel requests get the
  counts 1..N, so only ``limit`` of them are checked, whatever the timing. A refused attempt
  checks nothing and gives its reservations back; ``succeeded`` clears the person's own
  counter and gives a shared one (an IP address) its reservation back, so the staff of a
  school behind one address are never locked out by ordinary log-ins.
- Expired rows are deleted by the daily task tasks.purge_attempt_counters.
App servers must keep their clocks synchronised (NTP): the windows use the app's clock.
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import AttemptCounter

# Overridable in settings under the same name.
PASSWORD_RESET_RATE_LIMIT = {"per_address": 5, "per_ip": 20, "window_seconds": 3600}


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` attempts per ``window_seconds`` under ``key`` (made with key_for).
    ``shared``: many people use this key (an IP address); a success gives the reservation
    back instead of clearing the counter, so one person's success does not wipe out the
    failures of someone else at the same address."""

    key: str
    limit: int
    window_seconds: int
    shared: bool = False


def key_for(kind: str, value: str) -> str:
    """The counter key for ``value`` (an address, an id). Hashed: an e-mail address has no
    business sitting in a counter table, and keys stay short."""
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:40]
    return f"{kind}:{digest}"


def hit(key: str, window_seconds: int) -> int:
    """Add one to the counter ``key`` in its current window and return the new count,
    exactly, also under concurrent requests. A missing or expired counter starts a new
    window of ``window_seconds`` at 1."""
    for _ in range(3):
        now = timezone.now()
        counters = AttemptCounter.objects.filter(key=key)
        try:
            # Savepoint: the row lock taken by the UPDATE is held until the count is read
            # back, so the count read is our own; a failed create rolls back only itself.
            with transaction.atomic():
                if counters.filter(expires_at__gt=now).update(count=F("count") + 1):
                    return counters.values_list("count", flat=True).get()
                # Conditional on still being expired: of two requests restarting the same
                # window, the second matches nothing (PostgreSQL rechecks the condition
                # after the first commits) and goes round again to increment.
                expires_at = now + timedelta(seconds=window_seconds)
                if counters.filter(expires_at__lte=now).update(count=1, expires_at=expires_at):
                    return 1
                AttemptCounter.objects.create(key=key, count=1, expires_at=expires_at)
                return 1
        except IntegrityError:
            continue  # created by a concurrent request: increment that one
    raise RuntimeError(f"Could not count an attempt for {key}")


def give_back(key: str) -> None:
    """Take one off the counter ``key`` in its current window, never below zero."""
    AttemptCounter.objects.filter(key=key, expires_at__gt=timezone.now(), count__gt=0).update(
        count=F("count") - 1
    )


def clear(keys: Iterable[str]) -> None:
    AttemptCounter.objects.filter(key__in=list(keys)).delete()


def attempt(limits: Sequence[Limit]) -> bool:
    """Reserve one attempt under every limit; True when all are within their limit. Call it
    BEFORE checking a password or code, and check only when it returns True. Every counter
    is counted, also when an earlier one is already over its limit; when refused, all the
    reservations are given back (nothing was checked). After a successful check call
    ``succeeded``; when the check could not take place after all, ``release``."""
    counts = [hit(limit.key, limit.window_seconds) for limit in limits]
    allowed = all(count <= limit.limit for count, limit in zip(counts, limits, strict=True))
    if not allowed:
        release(limits)
    return allowed


def release(limits: Sequence[Limit]) -> None:
    """Give back the reservations of an attempt whose secret was not checked."""
    for limit in limits:
        give_back(limit.key)


def succeeded(limits: Sequence[Limit]) -> None:
    """The secret was right: clear the person's own counters, give shared ones back."""
    clear(limit.key for limit in limits if not limit.shared)
    for limit in limits:
        if limit.shared:
            give_back(limit.key)


# Overridable in settings.LOGIN_RATE_LIMIT under the same keys.
LOGIN_RATE_LIMIT = {
    "attempts": 5,
    "window_seconds": 300,
    "per_ip_attempts": 100,
    "per_ip_window_seconds": 900,
}


def _login_conf() -> dict[str, int]:
    return {**LOGIN_RATE_LIMIT, **getattr(settings, "LOGIN_RATE_LIMIT", {})}


def _login_limit() -> tuple[int, int]:
    conf = _login_conf()
    return conf["attempts"], conf["window_seconds"]


def login_limits(email: str, ip: str | None) -> list[Limit]:
    """The account's own limit, and the far higher limit of the address it comes from."""
    conf = _login_conf()
    limits = [Limit(key_for("email", email), conf["attempts"], conf["window_seconds"])]
    if ip:
        limits.append(
            Limit(
                key_for("ip", ip),
                conf["per_ip_attempts"],
                conf["per_ip_window_seconds"],
                shared=True,
            )
        )
    return limits


def code_limits(user_id: int) -> list[Limit]:
    attempts, window = _login_limit()
    return [Limit(key_for("code", str(user_id)), attempts, window)]


def reset_request_allowed(email: str, ip: str | None) -> bool:
    """Count one password-reset request for ``email`` and ``ip``; False once either is over
    its limit in the current window. Callers show the same page either way."""
    conf = {**PASSWORD_RESET_RATE_LIMIT, **getattr(settings, "PASSWORD_RESET_RATE_LIMIT", {})}
    window = conf["window_seconds"]
    limits = [Limit(key_for("reset-email", email), conf["per_address"], window)]
    if ip:
        limits.append(Limit(key_for("reset-ip", ip), conf["per_ip"], window, shared=True))
    return attempt(limits)


def purge_expired() -> int:
    """Delete counters whose window has ended; returns how many."""
    deleted, _per_model = AttemptCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


def client_ip(request) -> str | None:
    """The visitor's address. Behind a load balancer REMOTE_ADDR is the balancer itself, which
    would make one person's typos lock out everyone; set LEREND_CLIENT_IP_HEADER (for example
    "HTTP_X_FORWARDED_FOR") there. The last entry is used: it is the one our own proxy added,
    the earlier ones are whatever the client claims."""
    header = getattr(settings, "LEREND_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None
