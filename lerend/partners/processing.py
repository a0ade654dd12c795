"""What partners declares in the register of processing activities (verwerkingsregister,
docs/privacy.md and docs/partners.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Chain partners and their contacts"),
        data=_(
            "Names, roles and contact details of people at partner organisations; which "
            "colleagues work with a partner; who set up agreements and partnership pulses"
        ),
        subjects=_("Contacts at partner organisations; staff"),
        purpose=_("Working together with schools, care and other chain partners"),
        legal_basis=_(
            "Legitimate interest of the organisation in its cooperation with chain partners "
            "(AVG art. 6(1)(f))"
        ),
        retention=_(
            "A contact until the keep-until date set for them (at most two years ahead); "
            "deleted daily after that"
        ),
        recipients=_("Leaders, coaches and the colleagues who work with the partner"),
        models=("partners.Partner", "partners.Contact", "partners.Agreement", "partners.Pulse"),
    ),
)
