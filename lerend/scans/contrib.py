"""What scans add to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerend.kit.contrib import Contribution, NavItem, first_pk

from . import demo, personal_data, picker, processing, rules, steering, tasks_home
from .models import Campaign, InstrumentVersion, OrganisationInstrument


def nav(request):
    access = request.access
    slug = access.organisation.slug
    if rules.can_view_campaigns(access):
        return [NavItem(50, _("Scans"), reverse("scans:list", args=[slug]), "scans")]
    if rules.can_open_results(access):
        return [NavItem(50, _("Scan results"), reverse("scans:results", args=[slug]), "scans")]
    return []


contribution = Contribution(
    processing=processing.PROCESSING,
    # Recurring reminder mails a person may switch off (accounts.reminders).
    reminder_kinds={
        "scan_reminder": gettext_lazy(
            "Reminders to fill in a questionnaire you have not answered yet"
        ),
    },
    org_urls=(("scans/", "lerend.scans.urls"), ("scans/export/", "lerend.scans.export_urls")),
    public_urls=(("vragenlijst/", "lerend.scans.respond_urls"),),
    nav=nav,
    home_tasks=tasks_home.tasks_for,
    erase=personal_data.erase,
    retention=personal_data.retention,
    # Which campaigns a person was invited to is not theirs to download: an invitation
    # only ever leads to an anonymous response, and listing them helps nobody.
    personal_models=("scans.Campaign", "scans.ScanInvitation"),
    api_router="lerend.scans.api.router",
    daily_tasks=(
        "lerend.scans.tasks.remind_open_campaigns",
        "lerend.scans.tasks_results.warm_closed_results",
    ),
    demo_content=demo.add_demo,
    demo_order=30,
    steering=steering.steering,
    team_scopes=picker.TEAM_SCOPES,
    url_objects={
        "campaign_id": first_pk(Campaign),
        "draft_id": first_pk(OrganisationInstrument),
        "version_id": first_pk(InstrumentVersion),
    },
)
