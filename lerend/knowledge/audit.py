"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "knowledge.entry.create": gettext_lazy("Knowledge entry written"),
    "knowledge.entry.update": gettext_lazy("Knowledge entry changed"),
    "knowledge.entry.publish": gettext_lazy("Knowledge entry published"),
    "knowledge.entry.review": gettext_lazy("Knowledge entry checked: still right"),
    "knowledge.entry.delete": gettext_lazy("Knowledge entry deleted"),
    "knowledge.expertise.save": gettext_lazy("Expertise in the directory saved"),
    "knowledge.expertise.remove": gettext_lazy("Expertise taken out of the directory"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {"review_on": gettext_lazy("review on")}
