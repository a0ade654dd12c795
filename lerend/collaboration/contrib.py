"""What learning together adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, links, personal_data, picker, processing, search, selectors, tasks_home
from .models import GroupMeeting, LearningGroup, LessonDesign, Visit, VisitShare


def nav(request):
    url = reverse("collaboration:index", args=[request.access.organisation.slug])
    return [NavItem(30, _("Learning together"), url, "samen")]


contribution = Contribution(
    processing=processing.PROCESSING,
    org_urls=(("samen/", "lerend.collaboration.urls"),),
    public_urls=(("", "lerend.collaboration.public_urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    own_data={"collaboration": selectors.own_collaboration_data},
    erase=personal_data.erase,
    personal_models=(
        "collaboration.LearningGroup",
        "collaboration.GroupMembership",
        "collaboration.GroupMeeting",
        "collaboration.CalendarFeed",
        "collaboration.LessonDesign",
        "collaboration.Visit",
        "collaboration.VisitShare",
    ),
    search_documents=search.search_documents,
    offers={
        "observation_focus": links.observation_focus,
        "visits_observing": links.visits_observing,
        "visit_links": links.visit_links,
        "rubric_trend": links.rubric_trend,
    },
    search_models={
        "collaboration.LearningGroup": "organisation_id",
        "collaboration.GroupMembership": "group.organisation_id",
    },
    demo_content=demo.add_demo,
    demo_order=25,
    people_scopes=picker.SCOPES,
    team_scopes=picker.TEAM_SCOPES,
    url_objects={
        "group_id": first_pk(LearningGroup),
        "meeting_id": first_pk(GroupMeeting, "group__organisation"),
        "visit_id": first_pk(Visit),
        "design_id": first_pk(LessonDesign),
        "visit_share_id": first_pk(VisitShare, "visit__organisation"),
    },
)
