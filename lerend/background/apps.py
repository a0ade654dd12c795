from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """Background work that survives crashes: the mail outbox (each mail sent once, batched,
    rate-limited, retried) and the worker heartbeat that lets a restarted worker resume the
    tasks of one that died (docs/operations-tasks.md). Listed before django_tasks_db in
    INSTALLED_APPS, so its ``db_worker`` command is the one ``manage.py`` runs."""

    name = "lerend.background"
    label = "background"
    verbose_name = _("Background work")
