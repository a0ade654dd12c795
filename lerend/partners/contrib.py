"""What partners adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, personal_data, processing, search, tasks_home
from .models import Agreement, Contact, Partner, Pulse


def nav(request):
    slug = request.access.organisation.slug
    return [NavItem(80, _("Partners"), reverse("partners:index", args=[slug]), "partners")]


contribution = Contribution(
    org_urls=(("partners/", "lerend.partners.urls"),),
    public_urls=(("", "lerend.partners.public_urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    own_data={"partners": personal_data.own_data},
    erase=personal_data.erase,
    processing=processing.PROCESSING,
    personal_models=("partners.Partner", "partners.Agreement", "partners.Pulse"),
    daily_tasks=("lerend.partners.tasks.delete_expired_contacts",),
    demo_content=demo.add_demo,
    demo_order=75,
    search_documents=search.search_documents,
    search_models={
        "partners.Partner": "organisation_id",
        "partners.Activity": "partner.organisation_id",
    },
    url_objects={
        "partner_id": first_pk(Partner),
        "contact_id": first_pk(Contact, "partner__organisation"),
        "agreement_id": first_pk(Agreement, "partner__organisation"),
        "pulse_id": first_pk(Pulse),
    },
)
