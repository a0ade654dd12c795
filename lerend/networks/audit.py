"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "networks.round.create": gettext_lazy("Advice-network round created"),
    "networks.round.launch": gettext_lazy("Advice-network round opened"),
    "networks.round.close": gettext_lazy(
        "Advice-network round closed: aggregates kept, answers deleted"
    ),
}

FIELD_LABELS = {
    "invited_count": gettext_lazy("people invited"),
    "respondent_count": gettext_lazy("respondents"),
}
