"""What monitoring adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, goal_status, personal_data, picker, processing, steering, tasks_home
from .models import Experiment, ImplementationStep, Indicator, WellbeingRound


def nav(request):
    url = reverse("monitoring:indicators", args=[request.access.organisation.slug])
    return [NavItem(15, _("Monitoring"), url, "monitoren")]


contribution = Contribution(
    processing=processing.PROCESSING,
    # Recurring reminder mails a person may switch off (accounts.reminders).
    reminder_kinds={
        "wellbeing_round": gettext_lazy("Time for a new well-being round in your group"),
    },
    org_urls=(("monitoren/", "lerend.monitoring.urls"),),
    nav=nav,
    steering=steering.steering,
    home_tasks=tasks_home.tasks_for,
    daily_tasks=(
        "lerend.monitoring.tasks.remind_wellbeing_rounds",
        "lerend.monitoring.tasks.measure_computed_indicators",
    ),
    demo_content=demo.add_demo,
    demo_order=60,
    api_router="lerend.monitoring.api.router",
    own_data={"monitoring": personal_data.own_data},
    erase=personal_data.erase,
    personal_models=(
        "monitoring.Indicator",
        "monitoring.CheckIn",
        "monitoring.WellbeingRound",
        "monitoring.WellbeingScore",
        "monitoring.Experiment",
    ),
    goal_status=goal_status.goal_status,
    people_scopes=picker.SCOPES,
    team_scopes=picker.TEAM_SCOPES,
    url_objects={
        "indicator_id": first_pk(Indicator),
        "round_id": first_pk(WellbeingRound),
        "experiment_id": first_pk(Experiment),
        "step_id": first_pk(ImplementationStep, "experiment__organisation"),
    },
)
