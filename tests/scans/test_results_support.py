"""Helpers for the results tests (no tests here): a small hand-made campaign answered
through the real submit service, then closed."""

from dataclasses import dataclass

from lerend.organisations.models import Role
from lerend.scans import services
from lerend.scans.models import AccessCode, ScanInvitation
from lerend.scans.services_respond import DONT_KNOW, start_with_code, submit
from tests.factories import member

from .test_campaign_support import invitation_of, launched


def answer(campaign, person, answers: dict, comments: dict | None = None):
    invitation = invitation_of(campaign, person)
    invitation.draft = {"answers": answers, "comments": comments or {}, "page": 1}
    ScanInvitation.objects.filter(pk=invitation.pk).update(draft=invitation.draft)
    return submit(invitation=invitation, instrument=campaign.instrument_version.instrument)


def close(campaign, world):
    return services.close_campaign(campaign=campaign, actor=world.admin)


@dataclass
class Pulse:
    campaign: object
    rups_staff: list
    pop_staff: list


FIRST = "pulse.pedagogisch-professionals"
SECOND = "pulse.team"
# Team Rups: five staff and the team leader. Scores on FIRST: 5, 4, 4, 2, dk, 3.
RUPS_FIRST = [5, 4, 4, 2, DONT_KNOW]
LEADER_FIRST = 3


def _more(campaign, number: int, everything: bool) -> dict:
    """With ``everything``: answers on the other items too (for pictures that show a shape)."""
    if not everything:
        return {}
    items = campaign.instrument_version.instrument.items[2:]
    return {item.key: 1 + (number + i * 3) % 5 for i, item in enumerate(items)}


def pulse_campaign(world, *, closed=True, title="Pulse najaar", everything=False) -> Pulse:
    """Rups: 6 respondents (visible); Pop: 3 staff (hidden, too few); the location's manager
    and coach answer too, so that "location minus Rups" holds 5 people and Rups can be shown.
    The board and the administrator do not answer (organisation = location)."""
    rups = [world.staff] + [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(4)]
    pop = [member(world.org, Role.MEDEWERKER, team=world.other_team) for _ in range(3)]
    campaign = launched(world, title=title)
    for n, (person, first) in enumerate(zip(rups, RUPS_FIRST, strict=True)):
        answers = {FIRST: first, SECOND: 4, **_more(campaign, n, everything)}
        answer(campaign, person, answers, {"pulse.open": f"Rups zegt {first}"})
    answer(
        campaign,
        world.teamleader,
        {FIRST: LEADER_FIRST, SECOND: 5, **_more(campaign, 7, everything)},
    )
    for n, person in enumerate(pop):
        answers = {FIRST: 1, SECOND: 1, **_more(campaign, n + 2, everything)}
        answer(campaign, person, answers, {"pulse.open": "GEHEIM-POP opmerking"})
    answer(campaign, world.manager, {FIRST: 4, SECOND: 4, **_more(campaign, 3, everything)})
    answer(campaign, world.coach, {FIRST: 4, SECOND: 3, **_more(campaign, 4, everything)})
    if closed:
        close(campaign, world)
    return Pulse(campaign, rups, pop)


def _parent_answers(partnership: int, contact: int) -> dict:
    answers = {f"ouders.partnerschap.{i}": partnership for i in range(1, 6)}
    answers |= {f"ouders.communicatie.{i}": contact for i in range(1, 6)}
    answers |= {f"ouders.welbevinden.{i}": 5 for i in range(1, 6)}
    return {"answers": answers, "comments": {}}


def parents_campaign(world, per_team: dict, title="Ouders voorjaar"):
    """A closed parents' campaign; ``per_team`` maps a team to a list of (partnership,
    contact) answers, each from one parent starting through the team's code."""
    campaign = launched(world, key="ouders", audience="parents", role_groups=(), title=title)
    instrument = campaign.instrument_version.instrument
    for team, answers in per_team.items():
        letters = AccessCode.objects.filter(campaign=campaign, team_key=team.pk).order_by("id")
        for code, (partnership, contact) in zip(letters, answers, strict=False):
            token = start_with_code(code=code)
            invitation = ScanInvitation.objects.get(token_hash=services.hash_token(token))
            invitation.draft = _parent_answers(partnership, contact)
            submit(invitation=invitation, instrument=instrument)
    close(campaign, world)
    return campaign
