"""What the model explorer adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem

from . import search


def nav(request):
    url = reverse("frameworks:explorer", args=[request.access.organisation.slug])
    return [NavItem(40, _("Learning-organisation model"), url, "model")]


contribution = Contribution(
    org_urls=(("model/", "lerend.frameworks.urls"),),
    nav=nav,
    search_documents=search.search_documents,
)
