"""What the improvement cycle adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, home, links, personal_data, picker, processing, search, steering, tasks_home
from .models import Action, DevelopmentTheme, Goal, SteeringGroupMember


def nav(request):
    url = reverse("improvement:overview", args=[request.access.organisation.slug])
    return [NavItem(10, _("Vision and goals"), url, "verbeteren")]


contribution = Contribution(
    processing=processing.PROCESSING,
    # Recurring reminder mails a person may switch off (accounts.reminders).
    reminder_kinds={
        "follow_up": gettext_lazy("“Did it work?” after an action's due date"),
    },
    org_urls=(("verbeteren/", "lerend.improvement.urls"),),
    public_urls=(("", "lerend.improvement.public_urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    home_widgets=home.widgets_for,
    own_data={"improvement": personal_data.own_data},
    erase=personal_data.erase,
    hand_over=personal_data.hand_over,
    personal_models=(
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
    api_router="lerend.improvement.api.router",
    daily_tasks=("lerend.improvement.tasks.ask_follow_ups",),
    demo_content=demo.add_demo,
    demo_order=10,
    search_documents=search.search_documents,
    offers={"make_team_action": links.make_team_action},
    search_models={
        "improvement.Goal": "organisation_id",
        "improvement.DevelopmentTheme": "organisation_id",
        "improvement.ThemeProject": "theme.organisation_id",
        "improvement.Action": "organisation_id",
    },
    people_scopes=picker.SCOPES,
    steering=steering.steering,
    url_objects={
        "goal_id": first_pk(Goal),
        "action_id": first_pk(Action),
        "theme_id": first_pk(DevelopmentTheme),
        "steering_member_id": first_pk(SteeringGroupMember),
    },
)
