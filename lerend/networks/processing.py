"""What networks declares in the register of processing activities (verwerkingsregister,
docs/privacy.md and docs/networks.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Advice network rounds"),
        data=_(
            "Who was invited and in which team and location at the opening; whom a "
            "respondent names as someone they go to for advice, until the round closes"
        ),
        subjects=_("Staff, including colleagues who are named but do not answer"),
        purpose=_(
            "Seeing how knowledge flows between teams and locations, as aggregates only, to "
            "plan learning groups and visits"
        ),
        legal_basis=_(
            "Legitimate interest of the organisation as a learning organisation (AVG art. "
            "6(1)(f)), after a balancing test and a DPIA, with the works council's consent "
            "(WOR art. 27)"
        ),
        retention=_(
            "Named ties are deleted when the round closes; only aggregates per team and "
            "location are kept"
        ),
        recipients=_(
            "Nobody sees a tie: leaders see aggregates per team through the anonymity rules"
        ),
        models=("networks.NetworkRound", "networks.Invitation", "networks.Tie"),
    ),
)
