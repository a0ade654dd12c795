"""Learning at person level — reflection journal, development plan (POP) with evidence and
review conversations, shares, professional development, peer feedback — and team reflections.

One module per sub-domain; importing them here is what registers the models with Django, and
this package is where other modules import them from. Every personal record belongs to one
person and is private by default; who may read what is decided in selectors only."""

from .feedback import FeedbackAnswer, FeedbackInvite, FeedbackRequest
from .journal import JournalEntry, JournalReminder, Phase
from .pd import (
    NON_NEGATIVE,
    Applied,
    Participation,
    ParticipationStatus,
    PdActivity,
    PdBudget,
    PdKind,
)
from .plan import (
    SCORE_VALIDATORS,
    DevelopmentPlan,
    Evidence,
    EvidenceKind,
    PlanGoal,
    PlannedActivity,
)
from .reflection import TeamReflection
from .reviews import ReviewConversation, ReviewKind
from .sharing import Share

__all__ = [
    "Applied",
    "DevelopmentPlan",
    "Evidence",
    "EvidenceKind",
    "FeedbackAnswer",
    "FeedbackInvite",
    "FeedbackRequest",
    "JournalEntry",
    "JournalReminder",
    "NON_NEGATIVE",
    "Participation",
    "ParticipationStatus",
    "PdActivity",
    "PdBudget",
    "PdKind",
    "Phase",
    "PlanGoal",
    "PlannedActivity",
    "ReviewConversation",
    "ReviewKind",
    "SCORE_VALIDATORS",
    "Share",
    "TeamReflection",
]
