"""What coaching adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, measures, personal_data, picker, processing, steering, tasks_home
from .models import (
    Assignment,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    PlanShare,
    PlanVisit,
)


def nav(request):
    url = reverse("coaching:home", args=[request.access.organisation.slug])
    return [NavItem(25, _("Coaching"), url, "coaching")]


contribution = Contribution(
    processing=processing.PROCESSING,
    # Recurring reminder mails a person may switch off (accounts.reminders).
    reminder_kinds={
        "coverage": gettext_lazy("Who has not been coached yet this year (coaches and managers)"),
    },
    org_urls=(("coaching/", "lerend.coaching.urls"),),
    public_urls=(("", "lerend.coaching.public_urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    home_widgets=tasks_home.widgets_for,
    own_data={"coaching": personal_data.own_data},
    erase=personal_data.erase,
    personal_models=(
        "coaching.Assignment",
        "coaching.CoachingPlan",
        "coaching.PlanShare",
        "coaching.CoachingSession",
        "coaching.Attendee",
        "coaching.Division",
        "coaching.CoverageReminder",
    ),
    api_router="lerend.coaching.api.router",
    daily_tasks=("lerend.coaching.tasks.mail_not_yet_coached",),
    demo_content=demo.add_demo,
    demo_order=40,
    measures=measures.MEASURES,
    people_scopes=picker.SCOPES,
    team_scopes=picker.TEAM_SCOPES,
    steering=steering.steering,
    url_objects={
        "assignment_id": first_pk(Assignment),
        "session_id": first_pk(CoachingSession),
        "coaching_plan_id": first_pk(CoachingPlan),
        "coaching_goal_id": first_pk(CoachingGoal, "plan__organisation"),
        "coaching_share_id": first_pk(PlanShare),
        "coaching_visit_id": first_pk(PlanVisit, "plan__organisation"),
    },
)
