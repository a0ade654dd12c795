"""What scans declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Scans and questionnaires"),
        data=_(
            "Who is invited to a campaign (never linked to an answer); anonymous answers "
            "with team, location and role group only; open comments with names masked"
        ),
        subjects=_("Staff, parents and pupils who are invited"),
        purpose=_(
            "Learning how the organisation is doing, in groups large enough to stay anonymous"
        ),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_(
            "Raw answers 730 days and comments 365 days after the campaign closed (set by "
            "the organisation); the totals stay; invitations lose their link to the person "
            "after 90 days"
        ),
        recipients=_(
            "Leaders and the board see totals of groups of at least k people; nobody sees "
            "who answered what"
        ),
        models=("scans.Campaign", "scans.ScanInvitation"),
    ),
)
