"""Audit-log labels for what accounts records (see lerend/organisations/audit.py)."""

from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "sso.create": gettext_lazy("Sign-in with organisation account set up"),
    "sso.update": gettext_lazy("Sign-in with organisation account changed"),
    "sso.delete": gettext_lazy("Sign-in with organisation account removed"),
    "sso.jit_create": gettext_lazy("Account created at first sign-in"),
}

# Recorded fields that are not a model field with its own label.
FIELD_LABELS = {"email": gettext_lazy("e-mail address"), "domains": gettext_lazy("domains")}
