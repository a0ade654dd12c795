"""Labels of this app's audit-log actions; collected by lerend.organisations.audit.

Sessions, plans and shares are personal records and get no audit entry (as in learning):
even "A coached B on 3 May" tells the audit log's readers something private."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "coaching.assignment.create": gettext_lazy("Coach assigned"),
    "coaching.assignment.end": gettext_lazy("Coach assignment ended"),
    "coaching.norm.update": gettext_lazy("Figures for the coaching hours norm changed"),
    "coaching.division.decide": gettext_lazy("Division of coaching hours decided"),
    "coaching.pd.count": gettext_lazy("Training activity counted as coaching hours"),
    "coaching.pd.uncount": gettext_lazy("Training activity no longer counted as coaching hours"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {
    "assignment.coach": gettext_lazy("coach"),
    "assignment.supports": gettext_lazy("coaches"),
    "division.version": gettext_lazy("version"),
    "division.policy": gettext_lazy("hours for policy"),
    "division.coaching": gettext_lazy("hours for coaching"),
    "division.ve": gettext_lazy("hours for early childhood education"),
    "division.year": gettext_lazy("year"),
    "normyear.registrations": gettext_lazy("registrations"),
    "normyear.ve_children": gettext_lazy("children with early childhood education"),
    "pd_activity": gettext_lazy("training activity"),
}
