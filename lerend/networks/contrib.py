"""What networks adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, personal_data, processing, tasks_home
from .models import NetworkRound


def nav(request):
    slug = request.access.organisation.slug
    return [
        NavItem(37, _("Who learns from whom"), reverse("networks:index", args=[slug]), "netwerk")
    ]


contribution = Contribution(
    org_urls=(("netwerk/", "lerend.networks.urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    own_data={"networks": personal_data.own_data},
    erase=personal_data.erase,
    processing=processing.PROCESSING,
    personal_models=("networks.NetworkRound", "networks.Invitation", "networks.Tie"),
    api_router="lerend.networks.api.router",
    demo_content=demo.add_demo,
    demo_order=70,
    url_objects={"network_round_id": first_pk(NetworkRound)},
)
