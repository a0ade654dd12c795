"""Writes for instruments and campaigns. Keyword-only arguments, one transaction each, an audit
entry for every change to a campaign or an instrument. Answering lives in services_respond.py.
"""

import dataclasses
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.tokens import hash_token
from lerend.organisations.models import Membership, Scope, Team
from lerend.organisations.services import record
from lerend.organisations.wording import holds_children

from .instruments.loader import build_instrument, shipped_instruments, validate_instrument_data
from .models import (
    AUDIENCE_ROLE_GROUP,
    AccessCode,
    Audience,
    Campaign,
    CampaignStatus,
    InstrumentVersion,
    OrganisationInstrument,
    RoleGroup,
    ScanInvitation,
    role_group_for,
)
from .results.comments import REVIEW_HIDDEN, REVIEW_PUBLISHED, review_key, review_state
from .results.plan import campaign_k, overlapping_target_conflict
from .tasks_results import warm_results

# --- tokens ----------------------------------------------------------------------------------


def token_for(nonce: str) -> str:
    """The link token of an invitation: reproducible from its nonce with SECRET_KEY only, so
    the database alone never holds a working link (it stores the sha256)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"lerend.scans.invitation:{nonce}".encode(), hashlib.sha256
    ).hexdigest()
    return digest[:40]


def new_invitation(campaign, **fields) -> ScanInvitation:
    """An unsaved invitation with a fresh nonce and token hash."""
    nonce = secrets.token_hex(16)
    return ScanInvitation(
        campaign=campaign, nonce=nonce, token_hash=hash_token(token_for(nonce)), **fields
    )


# Unambiguous letters and digits: read aloud or copied from paper without mistakes.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


# --- instruments -----------------------------------------------------------------------------


def _plain(value):
    # Tuples become lists and unset optional fields disappear: the YAML schema rejects
    # nulls where a field is optional, and JSON has no tuples.
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None and v is not False}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def definition_of(instrument) -> dict:
    """The frozen dataclasses back as data in the YAML schema (they round-trip through
    ``build_instrument`` and pass ``validate_instrument_data``)."""
    return _plain(dataclasses.asdict(instrument))


def shipped_version(key: str) -> InstrumentVersion:
    """The InstrumentVersion of a shipped instrument, created from the YAML on first use.
    Idempotent; a raised YAML version makes a new row, the old one stays for old campaigns.
    Side effects: may create an InstrumentVersion."""
    for instrument in shipped_instruments():
        if instrument.key == key:
            break
    else:
        raise LookupError(key)
    version, _created = InstrumentVersion.objects.get_or_create(
        organisation=None,
        key=instrument.key,
        version=instrument.version,
        defaults={
            "name": instrument.name.nl,
            "audience": instrument.audience,
            "definition": definition_of(instrument),
        },
    )
    return version


@transaction.atomic
def copy_instrument(*, organisation, actor, version: InstrumentVersion) -> OrganisationInstrument:
    """Start an organisation's own draft from an instrument version. Side effects: an
    OrganisationInstrument, audit entry ``instrument.copy``."""
    base_key = f"{organisation.slug}-{version.key}"[:70]
    key, number = base_key, 1
    taken = set(
        OrganisationInstrument.objects.filter(organisation=organisation).values_list(
            "key", flat=True
        )
    ) | set(
        InstrumentVersion.objects.filter(organisation=organisation).values_list("key", flat=True)
    )
    while key in taken:
        number += 1
        key = f"{base_key}-{number}"
    definition = dict(version.definition, key=key, version=1)
    own = OrganisationInstrument.objects.create(
        organisation=organisation, based_on=version, key=key, definition=definition
    )
    record(
        organisation=organisation,
        actor=actor,
        action="instrument.copy",
        target=own,
        after={"based_on": version.pk},
    )
    return own


def _check_definition(definition: dict) -> None:
    errors = validate_instrument_data(definition)
    if errors:
        raise ValidationError([str(error) for error in errors])


@transaction.atomic
def update_instrument_draft(*, own: OrganisationInstrument, actor, definition: dict):
    """Replace the draft's definition (after the editor changed items or open questions).
    Raises ValidationError listing every problem. Side effects: saves the draft, audit entry
    ``instrument.update``."""
    _check_definition(definition)
    own.definition = definition
    own.updated_at = timezone.now()
    own.save(update_fields=["definition", "updated_at"])
    record(organisation=own.organisation, actor=actor, action="instrument.update", target=own)
    return own


@transaction.atomic
def publish_instrument(*, own: OrganisationInstrument, actor) -> InstrumentVersion:
    """Freeze the draft into a new InstrumentVersion (version = last + 1). Side effects: an
    InstrumentVersion, audit entry ``instrument.publish``."""
    last = (
        InstrumentVersion.objects.filter(organisation=own.organisation, key=own.key)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    definition = dict(own.definition, version=(last or 0) + 1)
    _check_definition(definition)
    instrument = build_instrument(definition)
    version = InstrumentVersion.objects.create(
        organisation=own.organisation,
        key=own.key,
        version=definition["version"],
        name=instrument.name.nl,
        audience=instrument.audience,
        definition=definition,
    )
    record(
        organisation=own.organisation,
        actor=actor,
        action="instrument.publish",
        target=version,
        after={"version": version.version},
    )
    return version


# --- campaigns -------------------------------------------------------------------------------


def _campaign_snapshot(campaign) -> dict:
    return {
        "title": campaign.title,
        "audience": campaign.audience,
        "instrument_version": campaign.instrument_version_id,
        "opens_on": campaign.opens_on.isoformat(),
        "closes_on": campaign.closes_on.isoformat(),
        "role_groups": list(campaign.role_groups),
        "leaders_apart": campaign.leaders_apart,
        "locations": sorted(loc.pk for loc in campaign.locations.all()),
        "teams": sorted(team.pk for team in campaign.teams.all()),
    }


def validate_campaign(*, opens_on, closes_on, audience, role_groups, new=True) -> None:
    errors = {}
    if closes_on and opens_on and closes_on < opens_on:
        errors["closes_on"] = _("The closing date must not be before the opening date.")
    if new and opens_on and opens_on < timezone.localdate():
        errors["opens_on"] = _("The opening date must not be in the past.")
    if audience == Audience.STAFF and not role_groups:
        errors["role_groups"] = _("Choose at least one group of staff.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_campaign(
    *,
    organisation,
    actor,
    instrument_version,
    title,
    audience,
    opens_on,
    closes_on,
    intro="",
    role_groups=(),
    leaders_apart=True,
    locations=(),
    teams=(),
    code_use_limit=30,
) -> Campaign:
    """Create a campaign in draft. Empty locations and teams mean the whole organisation.
    Raises ValidationError (Dutch messages, per field). Side effects: a Campaign, audit entry
    ``campaign.create``."""
    if audience != Audience.STAFF:
        role_groups = ()
    validate_campaign(
        opens_on=opens_on, closes_on=closes_on, audience=audience, role_groups=role_groups
    )
    if instrument_version.organisation_id not in (None, organisation.id):
        raise ValidationError(_("This instrument belongs to another organisation."))
    if any(x.organisation_id != organisation.id for x in [*locations, *teams]):
        raise ValidationError(_("This location belongs to another organisation."))
    campaign = Campaign.objects.create(
        organisation=organisation,
        instrument_version=instrument_version,
        title=title,
        intro=intro,
        audience=audience,
        role_groups=sorted(role_groups),
        leaders_apart=leaders_apart and audience == Audience.STAFF,
        opens_on=opens_on,
        closes_on=closes_on,
        code_use_limit=code_use_limit,
        created_by=actor,
    )
    campaign.locations.set(locations)
    campaign.teams.set(teams)
    record(
        organisation=organisation,
        actor=actor,
        action="campaign.create",
        target=campaign,
        after=_campaign_snapshot(campaign),
    )
    return campaign


def _targets(campaign) -> tuple[set[int], set[int]]:
    return (
        {loc.pk for loc in campaign.locations.all()},
        {team.pk for team in campaign.teams.all()},
    )


def _membership_stratum(membership) -> tuple[int, int]:
    if membership.scope == Scope.TEAM:
        return membership.team.location_id, membership.team_id
    if membership.scope == Scope.LOCATION:
        return membership.location_id, 0
    return 0, 0


def targeted_staff(campaign) -> dict[int, tuple[int, int, str]]:
    """Person id -> (location_key, team_key, role_group) for every active member in the
    campaign's role groups and targets. Someone with several memberships is counted once,
    in the most specific one (team before location before organisation) — that is where
    their answers say most. With ``leaders_apart`` leadership is targeted the same way but
    counted in one stratum for the whole organisation (0, 0): see docs/anonymity.md,
    "Leadership apart"."""
    location_ids, team_ids = _targets(campaign)
    whole = not location_ids and not team_ids
    specificity = {Scope.TEAM: 0, Scope.LOCATION: 1, Scope.ORGANISATION: 2}
    chosen: dict[int, tuple] = {}
    memberships = (
        Membership.objects.active()
        .filter(organisation=campaign.organisation)
        .select_related("team")
        .order_by("id")
    )
    for membership in memberships:
        group = role_group_for(membership.role)
        if group not in campaign.role_groups:
            continue
        location_key, team_key = _membership_stratum(membership)
        if not whole:
            in_team = team_key and (team_key in team_ids or location_key in location_ids)
            in_location = not team_key and location_key and location_key in location_ids
            if not (in_team or in_location):
                continue
        rank = specificity[membership.scope]
        current = chosen.get(membership.person_id)
        if current is None or rank < current[0]:
            chosen[membership.person_id] = (rank, location_key, team_key, group)
    strata = {}
    for person, (_rank, location_key, team_key, group) in chosen.items():
        if campaign.leaders_apart and group == RoleGroup.LEIDING:
            location_key, team_key = 0, 0
        strata[person] = (location_key, team_key, group)
    return strata


def _targeted(team: Team, location_ids, team_ids) -> bool:
    return team.pk in team_ids or team.location_id in location_ids


def targeted_teams(campaign) -> list[Team]:
    location_ids, team_ids = _targets(campaign)
    teams = Team.objects.filter(organisation=campaign.organisation).select_related("location")
    return [
        t for t in teams if not (location_ids or team_ids) or _targeted(t, location_ids, team_ids)
    ]


class CannotLaunch(Exception):
    pass


@transaction.atomic
def launch_campaign(*, campaign, actor) -> Campaign:
    """Launch a draft: freeze k from the organisation, create one invitation per targeted
    active staff member (strata frozen on it) or, for parents and pupils, ``code_use_limit``
    single-use letters per targeted team (one per family or pupil), and mail the staff after
    commit through the background worker. Launching an already launched campaign changes
    nothing. Raises CannotLaunch when an overlapping campaign on the same questionnaire
    targets staff that differ by 1..k-1 people (route 4, docs/anonymity.md). Side effects:
    ScanInvitations or AccessCodes, the campaign's k and launched_at, audit entry
    ``campaign.launch``, task ``send_campaign_mails``."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.launched_at is not None:
        return campaign
    if campaign.closes_on < timezone.localdate():
        raise CannotLaunch(_("The closing date has passed."))
    created = 0
    if campaign.audience == Audience.STAFF:
        targets = targeted_staff(campaign)
        if not targets:
            raise CannotLaunch(_("Nobody matches the chosen groups and targets."))
        k = campaign_k(campaign)  # not launched yet: the organisation's k, as frozen below
        other = overlapping_target_conflict(campaign, targets, k=k)
        if other is not None:
            raise CannotLaunch(
                _(
                    "“%(title)s” asks the same questions in the same period of almost the same "
                    "people: fewer than %(k)s people differ. Side by side, the two results "
                    "would give away what those few answered. Aim this campaign at the same "
                    "people, or at clearly different ones, or choose other dates."
                )
                % {"title": other.title, "k": k}
            )
        languages = dict(
            campaign.organisation.memberships.filter(person_id__in=targets).values_list(
                "person_id", "person__language"
            )
        )
        invitations = [
            new_invitation(
                campaign,
                person_id=person_id,
                location_key=location_key,
                team_key=team_key,
                role_group=group,
                language=languages.get(person_id) or "nl",
            )
            for person_id, (location_key, team_key, group) in sorted(targets.items())
        ]
        ScanInvitation.objects.bulk_create(invitations)
        created = len(invitations)
    else:
        # Only teams with children of their own: a support team gets no letters (issue 12).
        teams = [team for team in targeted_teams(campaign) if holds_children(team)]
        if not teams:
            raise CannotLaunch(_("There are no teams to make codes for."))
        # One single-use letter per family or pupil (route 1): a response always comes from
        # one issued code, and nobody can answer twice with it.
        per_team = campaign.code_use_limit
        codes: set[str] = set()
        while len(codes) < len(teams) * per_team:
            codes.add(_new_code())
        ordered = iter(sorted(codes))
        AccessCode.objects.bulk_create(
            AccessCode(
                campaign=campaign,
                location_key=team.location_id,
                team_key=team.pk,
                label=f"{team.location.name} — {team.name}",
                code=next(ordered),
                use_limit=1,
            )
            for team in teams
            for _letter in range(per_team)
        )
        created = len(teams) * per_team
    campaign.k = campaign_k(campaign)
    campaign.launched_at = timezone.now()
    campaign.save(update_fields=["k", "launched_at"])
    record(
        organisation=campaign.organisation,
        actor=actor,
        action="campaign.launch",
        target=campaign,
        after={"k": campaign.k, "invited": created if campaign.audience == "staff" else None},
    )
    if campaign.audience == Audience.STAFF:
        _enqueue_mails(campaign, "invitation")
    return campaign


