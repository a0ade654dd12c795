"""Demo content of scans (see contrib.py): campaigns created and launched through the
services, answers from made-up people submitted as the questionnaire would, then moved back
in time with plain UPDATEs (a service refuses to open a campaign yesterday)."""

import datetime
import random

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.tokens import hash_token
from lerend.organisations.models import Role, Team

from . import demo_text, selectors, services
from .models import Campaign, OrganisationInstrument, Response, ScanInvitation
from .services_respond import DONT_KNOW, start_with_code, submit

SCAN_TITLE = "Lerende organisatiescan voorjaar {year}"
PULSE_TITLE = "Pulse najaar {year}"
PARENTS_TITLE = "Oudervragenlijst voorjaar {year}"
# Parents per group who answer: most groups reach k, a few do not (their results stay hidden).
PARENTS_PER_TEAM = (3, 12)
# How parents see things compared with the staff's general tendency: partnership and contact
# lower than the staff think, their child's well-being high (what the demo should show).
PARENT_SHIFTS = {"partnerschap": -0.6, "communicatie": -0.4, "welbevinden": 0.5}
RESPONSE_RATE = 0.88
LOW_RESPONSE_RATE = 0.3
# The round a year before the spring scan, so the steering view shows a trend: culture was a
# little better then (it dropped), professional development a little weaker (it grew).
EARLIER_DRIFT = {"cultuur": 0.35, "professionalisering": -0.3, "innovatie": -0.15}

# The answer model (issue 17 §2): a validated scale's items agree with each other because they
# measure one thing. Per person a general level and a level per building block, per team a
# climate (team_tendencies), per item its own difficulty, and noise per answer; the sum is
# rounded to the 1..5 scale. With these spreads Cronbach's alpha per block lies around 0.8,
# as for a real validated scale (tests/scans/test_demo_reliability.py checks 0.70..0.90).
BASE_LEVEL = 3.6
PERSON_SD = 0.45  # a person's general level (how positive they are about the organisation)
PERSON_BLOCK_SD = 0.45  # a person's own view of one block
ITEM_SD = 0.25  # an item is easier or harder to agree with
NOISE_SD = 0.62  # everything else in one answer


def _spring(today) -> tuple[datetime.date, datetime.date]:
    year = today.year if today.month >= 6 else today.year - 1
    return datetime.date(year, 3, 16), datetime.date(year, 4, 3)


