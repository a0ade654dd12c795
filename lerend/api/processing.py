"""What api declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Personal API keys"),
        data=_("Key name, a hash of the key, last use"),
        subjects=_("People who made a key"),
        purpose=_("Letting another program read what the person may read"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_("Until the person deletes the key, or is erased"),
        recipients=_("The person; the beheerder sees that keys exist"),
        models=("api.ApiToken",),
    ),
)
