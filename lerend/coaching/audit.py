"""Labels of this app's audit-log actions; collected by lerend.organisations.audit.

Sessions, plans and shares are personal records and get no audit entry (as in learning):
even "A coached B on 3 May" tells the audit log's readers something private."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "coaching.assignment.create": gettext_lazy("Coach assigned"),
    "coaching.assignment.end": gettext_lazy("Coach assignment ended"),
    "coaching.norm.update": gettext_lazy("Figures for the coaching hours norm changed"),
    "coaching.division.decide": gettext_lazy("Division of coaching hours decided"),
}
