"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "monitoring.settings": gettext_lazy("Monitoring settings changed"),
    "indicator.create": gettext_lazy("Indicator added"),
    "indicator.update": gettext_lazy("Indicator changed"),
    "indicator.check_in": gettext_lazy("Indicator measured"),
    "indicator.import": gettext_lazy("Group results imported"),
    "wellbeing.round": gettext_lazy("Well-being round started"),
    "wellbeing.close": gettext_lazy("Well-being round closed"),
    "experiment.create": gettext_lazy("Experiment added"),
    "experiment.update": gettext_lazy("Experiment changed"),
    "experiment.step": gettext_lazy("Implementation step logged"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {
    "experiment.step": gettext_lazy("implementation step"),
    "experiment.planned_on": gettext_lazy("planned on"),
    "experiment.done": gettext_lazy("done"),
    "indicator.measured_on": gettext_lazy("measured on"),
    "indicator.value": gettext_lazy("value"),
    "indicator.computed": gettext_lazy("computed by Lerend"),
    "indicator.rows": gettext_lazy("rows"),
}
