"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "pd_activity.create": gettext_lazy("PD activity added"),
    "pd_activity.update": gettext_lazy("PD activity changed"),
    "pd_budget.set": gettext_lazy("PD budget set"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {"amount": gettext_lazy("amount"), "hours": gettext_lazy("hours")}
