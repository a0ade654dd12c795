from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "lerend.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import listeners  # noqa: PLC0415 — app registry must be ready

        listeners.connect()
