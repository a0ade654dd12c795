from django.apps import AppConfig
from django.db.models import fields
from django.utils.translation import gettext_lazy


class WebConfig(AppConfig):
    name = "lerend.web"
    label = "web"

    def ready(self):
        # The empty choice of every model-field select. Django's Dutch catalogue has no
        # translation for its label yet (the page would say "- Select an option -"), and
        # Django asks projects to set it here; the Dutch lives in web's catalogue.
        fields.BLANK_CHOICE_LABEL = gettext_lazy("- Select an option -")
