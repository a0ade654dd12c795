"""What the learning area adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, links, personal_data, picker, processing, search, selectors, tasks_home
from .models import (
    DevelopmentPlan,
    Evidence,
    FeedbackInvite,
    FeedbackRequest,
    JournalEntry,
    Participation,
    PdActivity,
    PlanGoal,
    PlannedActivity,
    ReviewConversation,
    Share,
    TeamReflection,
)


def nav(request):
    url = reverse("learning:my_learning", args=[request.access.organisation.slug])
    return [NavItem(20, _("My learning"), url, "leren")]


contribution = Contribution(
    processing=processing.PROCESSING,
    # Recurring reminder mails a person may switch off (accounts.reminders).
    reminder_kinds={
        "journal": gettext_lazy(
            "A weekly reminder to write in your journal (when you switched it on)"
        ),
        "applied": gettext_lazy('"Did you apply it in practice?" after a training'),
    },
    org_urls=(("leren/", "lerend.learning.urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    home_widgets=tasks_home.widgets_for,
    own_data={"learning": selectors.own_learning_data},
    erase=personal_data.erase,
    personal_models=(
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
    daily_tasks=(
        "lerend.learning.tasks.send_journal_reminders",
        "lerend.learning.tasks.ask_whether_applied",
    ),
    demo_content=demo.add_demo,
    demo_order=20,
    search_documents=search.search_documents,
    offers={"make_pop_goal": links.make_pop_goal, "coaching_pd": links.coaching_pd},
    search_models={
        "learning.PdActivity": "organisation_id",
        "learning.Participation": "activity.organisation_id",
    },
    people_scopes=picker.SCOPES,
    team_scopes=picker.TEAM_SCOPES,
    url_objects={
        "entry_id": first_pk(JournalEntry),
        "plan_id": first_pk(DevelopmentPlan),
        "plan_goal_id": first_pk(PlanGoal, "plan__organisation"),
        "activity_id": first_pk(PlannedActivity, "goal__plan__organisation"),
        "evidence_id": first_pk(Evidence, "plan__organisation"),
        "review_id": first_pk(ReviewConversation, "plan__organisation"),
        "share_id": first_pk(Share),
        "pd_activity_id": first_pk(PdActivity),
        "participation_id": first_pk(Participation, "activity__organisation"),
        "feedback_request_id": first_pk(FeedbackRequest),
        "feedback_invite_id": first_pk(FeedbackInvite, "request__organisation"),
        "reflection_id": first_pk(TeamReflection),
    },
)
