"""Closed pulse campaigns with real responses, submitted through the scans app's own
service (no aggregate rows made by hand)."""

import datetime

from django.utils import timezone

from lerend.scans.models import Campaign, ScanInvitation
from lerend.scans.services_respond import submit
from tests.factories import member
from tests.scans.test_campaign_support import invitation_of, launched


def add_staff(world, team, count):
    return [member(world.org, team=team) for _ in range(count)]


def closed_pulse(world, answers_by_person, *, closed_days_ago=1, title="Pulse"):
    """Launch a pulse for all staff, let each person in ``answers_by_person`` answer
    ``{block: value}`` and move the campaign into the past."""
    campaign = launched(world, title=title)
    instrument = campaign.instrument_version.instrument
    for person, answers in answers_by_person.items():
        invitation = invitation_of(campaign, person)
        invitation.draft = {
            "answers": {f"pulse.{block}": value for block, value in answers.items()},
            "comments": {},
            "page": 1,
        }
        ScanInvitation.objects.filter(pk=invitation.pk).update(draft=invitation.draft)
        submit(invitation=invitation, instrument=instrument)
    closes = timezone.localdate() - datetime.timedelta(days=closed_days_ago)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=closes - datetime.timedelta(days=14), closes_on=closes
    )
    campaign.refresh_from_db()
    return campaign
