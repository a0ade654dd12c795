"""Counts that are expensive at 15,000 people, kept in the shared cache until what they count
changes.

A cached value is stored under its own key plus the current *version* of every namespace it
depends on (e.g. ``("people", organisation_id)``) and today's date. Whoever changes what a
namespace covers calls :func:`bump` (at once and again after the transaction commits, so
nobody keeps the old value under the new version) and every value that depended on it is
recomputed on its next read. Nothing is served stale across a change or across midnight
(memberships start and end on dates). Two cache reads per value: versions, then value.
"""

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

Namespace = tuple[str, int]

# Long enough to carry a busy morning, short enough that a lost bump (a change made outside
# the services, e.g. in a database shell) heals itself.
TTL_SECONDS = 15 * 60


def _version_key(namespace: Namespace) -> str:
    name, owner = namespace
    return f"lerend:v:{name}:{owner}"


def bump(*namespaces: Namespace) -> None:
    """Invalidate every value depending on ``namespaces`` now and again once the current
    transaction commits: the first bump lets the changing transaction read its own change,
    the second drops what another process cached from the old rows in between."""

    def run() -> None:
        for namespace in namespaces:
            key = _version_key(namespace)
            cache.add(key, 0, timeout=None)
            try:
                cache.incr(key)
            except ValueError:  # evicted between add and incr: any fresh value will do
                cache.set(key, 1, timeout=None)

    run()
    transaction.on_commit(run)


def cached(key: str, namespaces: Iterable[Namespace], compute: Callable[[], Any]) -> Any:
    """``compute()``'s value, from the cache while no namespace changed today."""
    names = list(namespaces)
    keys = [_version_key(n) for n in names]
    versions = cache.get_many(keys)
    stamp = ".".join(str(versions.get(k, 0)) for k in keys)
    day = timezone.localdate().isoformat()
    digest = hashlib.sha256(f"{key}|{day}|{stamp}".encode()).hexdigest()
    full_key = f"lerend:c:{digest}"  # any cache backend takes it (no spaces, fixed length)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout=TTL_SECONDS)
    return value
