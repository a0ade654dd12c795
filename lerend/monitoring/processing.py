"""What monitoring declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Indicators, children's well-being and experiments"),
        data=_(
            "Who owns indicators and experiments and enters check-ins; well-being scores "
            "per child token (never a child's name)"
        ),
        subjects=_("Staff; children only as anonymous tokens"),
        purpose=_("Seeing whether what we learn reaches the children"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_("The measurements stay; the names go when the person is erased"),
        recipients=_("The team and its leaders; group profiles only from the threshold"),
        models=(
            "monitoring.Indicator",
            "monitoring.CheckIn",
            "monitoring.WellbeingRound",
            "monitoring.WellbeingScore",
            "monitoring.Experiment",
        ),
    ),
)
