"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "partners.partner.save": gettext_lazy("Partner saved"),
    "partners.contact.save": gettext_lazy("Partner contact saved"),
    "partners.contact.delete": gettext_lazy("Partner contact deleted"),
    "partners.agreement.save": gettext_lazy("Agreement with a partner saved"),
    "partners.activity.save": gettext_lazy("Joint activity saved"),
    "partners.pulse.create": gettext_lazy("Partnership pulse sent"),
}

FIELD_LABELS = {"link_count": gettext_lazy("links sent")}
