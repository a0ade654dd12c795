"""Labels of this app's audit-log actions; collected by lerend.organisations.audit."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "group.create": gettext_lazy("Learning group created"),
    "group.members": gettext_lazy("Learning group members changed"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {"members": gettext_lazy("members")}
