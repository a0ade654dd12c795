"""Helpers shared by the scan campaign, questionnaire and submit tests (no tests here)."""

import datetime

from django.utils import timezone

from lerend.scans import services
from lerend.scans.models import ScanInvitation


def make_campaign(
    world,
    *,
    key="pulse",
    audience="staff",
    role_groups=("leiding", "medewerkers"),
    teams=(),
    locations=(),
    days=14,
    title="Pulse najaar",
    leaders_apart=False,
):
    """A draft campaign. Leadership counts in its own team or location here (not the
    product's default) because the hand-made results of test_results_support count the
    team leader in team Rups; tests/scans/test_leaders_apart.py covers the default."""
    today = timezone.localdate()
    return services.create_campaign(
        organisation=world.org,
        actor=world.admin,
        instrument_version=services.shipped_version(key),
        title=title,
        audience=audience,
        role_groups=role_groups,
        leaders_apart=leaders_apart,
        teams=teams,
        locations=locations,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=days),
    )


def launched(world, **kwargs):
    campaign = make_campaign(world, **kwargs)
    return services.launch_campaign(campaign=campaign, actor=world.admin)


def token_of(invitation) -> str:
    return services.token_for(invitation.nonce)


def invitation_of(campaign, person) -> ScanInvitation:
    return ScanInvitation.objects.select_related("campaign__instrument_version").get(
        campaign=campaign, person=person
    )


def close_in_past(campaign):
    """Move a campaign's dates back so it closed yesterday (the database allows it; the
    service does not for new campaigns)."""
    today = timezone.localdate()
    type(campaign).objects.filter(pk=campaign.pk).update(
        opens_on=today - datetime.timedelta(days=10), closes_on=today - datetime.timedelta(days=1)
    )
    campaign.refresh_from_db()
    return campaign
