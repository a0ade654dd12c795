"""Counting failed attempts (log-in, two-step codes) in Django's cache.

The cache is the database cache in production, so every app process behind a load balancer
sees the same counters. A counter lives for the window from its first failure; once it
reaches the limit, further attempts are refused without checking the password or code.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


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


def record_failure(keys: list[str]) -> None:
    _attempts, window = _limit()
    for key in keys:
        if not cache.add(key, 1, window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, window)


def clear(keys: list[str]) -> None:
    cache.delete_many(keys)


def client_ip(request) -> str | None:
    """The visitor's address. Behind a load balancer REMOTE_ADDR is the balancer itself, which
    would make one person's typos lock out everyone; set LEREND_CLIENT_IP_HEADER (for example
    "HTTP_X_FORWARDED_FOR") there. The last entry is used: it is the one our own proxy added,
    the earlier ones are whatever the client claims."""
    header = getattr(settings, "LEREND_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None
