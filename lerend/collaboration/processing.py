"""What collaboration declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Learning groups, visits and lesson design"),
        data=_("Group membership and meetings, visits with observations, shared lesson designs"),
        subjects=_("Staff, coaches and leaders"),
        purpose=_("Learning from and with colleagues"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_(
            "As long as the person works here; erased on request or after the retention "
            "period for people who left"
        ),
        recipients=_(
            "Group members; a visit's observations the visited person and whoever they "
            "share them with"
        ),
        models=(
            "collaboration.LearningGroup",
            "collaboration.GroupMembership",
            "collaboration.GroupMeeting",
            "collaboration.CalendarFeed",
            "collaboration.LessonDesign",
            "collaboration.Visit",
            "collaboration.VisitShare",
        ),
    ),
)
