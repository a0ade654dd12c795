"""What learning declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("The person's own learning"),
        data=_(
            "Journal, development plan (POP) with evidence, review conversations, "
            "professional development and budgets, feedback asked and given, team "
            "reflections"
        ),
        subjects=_("Staff and leaders"),
        purpose=_("Supporting each person's own development"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_(
            "As long as the person works here; erased on request or after the retention "
            "period for people who left"
        ),
        recipients=_("The person; others only what the person shares with them, revocably"),
        models=(
            "learning.JournalEntry",
            "learning.DevelopmentPlan",
            "learning.ReviewConversation",
            "learning.Share",
            "learning.JournalReminder",
            "learning.PdActivity",
            "learning.Participation",
            "learning.PdBudget",
            "learning.FeedbackRequest",
            "learning.FeedbackInvite",
            "learning.FeedbackAnswer",
            "learning.TeamReflection",
        ),
    ),
)
