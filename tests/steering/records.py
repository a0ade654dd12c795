"""A small organisation with two rounds of the pulse, answered through the real submit
service (no tests here).

Per location: team "<name> Groot" with six staff, "<name> Midden" with five and "<name> Klein"
with three (fewer than k = 5: it must never show numbers anywhere; and with it next to
Groot, the plan must hide Midden too, or "location minus the shown teams" would give Klein).
Every staff member answers every pulse question with one score (see ``two_rounds``); the
small teams always 1, a score nobody else gives, so a "1,0" anywhere would be theirs.
Leaders do not answer. Round 1 is moved back a year, round 2 closed yesterday.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from lerend.organisations.models import Role
from lerend.scans import services
from lerend.scans.models import Campaign, ScanInvitation
from lerend.scans.services_respond import submit
from tests.factories import LocationFactory, TeamFactory, member

SMALL_SCORE = 1


@dataclass
class Steered:
    org: object
    locations: list = field(default_factory=list)
    big: list = field(default_factory=list)  # the large team of each location
    small: list = field(default_factory=list)  # the small team of each location
    middle: list = field(default_factory=list)  # the middle team of each location
    staff: dict = field(default_factory=dict)  # team pk -> people
    rounds: list = field(default_factory=list)


def build(org, admin, *, locations=1, first=None, names=("Vlinder", "Zon", "Maan")) -> Steered:
    """``locations`` locations (the first one ``first`` when given) with a large and a small
    team each."""
    found = Steered(org)
    for number in range(locations):
        if number == 0 and first is not None:
            location = first
        else:
            location = LocationFactory(organisation=org, name=f"Locatie {names[number]}")
        big = TeamFactory(location=location, name=f"{names[number]} Groot")
        middle = TeamFactory(location=location, name=f"{names[number]} Midden")
        small = TeamFactory(location=location, name=f"{names[number]} Klein")
        found.locations.append(location)
        found.big.append(big)
        found.middle.append(middle)
        found.small.append(small)
        found.staff[middle.pk] = [member(org, Role.MEDEWERKER, team=middle) for _ in range(5)]
        found.staff[big.pk] = [member(org, Role.MEDEWERKER, team=big) for _ in range(6)]
        found.staff[small.pk] = [member(org, Role.MEDEWERKER, team=small) for _ in range(3)]
    found.admin = admin
    return found


def _round(found, title, big_scores, *, days_back: int):
    today = timezone.localdate()
    campaign = services.create_campaign(
        organisation=found.org,
        actor=found.admin,
        instrument_version=services.shipped_version("pulse"),
        title=title,
        audience="staff",
        role_groups=("leiding", "medewerkers"),
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
    )
    services.launch_campaign(campaign=campaign, actor=found.admin)
    instrument = campaign.instrument_version.instrument
    teams = [(n, t, "big") for n, t in enumerate(found.big)]
    teams += [(n, t, "middle") for n, t in enumerate(found.middle)]
    teams += [(n, t, "small") for n, t in enumerate(found.small)]
    for number, team, kind in teams:
        for person in found.staff[team.pk]:
            if kind == "small":
                scores = {item.key: SMALL_SCORE for item in instrument.items}
            elif kind == "middle":
                scores = {item.key: 4 for item in instrument.items}
            else:
                scores = big_scores(number, instrument)
            invitation = ScanInvitation.objects.get(campaign=campaign, person=person)
            invitation.draft = {"answers": scores, "comments": {}, "page": 1}
            submit(invitation=invitation, instrument=instrument)
    services.close_campaign(campaign=campaign, actor=found.admin)
    opens = today - datetime.timedelta(days=days_back + 14)
    closes = today - datetime.timedelta(days=days_back)
    Campaign.objects.filter(pk=campaign.pk).update(opens_on=opens, closes_on=closes)
    campaign.refresh_from_db()
    found.rounds.append(campaign)
    return campaign


def two_rounds(found, *, first=4, second=2, other=4):
    """Round 1 (a year ago): every large team answers ``first`` (the first location) or
    ``other``; round 2 (yesterday): the first location's large team ``second``, the others
    ``other`` again. So the first location drops and ends below the organisation."""

    def first_round(number, instrument):
        return {item.key: first if number == 0 else other for item in instrument.items}

    def second_round(number, instrument):
        return {item.key: second if number == 0 else other for item in instrument.items}

    _round(found, "Pulse vorig jaar", first_round, days_back=365)
    _round(found, "Pulse dit jaar", second_round, days_back=1)
    return found