def _enqueue_mails(campaign, kind: str) -> None:
    from .tasks import send_campaign_mails  # noqa: PLC0415 — cycle: tasks import these services

    campaign_id = campaign.pk
    transaction.on_commit(lambda: send_campaign_mails.enqueue(campaign_id=campaign_id, kind=kind))


@transaction.atomic
def close_campaign(*, campaign, actor) -> Campaign:
    """Close a launched campaign early. Side effects: closed_at, audit ``campaign.close``."""
    if campaign.closed_at is None:
        campaign.closed_at = timezone.now()
        campaign.save(update_fields=["closed_at"])
        record(
            organisation=campaign.organisation,
            actor=actor,
            action="campaign.close",
            target=campaign,
        )
        # Its plans are worked out in the worker, before the first leader opens the results.
        transaction.on_commit(lambda: warm_results.enqueue(campaign.pk))
    return campaign


@transaction.atomic
def send_reminders(*, campaign, actor=None) -> None:
    """Remind everyone who has not answered (the worker sends them; nobody sees who). Only
    while the campaign is open. Side effects: last_reminder_on, audit ``campaign.remind``,
    task ``send_campaign_mails``."""
    if campaign.status != CampaignStatus.OPEN or campaign.audience != Audience.STAFF:
        return
    Campaign.objects.filter(pk=campaign.pk).update(last_reminder_on=timezone.localdate())
    record(
        organisation=campaign.organisation, actor=actor, action="campaign.remind", target=campaign
    )
    _enqueue_mails(campaign, "reminder")


