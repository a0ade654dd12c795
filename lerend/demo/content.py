"""Realistic content for the demo organisations, written through the apps' own services.

Called by the ``demo`` command after the organisations exist. Each part (improvement,
learning, scans) is skipped when it is already there, so running the command twice adds
nothing. Randomness is seeded per organisation, so the answers are the same every time.

Unlike the people (builder.py), the content goes through the services, so audit entries for
goals and campaigns appear as if the demo bestuurder made them — that is what the demo is
meant to show. Where a service refuses the past (a campaign may not open yesterday), the
rows are created for today and then moved back in time with plain UPDATEs.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lerend.accounts.models import User
from lerend.improvement import services as improvement
from lerend.improvement.models import Action, ActionStatus, GoalStatus, ItemKind, VisionVersion
from lerend.learning import selectors as learning_selectors
from lerend.learning import services as learning
from lerend.learning.models import EvidenceKind, JournalEntry, ReviewKind
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Membership, Organisation, Role, Sector, Team
from lerend.scans import selectors as scan_selectors
from lerend.scans import services as scans
from lerend.scans.models import Campaign, Response, ScanInvitation
from lerend.scans.services_respond import DONT_KNOW, start_with_code, submit

from . import builder, content_text

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


@dataclass
class Summary:
    organisation: Organisation
    added: list[str]
    pulse_link: str | None


def texts_for(organisation) -> dict:
    return (
        content_text.CHILDCARE
        if organisation.sector == Sector.KINDEROPVANG
        else content_text.SCHOOL
    )


def login(organisation, role) -> User:
    return User.objects.get(email=builder.login_email(organisation.slug, role))


def _team_of(person, organisation) -> Team:
    membership = (
        Membership.objects.filter(person=person, organisation=organisation, team__isnull=False)
        .select_related("team")
        .order_by("id")
        .first()
    )
    return membership.team


def add_content(organisation) -> Summary:
    """Add what is missing. Side effects: rows in improvement, learning and scans, audit
    entries written by those services."""
    added = []
    today = timezone.localdate()
    if _add_improvement(organisation, today):
        added.append("improvement")
    if _add_learning(organisation, today):
        added.append("learning")
    added += _add_scans(organisation, today)
    return Summary(organisation, added, pulse_link(organisation, today))


# --- improvement -------------------------------------------------------------------------


@transaction.atomic
def _add_improvement(organisation, today) -> bool:
    if VisionVersion.objects.filter(organisation=organisation, level="organisation").exists():
        return False
    text = texts_for(organisation)
    board = login(organisation, Role.BESTUURDER)
    improvement.save_vision(
        organisation=organisation,
        actor=board,
        vision=text["vision"],
        mission=text["mission"],
        core_values="\n".join(text["core_values"]),
        is_public=True,
    )
    school_year = datetime.date(today.year if today.month >= 8 else today.year - 1, 8, 1)
    period = {"starts_on": school_year, "ends_on": school_year.replace(year=school_year.year + 1)}
    goals = [
        improvement.create_goal(
            organisation=organisation, actor=board, owner=board, **spec, **period
        )
        for spec in text["goals"]
    ]
    teamleader = login(organisation, Role.TEAMLEIDER)
    staff = login(organisation, Role.MEDEWERKER)
    home = _team_of(staff, organisation)
    location = home.location
    manager = (
        Membership.objects.filter(
            organisation=organisation, location=location, role="locatiemanager"
        )
        .order_by("id")
        .first()
        .person
    )
    location_goal = improvement.create_goal(
        organisation=organisation,
        actor=manager,
        location=location,
        owner=manager,
        supports=goals[0],
        **text["location_goal"],
        **period,
    )
    teams = [home] + list(
        Team.objects.filter(organisation=organisation, location=location)
        .exclude(pk=home.pk)
        .order_by("id")[:2]
    )
    rng = random.Random(f"{organisation.slug}-improvement")
    actions = iter(text["actions"] * 2)
    statuses = [ActionStatus.TODO, ActionStatus.DOING, ActionStatus.DONE]
    for index, (team, (title, blocks)) in enumerate(zip(teams, text["team_goals"], strict=False)):
        leader = _leader_of(team, organisation) or teamleader
        goal = improvement.create_goal(
            organisation=organisation,
            actor=leader,
            team=team,
            owner=leader,
            title=title,
            building_blocks=blocks,
            supports=location_goal if index != 1 else goals[1],
            status=GoalStatus.BEHIND if index == 2 else GoalStatus.ON_TRACK,
            **period,
        )
        owners = [staff if team == home else leader, leader]
        for number in range(5):
            status = statuses[number % 3]
            # Some past due (follow-ups, overdue cards), some ahead.
            due = today + datetime.timedelta(days=(-24 if number < 2 else 10) + 7 * number)
            action = improvement.create_action(
                organisation=organisation,
                actor=leader,
                team=team,
                title=next(actions),
                owner=owners[number % 2],
                due_on=due,
                goal=goal if number != 4 else None,
                building_blocks=blocks,
            )
            if status != ActionStatus.TODO:
                improvement.move_action(
                    action=action, actor=leader, status=status, version=action.version
                )
        _add_board(team, leader, text, today, rng)
    # As the daily task would have done by now: ask "Did it work?" for actions due long ago.
    follow_up = today - datetime.timedelta(
        weeks=improvement.settings_for(organisation).follow_up_weeks
    )
    Action.objects.filter(
        organisation=organisation, due_on__lte=follow_up, follow_up_asked_on__isnull=True
    ).update(follow_up_asked_on=today)
    return True


def _leader_of(team, organisation):
    membership = (
        Membership.objects.filter(organisation=organisation, team=team, role=Role.TEAMLEIDER)
        .select_related("person")
        .first()
    )
    return membership.person if membership else None


def _add_board(team, leader, text, today, rng):
    for kind, key in (
        (ItemKind.SUCCESS, "successes"),
        (ItemKind.AGREEMENT, "agreements"),
        (ItemKind.PROBLEM, "problems"),
    ):
        for line in text[key]:
            improvement.add_board_item(team=team, actor=leader, kind=kind, text=line)
    improvement.update_schedule(
        team=team,
        actor=leader,
        weekday=rng.choice([0, 1, 3]),
        starts_at=datetime.time(rng.choice([8, 13]), 15),
        duration_minutes=15,
        place=text["place"],
    )
    improvement.save_session_notes(
        team=team,
        actor=leader,
        notes=f"{text['successes'][0]}\n{text['problems'][0]}",
        held_on=today - datetime.timedelta(days=7),
    )


# --- learning ----------------------------------------------------------------------------


@transaction.atomic
def _add_learning(organisation, today) -> bool:
    staff = login(organisation, Role.MEDEWERKER)
    if JournalEntry.objects.filter(organisation=organisation, owner=staff).exists():
        return False
    text = texts_for(organisation)
    access = resolve_access(staff, organisation)
    coaches = learning_selectors.share_target_people(access, staff)
    coach = coaches.filter(email=builder.login_email(organisation.slug, Role.COACH)).first()
    coach = coach or coaches.first()
    entries = []
    for index, (title, body, phase, blocks) in enumerate(text["journal"]):
        entries.append(
            learning.create_entry(
                organisation=organisation,
                owner=staff,
                title=title,
                body=body,
                phase=phase,
                building_blocks=blocks,
                written_on=today - datetime.timedelta(days=21 - 7 * index),
            )
        )
    learning.share(access=access, owner=staff, entry=entries[1], person=coach)
    plan = learning.get_or_create_plan(organisation=organisation, owner=staff, year=today.year)
    goals = [
        learning.add_goal(
            plan=plan,
            title=title,
            description=description,
            building_blocks=blocks,
            source_entry=entries[1] if index == 0 else None,
            start_score=2 + index,
        )
        for index, (title, description, blocks) in enumerate(text["pop_goals"])
    ]
    learning.add_activity(
        goal=goals[0], description=text["activity"], planned_for=today + datetime.timedelta(21)
    )
    title, body = text["evidence"]
    learning.add_evidence(plan=plan, kind=EvidenceKind.TEXT, title=title, goal=goals[0], text=body)
    review = learning.create_review(
        access=access,
        plan=plan,
        kind=ReviewKind.PLANNING,
        reviewer=coach,
        held_on=today - datetime.timedelta(days=10),
    )
    learning.save_review_notes(review=review, notes=text["review_notes"])
    return True


# --- scans -------------------------------------------------------------------------------


def _spring(today) -> tuple[datetime.date, datetime.date]:
    year = today.year if today.month >= 6 else today.year - 1
    return datetime.date(year, 3, 16), datetime.date(year, 4, 3)


def _add_scans(organisation, today) -> list[str]:
    added = []
    opens, closes = _spring(today)
    title = SCAN_TITLE.format(year=opens.year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        _campaign(organisation, "lerende-organisatiescan", title, opens, closes, closed=True)
        added.append("scan")
    title = PARENTS_TITLE.format(year=opens.year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        _parents_campaign(organisation, title, opens, closes)
        added.append("parents")
    title = PULSE_TITLE.format(year=today.year)
    if not Campaign.objects.filter(organisation=organisation, title=title).exists():
        opens = today - datetime.timedelta(days=4)
        _campaign(organisation, "pulse", title, opens, today + datetime.timedelta(days=10))
        added.append("pulse")
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
        shift = {d: rng.gauss(0, 0.25) for d in dimensions}
        if index % 4 == 1:
            shift["cultuur"] -= 1.0
        if index % 5 == 2:
            shift["innovatie"] -= 0.9
        if index % 6 == 0:
            shift["team"] += 0.5
        shifts[team_id] = shift
    return shifts


@transaction.atomic
def _campaign(organisation, key, title, opens, closes, closed=False):
    board = login(organisation, Role.BESTUURDER)
    today = timezone.localdate()
    campaign = scans.create_campaign(
        organisation=organisation,
        actor=board,
        instrument_version=scans.shipped_version(key),
        title=title,
        audience="staff",
        opens_on=today,
        closes_on=max(closes, today),
        role_groups=["leiding", "medewerkers"],
    )
    scans.launch_campaign(campaign=campaign, actor=board)
    # The demo pretends the invitations went out at opening: no mail to made-up addresses.
    ScanInvitation.objects.filter(campaign=campaign).update(mailed_on=opens)
    rng = random.Random(f"{organisation.slug}-{key}-{opens.year}")
    shifts = team_tendencies(organisation)
    low_teams = {team_id for index, team_id in enumerate(sorted(shifts)) if index % 5 == 3}
    logins = {builder.login_email(organisation.slug, role) for role in builder.LOGIN_ROLES}
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
def _parents_campaign(organisation, title, opens, closes):
    """Parents answer through their own single-use letter, as they would for real."""
    board = login(organisation, Role.BESTUURDER)
    today = timezone.localdate()
    campaign = scans.create_campaign(
        organisation=organisation,
        actor=board,
        instrument_version=scans.shipped_version("ouders"),
        title=title,
        audience="parents",
        opens_on=today,
        closes_on=max(closes, today),
    )
    scans.launch_campaign(campaign=campaign, actor=board)
    rng = random.Random(f"{organisation.slug}-ouders-{opens.year}")
    instrument = campaign.instrument_version.instrument
    for letters in scan_selectors.letters_by_team(campaign).values():
        for code in letters[: rng.randint(*PARENTS_PER_TEAM)]:
            token = start_with_code(code=code)
            invitation = ScanInvitation.objects.get(token_hash=scans.hash_token(token))
            invitation.draft = _answers(instrument, PARENT_SHIFTS, rng, parents=True)
            submit(invitation=invitation, instrument=instrument)
    _move_back(campaign, opens, closes, True, board, rng)
    return campaign


def _answers(instrument, shift, rng, parents=False) -> dict:
    person = rng.gauss(0, 0.35)
    answers = {}
    for item in instrument.items:
        dont_know = 0.12 if item.dimension in ("ketenpartners", "partnerschap-ouders") else 0.03
        if rng.random() < dont_know:
            answers[item.key] = DONT_KNOW
            continue
        score = round(rng.gauss(3.6 + shift.get(item.dimension, 0) + person, 0.8))
        score = min(5, max(1, score))
        answers[item.key] = 6 - score if item.reverse else score
    comments = {}
    if parents and rng.random() < 0.3:
        comments[instrument.open_questions[0].key] = rng.choice(content_text.PARENT_COMMENTS)
    elif not parents and rng.random() < 0.2:
        dimension = rng.choice(list(content_text.COMMENTS))
        questions = [q for q in instrument.open_questions if q.dimension == dimension]
        questions = questions or [q for q in instrument.open_questions if q.dimension is None]
        questions = questions or list(instrument.open_questions)
        if questions:
            comments[questions[0].key] = rng.choice(content_text.COMMENTS[dimension])
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


def pulse_link(organisation, today) -> str | None:
    """The demo medewerker's own link to the open pulse, while it is not answered."""
    invitation = ScanInvitation.objects.filter(
        campaign__organisation=organisation,
        campaign__title=PULSE_TITLE.format(year=today.year),
        person__email=builder.login_email(organisation.slug, Role.MEDEWERKER),
        used_on__isnull=True,
    ).first()
    if invitation is None:
        return None
    path = reverse("respond:start", args=[scans.token_for(invitation.nonce)])
    return builder.DEMO_URL.rstrip("/") + path
