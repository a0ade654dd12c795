"""What the steering view adds to the whole (see lerend/kit/contrib.py): its pages, a menu
entry for leaders, and the top signals on the home of bestuurders and locatiemanagers."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, Widget
from lerend.organisations.access import LEADER_ROLES
from lerend.organisations.models import Scope

from . import rules, selectors


def entry_url(access) -> str | None:
    """The steering view this person lands on: the organisation's, else their first own
    location's, else their first own team's; None for who has none."""
    slug = access.organisation.slug
    if rules.can_steer_organisation(access):
        return reverse("steering:organisation", args=[slug])
    for m in access.memberships:
        if m.scope == Scope.LOCATION and m.role in rules.LOCATION_ROLES:
            return reverse("steering:location", args=[slug, m.location_id])
    for m in access.memberships:
        if m.scope == Scope.TEAM and m.role in LEADER_ROLES:
            return reverse("steering:team", args=[slug, m.team_id])
    return None


def nav(request):
    url = entry_url(request.access)
    return [NavItem(5, _("Steering"), url, "steering")] if url else []


def home_widgets(request):
    scope = selectors.home_scope(request)
    if scope is None:
        return []
    view = selectors.view_for(scope)
    return [
        Widget(
            5,
            "steering/home_widget.html",
            {
                "steering_signals": view.signals[: selectors.HOME_SIGNALS],
                "steering_more": max(0, len(view.signals) - selectors.HOME_SIGNALS),
                "steering_url": entry_url(request.access),
            },
        )
    ]


contribution = Contribution(
    org_urls=(("sturen/", "lerend.steering.urls"),),
    nav=nav,
    home_widgets=home_widgets,
)
