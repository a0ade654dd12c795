"""What coaching declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Coaching"),
        data=_("Coach assignments, coachplans, session notes, coaching hours per location"),
        subjects=_("Coachees and coaches"),
        purpose=_("Coaching staff, and accounting for the coaching hours norm (Wet IKK)"),
        legal_basis=_(
            "Legal obligation for the hours (Wet IKK, AVG art. 6(1)(c)); legitimate "
            "interest for the coaching itself (6(1)(f))"
        ),
        retention=_(
            "As long as the person works here; erased on request or after the retention "
            "period for people who left"
        ),
        recipients=_(
            "Coachee and coach; a leader only what the coachee shares; hours as totals per location"
        ),
        models=(
            "coaching.Assignment",
            "coaching.CoachingPlan",
            "coaching.PlanShare",
            "coaching.CoachingSession",
            "coaching.Attendee",
            "coaching.Division",
            "coaching.CoverageReminder",
        ),
    ),
)
