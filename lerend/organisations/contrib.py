"""What management adds to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, personal_data, privacy, privacy_contrib, rules, tasks_home, team_picker
from .models import Invitation, Location, Membership, Team


def nav(request):
    access = request.access
    url = None
    if rules.can_manage_organisation(access):
        label, url = (
            _("Management"),
            reverse("organisations:overview", args=[access.organisation.slug]),
        )
    elif rules.can_view_people(access):
        label, url = _("People"), reverse("organisations:people", args=[access.organisation.slug])
    return [NavItem(90, label, url, "beheer")] if url else []


contribution = Contribution(
    org_urls=(("beheer/", "lerend.organisations.urls"),),
    public_urls=(("uitnodiging/", "lerend.organisations.invitations.public_urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    erase=personal_data.erase,
    personal_models=(
        "organisations.Membership",
        "organisations.AuditEntry",
        "organisations.Invitation",
        "organisations.ErasureRequest",
    ),
    demo_content=demo.add_demo,
    demo_order=5,
    profile_widgets=privacy_contrib.profile_widgets,
    own_data={"erasure_requests": privacy_contrib.own_requests},
    processing=privacy_contrib.PROCESSING,
    retention=privacy.retention,
    daily_tasks=("lerend.organisations.tasks.apply_retention",),
    team_scopes=team_picker.TEAM_SCOPES,
    url_objects={
        "location_id": first_pk(Location),
        "team_id": first_pk(Team),
        "person_id": lambda organisation: (
            Membership.objects.filter(organisation=organisation)
            .order_by("pk")
            .values_list("person_id", flat=True)
            .first()
        ),
        "membership_id": first_pk(Membership),
        "invitation_id": first_pk(Invitation),
    },
)
