"""What knowledge adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, documents, personal_data, picker, processing, tasks_home
from .models import Expertise, KnowledgeEntry


def nav(request):
    slug = request.access.organisation.slug
    return [
        NavItem(35, _("What we learned"), reverse("knowledge:index", args=[slug]), "kennis"),
        NavItem(95, _("Search"), reverse("knowledge:search", args=[slug]), "zoeken"),
    ]


contribution = Contribution(
    processing=processing.PROCESSING,
    # Recurring reminder mails a person may switch off (accounts.reminders).
    reminder_kinds={
        "review": gettext_lazy('"Still right?" when something you shared is due for a check'),
    },
    org_urls=(("kennis/", "lerend.knowledge.urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    own_data={"knowledge": personal_data.own_data},
    erase=personal_data.erase,
    hand_over=personal_data.hand_over,
    personal_models=("knowledge.KnowledgeEntry", "knowledge.Expertise"),
    api_router="lerend.knowledge.api.router",
    daily_tasks=(
        "lerend.knowledge.tasks.reindex_search",
        "lerend.knowledge.tasks.ask_whether_still_right",
    ),
    people_scopes=picker.SCOPES,
    team_scopes=picker.TEAM_SCOPES,
    demo_content=demo.add_demo,
    demo_order=60,
    search_documents=documents.search_documents,
    url_objects={
        "knowledge_id": first_pk(KnowledgeEntry),
        "expertise_id": first_pk(Expertise),
    },
)
