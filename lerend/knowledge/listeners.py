"""Keep other apps' search documents fresh (issue 15 §1): each app names the models its
``search_documents`` are made of (``search_models`` in its contrib.py); a save or delete of
such a row asks for that app's part of the organisation's index to be refreshed once, right
after the transaction commits. Domain apps never import knowledge: knowledge reads the
registry and listens (decision 0012, "freshness").

Signals are used here on purpose and only for this: they are the one place that sees every
write, including those made by other apps' services, the admin and erasure, which matters
for privacy (an unshared write-up must leave the search now, not tomorrow)."""

from __future__ import annotations

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from lerend.kit import contrib


def _organisation_id(instance, path: str):
    value = instance
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _refresh(organisation_id: int, app_label: str) -> None:
    from . import tasks  # noqa: PLC0415 — tasks import services, which import the registry

    tasks.reindex_source.enqueue(organisation_id, app_label)


def changed(organisation_id: int | None, app_label: str) -> None:
    """Refresh ``app_label``'s documents of the organisation after the commit (once per
    transaction, however many rows changed)."""
    if organisation_id is None:
        return
    connection = transaction.get_connection()
    # One refresh per app and organisation per transaction: skip while a callback for the
    # same key is still waiting; one dropped by a rolled-back savepoint no longer counts.
    pending = getattr(connection, "lerend_search_pending", None)
    if pending is None:
        pending = connection.lerend_search_pending = {}
    key = (organisation_id, app_label)
    waiting = {id(entry[1]) for entry in connection.run_on_commit}
    if key in pending and id(pending[key]) in waiting:
        return

    def callback():
        pending.pop(key, None)
        _refresh(organisation_id, app_label)

    pending[key] = callback
    transaction.on_commit(callback)


def connect() -> None:
    for app_label, model_label, path in contrib.search_models():
        model = apps.get_model(model_label)

        def handler(sender, instance, _app=app_label, _path=path, **kwargs):
            changed(_organisation_id(instance, _path), _app)

        post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"search:{model_label}")
        post_delete.connect(
            handler, sender=model, weak=False, dispatch_uid=f"search-del:{model_label}"
        )
