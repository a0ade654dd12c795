"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "api_token.create": gettext_lazy("API key made"),
    "api_token.revoke": gettext_lazy("API key revoked"),
}
