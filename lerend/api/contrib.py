"""What the API adds to the whole (see lerend/kit/contrib.py): key pages, the beheer
sub-menu entry and profile card for them, and the person's keys in their download."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, Widget, first_pk

from . import demo, processing, selectors, services
from .models import ApiToken


def management_nav(request):
    url = reverse("api_org:tokens", args=[request.access.organisation.slug])
    return [NavItem(90, _("API keys"), url, "api_org:tokens")]


def profile_widgets(request):
    return [Widget(50, "api/_profile_card.html")]


contribution = Contribution(
    processing=processing.PROCESSING,
    org_urls=(("api-sleutels/", "lerend.api.org_urls"),),
    public_urls=(("account/api-sleutels/", "lerend.api.urls"),),
    management_nav=management_nav,
    profile_widgets=profile_widgets,
    own_data={"api_keys": selectors.own_api_keys_data},
    erase=services.erase,
    personal_models=("api.ApiToken",),
    url_objects={"token_id": first_pk(ApiToken)},
    demo_content=demo.add_demo,
    demo_order=90,
)
