"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "api_token.create": gettext_lazy("API key made"),
    "api_token.revoke": gettext_lazy("API key revoked"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {"name": gettext_lazy("name"), "expires_on": gettext_lazy("valid until")}