def add_demo(demo) -> list[str]:
    """A closed scan with an earlier round a year before (so trends show), a closed
    parents' questionnaire answered through group codes and an
    open pulse the demo medewerker can still answer (its link goes into the demo's notes).
    Each is skipped when its title is there; names what it added."""
    organisation, today = demo.organisation, demo.today
    added = []
    opens, closes = _spring(today)
    earlier = (opens.replace(year=opens.year - 1), closes.replace(year=closes.year - 1))
    title = SCAN_TITLE.format(year=earlier[0].year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        _campaign(
            demo, "lerende-organisatiescan", title, *earlier, closed=True, drift=EARLIER_DRIFT
        )
        added.append("earlier scan")
    title = SCAN_TITLE.format(year=opens.year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        _campaign(demo, "lerende-organisatiescan", title, opens, closes, closed=True)
        added.append("scan")
    title = PARENTS_TITLE.format(year=opens.year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        _parents_campaign(demo, title, opens, closes)
        added.append("parents")
    title = PULSE_TITLE.format(year=today.year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        opens = today - datetime.timedelta(days=4)
        _campaign(demo, "pulse", title, opens, today + datetime.timedelta(days=10))
        added.append("pulse")
    if not OrganisationInstrument.objects.filter(organisation=organisation).exists():
        # The organisation's own pulse: one copy published with its own question order, and
        # a draft the beheerder is still working on.
        admin = demo.login(Role.BEHEERDER)
        shipped = services.shipped_version("pulse")
        own = services.copy_instrument(organisation=organisation, actor=admin, version=shipped)
        services.publish_instrument(own=own, actor=admin)
        services.copy_instrument(organisation=organisation, actor=admin, version=shipped)
        added.append("own questionnaire")
    link = pulse_link(demo)
    if link:
        demo.note(
            _("The demo staff member can answer the open pulse at: %(link)s") % {"link": link}
        )
    return added


def team_tendencies(organisation) -> dict[int, dict[str, float]]:
    """Per team a shift of the mean per dimension: most teams near the middle, a few lower
    on cultuur or innovatie (what the demo results should make visible)."""
    rng = random.Random(f"{organisation.slug}-tendencies")
    dimensions = [
        "pedagogisch-professionals", "team", "visie-missie-doelen", "pedagogisch-leiderschap",
        "monitoring-evaluatie", "innovatie", "professionalisering", "coaching", "structuur",
        "cultuur", "partnerschap-ouders", "ketenpartners",
    ]  # fmt: skip
    shifts = {}
    for index, team_id in enumerate(
        Team.objects.filter(organisation=organisation).order_by("id").values_list("pk", flat=True)
    ):
        climate = rng.gauss(0, 0.2)  # the team's climate lifts or lowers every block
        shift = {d: climate + rng.gauss(0, 0.25) for d in dimensions}
        if index % 4 == 1:
            shift["cultuur"] -= 1.0
        if index % 5 == 2:
            shift["innovatie"] -= 0.9
        if index % 6 == 0:
            shift["team"] += 0.5
        shifts[team_id] = shift
    return shifts


@transaction.atomic
def _campaign(demo, key, title, opens, closes, closed=False, drift=None):
    organisation = demo.organisation
    board = demo.login(Role.BESTUURDER)
    today = timezone.localdate()
    campaign = services.create_campaign(
        organisation=organisation,
        actor=board,
        instrument_version=services.shipped_version(key),
        title=title,
        audience="staff",
        opens_on=today,
        closes_on=max(closes, today),
        role_groups=["leiding", "medewerkers"],
    )
    services.launch_campaign(campaign=campaign, actor=board)
    # The demo pretends the invitations went out at opening: no mail to made-up addresses.
    ScanInvitation.objects.filter(campaign=campaign).update(mailed_on=opens)
    rng = random.Random(f"{organisation.slug}-{key}-{opens.year}")
    shifts = team_tendencies(organisation)
    if drift:
        shifts = {
            team: {d: v + drift.get(d, 0) for d, v in shift.items()}
            for team, shift in shifts.items()
        }
    low_teams = {team_id for index, team_id in enumerate(sorted(shifts)) if index % 5 == 3}
    logins = demo.login_emails()
    instrument = campaign.instrument_version.instrument
    invitations = (
        ScanInvitation.objects.filter(campaign=campaign).select_related("person").order_by("id")
    )
    for invitation in invitations:
        rate = LOW_RESPONSE_RATE if invitation.team_key in low_teams else RESPONSE_RATE
        answers_now = rng.random() < rate
        # The demo log-ins must find the open pulse still to answer.
        if not answers_now or (not closed and invitation.person.email in logins):
            continue
        invitation.draft = _answers(instrument, shifts.get(invitation.team_key, {}), rng)
        submit(invitation=invitation, instrument=instrument)
    _move_back(campaign, opens, closes, closed, board, rng)
    return campaign


@transaction.atomic
def _parents_campaign(demo, title, opens, closes):
    """Parents answer through their own single-use letter, as they would for real."""
    organisation = demo.organisation
    board = demo.login(Role.BESTUURDER)
    today = timezone.localdate()
    campaign = services.create_campaign(
        organisation=organisation,
        actor=board,
        instrument_version=services.shipped_version("ouders"),
        title=title,
        audience="parents",
        opens_on=today,
        closes_on=max(closes, today),
    )
    services.launch_campaign(campaign=campaign, actor=board)
    rng = random.Random(f"{organisation.slug}-ouders-{opens.year}")
    instrument = campaign.instrument_version.instrument
    for letters in selectors.letters_by_team(campaign).values():
        for code in letters[: rng.randint(*PARENTS_PER_TEAM)]:
            token = start_with_code(code=code)
            invitation = ScanInvitation.objects.get(token_hash=hash_token(token))
            invitation.draft = _answers(instrument, PARENT_SHIFTS, rng, parents=True)
            submit(invitation=invitation, instrument=instrument)
    _move_back(campaign, opens, closes, True, board, rng)
    return campaign


def _item_difficulty(item) -> float:
    """A fixed offset per item (from its key): some statements are easier to agree with."""
    return random.Random(f"difficulty-{item.key}").gauss(0, ITEM_SD)


def _answers(instrument, shift, rng, parents=False) -> dict:
    """One person's answers from the answer model (see BASE_LEVEL): reverse-worded items are
    answered the other way round, as a person who agrees would disagree with them."""
    person = rng.gauss(0, PERSON_SD)
    per_block = {d.key: rng.gauss(0, PERSON_BLOCK_SD) for d in instrument.dimensions}
    answers = {}
    for item in instrument.items:
        dont_know = 0.12 if item.dimension in ("ketenpartners", "partnerschap-ouders") else 0.03
        if rng.random() < dont_know:
            answers[item.key] = DONT_KNOW
            continue
        level = BASE_LEVEL + shift.get(item.dimension, 0) + person
        level += per_block.get(item.dimension, 0) + _item_difficulty(item)
        score = min(5, max(1, round(rng.gauss(level, NOISE_SD))))
        answers[item.key] = 6 - score if item.reverse else score
    comments = {}
    if parents and rng.random() < 0.3:
        comments[instrument.open_questions[0].key] = rng.choice(demo_text.PARENT_COMMENTS)
    elif not parents and rng.random() < 0.2:
        dimension = rng.choice(list(demo_text.COMMENTS))
        questions = [q for q in instrument.open_questions if q.dimension == dimension]
        questions = questions or [q for q in instrument.open_questions if q.dimension is None]
        questions = questions or list(instrument.open_questions)
        if questions:
            comments[questions[0].key] = rng.choice(demo_text.COMMENTS[dimension])
    return {"answers": answers, "comments": comments}


def _move_back(campaign, opens, closes, closed, board, rng):
    """Put the campaign, its responses and used invitations at their demo dates."""
    last = min(closes, timezone.localdate())
    days = [opens + datetime.timedelta(days=n) for n in range((last - opens).days + 1)]
    by_day: dict[datetime.date, list[int]] = {}
    for pk in Response.objects.filter(campaign=campaign).values_list("pk", flat=True):
        by_day.setdefault(rng.choice(days), []).append(pk)
    for day, pks in by_day.items():
        Response.objects.filter(pk__in=pks).update(submitted_on=day)
    # Drawn apart from the responses: an invitation's date must not point at its response.
    used_by_day: dict[datetime.date, list[int]] = {}
    for pk in ScanInvitation.objects.filter(campaign=campaign, used_on__isnull=False).values_list(
        "pk", flat=True
    ):
        used_by_day.setdefault(rng.choice(days), []).append(pk)
    for day, pks in used_by_day.items():
        ScanInvitation.objects.filter(pk__in=pks).update(used_on=day)
    tz = timezone.get_current_timezone()
    fields = {
        "opens_on": opens,
        "closes_on": closes,
        "launched_at": datetime.datetime.combine(opens, datetime.time(8), tzinfo=tz),
        "created_at": datetime.datetime.combine(opens, datetime.time(7), tzinfo=tz)
        - datetime.timedelta(days=14),
    }
    if closed:
        fields["closed_at"] = datetime.datetime.combine(closes, datetime.time(17), tzinfo=tz)
    Campaign.objects.filter(pk=campaign.pk).update(**fields)


def pulse_link(demo) -> str | None:
    """The demo medewerker's own link to the open pulse, while it is not answered."""
    invitation = ScanInvitation.objects.filter(
        campaign__organisation=demo.organisation,
        campaign__title=PULSE_TITLE.format(year=demo.today.year),
        person__email=demo.login_email(Role.MEDEWERKER),
        used_on__isnull=True,
    ).first()
    if invitation is None:
        return None
    return demo.link(reverse("respond:start", args=[services.token_for(invitation.nonce)]))
