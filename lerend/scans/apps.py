from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScansConfig(AppConfig):
    name = "lerend.scans"
    label = "scans"
    verbose_name = _("Scans")
