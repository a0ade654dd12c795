"""Counting attempts in Django's cache: failed log-ins and two-step codes, and requests for
a password-reset mail.

The cache is the database cache in production, so every app process behind a load balancer
sees the same counters.

Failures (log-in, codes): a counter lives for the window after the latest failure; once it
reaches the limit, further attempts are refused without checking the password or code.

Password-reset requests: every request counts, known address or not, in fixed windows
(PASSWORD_RESET_RATE_LIMIT below): at most 5 mails an hour to one address, so nobody can
flood a mailbox, and 20 requests an hour from one IP address, so nobody can mail the whole
staff list; 20 leaves room for a school whose staff share one address. Over the limit the
visitor sees the usual page and no mail is sent (reset_request_allowed).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

# Overridable in settings under the same name.
PASSWORD_RESET_RATE_LIMIT = {"per_address": 5, "per_ip": 20, "window_seconds": 3600}


def _limit() -> tuple[int, int]:
    conf = settings.LOGIN_RATE_LIMIT
    return conf["attempts"], conf["window_seconds"]


def _key(kind: str, value: str) -> str:
    # Hashed: cache keys must be short and plain, and an e-mail address has no business
    # sitting in a cache table.
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:40]
    return f"lerend:throttle:{kind}:{digest}"


def login_keys(email: str, ip: str | None) -> list[str]:
    keys = [_key("email", email)]
    if ip:
        keys.append(_key("ip", ip))
    return keys


def code_keys(user_id: int) -> list[str]:
    return [_key("code", str(user_id))]


def is_blocked(keys: list[str]) -> bool:
    attempts, _window = _limit()
    counts = cache.get_many(keys)
    return any(count >= attempts for count in counts.values())


def _count(key: str, window: int) -> int:
    """Add one to the counter at ``key``; returns the new count."""
    if cache.add(key, 1, window):
        return 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1
    # The database cache implements incr as a set with the DEFAULT timeout (300 s), which
    # would silently shorten any other window; give the key its window back.
    cache.touch(key, window)
    return count


def record_failure(keys: list[str]) -> None:
    _attempts, window = _limit()
    for key in keys:
        _count(key, window)


def clear(keys: list[str]) -> None:
    cache.delete_many(keys)


def reset_request_allowed(email: str, ip: str | None) -> bool:
    """Count one password-reset request for ``email`` and ``ip``; False once either has
    gone over its limit in the current window. Callers show the same page either way."""
    conf = {**PASSWORD_RESET_RATE_LIMIT, **getattr(settings, "PASSWORD_RESET_RATE_LIMIT", {})}
    window = conf["window_seconds"]
    # Fixed windows: the key names the window, so a counter never outlives it, whatever
    # the cache does with timeouts.
    period = int(time.time()) // window
    limits = [(_key(f"reset-email:{period}", email), conf["per_address"])]
    if ip:
        limits.append((_key(f"reset-ip:{period}", ip), conf["per_ip"]))
    # Every counter is counted, also when an earlier one is already over its limit.
    counts = [(_count(key, window), limit) for key, limit in limits]
    return all(count <= limit for count, limit in counts)


def client_ip(request) -> str | None:
    """The visitor's address. Behind a load balancer REMOTE_ADDR is the balancer itself, which
    would make one person's typos lock out everyone; set LEREND_CLIENT_IP_HEADER (for example
    "HTTP_X_FORWARDED_FOR") there. The last entry is used: it is the one our own proxy added,
    the earlier ones are whatever the client claims."""
    header = getattr(settings, "LEREND_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None