class UnknownComment(Exception):
    pass


@transaction.atomic
def review_comment(*, campaign, key: str, decision: str, actor) -> None:
    """Publish or hide one comment that mentions a role (route 6). ``key`` is the opaque
    handle of the review page. Raises UnknownComment. Side effects: the comment's ``review``
    in its response, audit entry ``comment.review`` (the decision, never the text)."""
    if decision not in (REVIEW_PUBLISHED, REVIEW_HIDDEN):
        raise ValueError(decision)
    rows = campaign.responses.select_for_update().order_by().values_list("pk", "comments")
    for response_id, comments in rows.iterator(chunk_size=2000):
        for index, comment in enumerate(comments or ()):
            if review_state(comment) is not None and review_key(response_id, index) == key:
                comments[index] = dict(comment, review=decision)
                campaign.responses.filter(pk=response_id).update(comments=comments)
                record(
                    organisation=campaign.organisation,
                    actor=actor,
                    action="comment.review",
                    target=campaign,
                    after={"decision": decision},
                )
                return
    raise UnknownComment


@transaction.atomic
def show_letters(*, campaign, team, actor) -> list[AccessCode]:
    """The single-use letters of one team, for the person who hands them out (a manager of
    the campaign). Every time they are shown is audited (``campaign.letters``), so a second
    look at the codes is on record. Side effects: audit entry."""
    letters = list(AccessCode.objects.filter(campaign=campaign, team_key=team.pk).order_by("code"))
    record(
        organisation=campaign.organisation,
        actor=actor,
        action="campaign.letters",
        target=campaign,
        after={"team": team.pk, "letters": len(letters)},
    )
    return letters


def audience_role_group(audience: str) -> str:
    return str(AUDIENCE_ROLE_GROUP[Audience(audience)])


def _base_version(definition: dict) -> InstrumentVersion:
    """An own draft points at the version it started from. An uploaded file starts from
    none, so it points at the shipped instrument with its key, else one for its audience."""
    shipped = InstrumentVersion.objects.filter(organisation=None).order_by("key", "-version")
    return (
        shipped.filter(key=definition.get("key")).first()
        or shipped.filter(audience=definition.get("audience")).first()
        or shipped_version("pulse")
    )


@transaction.atomic
def import_instrument_draft(*, organisation, actor, definition: dict) -> OrganisationInstrument:
    """Create an own draft holding an uploaded, already validated definition, through the
    existing services (both audited: ``instrument.copy`` and ``instrument.update``).
    Side effects: an OrganisationInstrument and two audit entries."""
    own = copy_instrument(organisation=organisation, actor=actor, version=_base_version(definition))
    definition = dict(definition, key=own.key, version=1)
    return update_instrument_draft(own=own, actor=actor, definition=definition)
