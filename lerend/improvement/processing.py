"""What improvement declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Vision, goals, themes and the team board"),
        data=_(
            "Who owns, made or decided goals, actions, board items, themes and projects; "
            "who supports a theme or sits in its steering group"
        ),
        subjects=_("Staff and leaders"),
        purpose=_("Working together on improvement, and knowing who to ask"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_(
            "The work stays for the team; the name goes when the person is erased, or the "
            "beheerder hands it to a new owner"
        ),
        recipients=_("The team, or the organisation for organisation goals"),
        models=(
            "improvement.VisionVersion",
            "improvement.Goal",
            "improvement.Action",
            "improvement.BoardItem",
            "improvement.BoardSession",
            "improvement.SteeringGroupMember",
            "improvement.DevelopmentTheme",
            "improvement.ThemeSupport",
            "improvement.ThemeProject",
        ),
    ),
)
