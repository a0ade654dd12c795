"""Every write in the organisations area. Keyword-only arguments, one transaction each, and
an audit entry (who, what, when, before -> after) for every change."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit import contrib

from .models import AuditEntry, ErasureRequest, Location, Membership, Organisation, Scope, Team
from .validators import validate_brin, validate_lrk

User = get_user_model()

LOCATION_FIELDS = ("name", "kind", "brin", "lrk_number", "address", "place")
TEAM_FIELDS = ("name", "kind", "location")
MEMBERSHIP_FIELDS = ("role", "scope", "location", "team", "fte", "start_date", "end_date")
SETTINGS_FIELDS = ("name", "anonymity_threshold", "two_factor_roles")


class InUse(Exception):
    """A location or team that still has people in it cannot be deleted."""


# --- audit -------------------------------------------------------------------------------


def _jsonable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def snapshot(instance, fields) -> dict:
    """The given fields of ``instance`` as a JSON-able dict (foreign keys as ids)."""
    out = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.is_relation:
            # Recorded by name as well as id: the log must stay readable after a rename.
            related = getattr(instance, name)
            out[name] = f"{related} (#{related.pk})" if related is not None else None
            continue
        value = getattr(instance, name)
        if isinstance(field, models.DecimalField) and value is not None:
            # A form gives 0.4, the database 0.40: compare them as the column stores them.
            value = Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))
        out[name] = _jsonable(value)
    return out


def diff(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the keys whose values changed, so the audit log shows what really happened."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def record(*, organisation, actor, action: str, target, before=None, after=None) -> AuditEntry:
    """Write one audit entry. ``target`` is a model instance (or None).

    Side effects: creates an AuditEntry.
    """
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.model_name if target is not None else "",
        target_id=str(target.pk) if target is not None and target.pk is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        before=before,
        after=after,
    )


def _apply(instance, values: dict, fields) -> tuple[dict, dict]:
    before = snapshot(instance, fields)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return diff(before, snapshot(instance, fields))


# --- locations and teams -------------------------------------------------------------------


def _check_location_codes(values: dict) -> None:
    validate_brin(values.get("brin", ""))
    validate_lrk(values.get("lrk_number", ""))


@transaction.atomic
def create_location(*, organisation, actor, **values) -> Location:
    """Create a location. Side effects: Location row, audit entry ``location.create``.
    BRIN and LRK are checked for format when given."""
    _check_location_codes(values)
    location = Location(organisation=organisation, **values)
    location.full_clean()
    location.save()
    record(
        organisation=organisation,
        actor=actor,
        action="location.create",
        target=location,
        after=snapshot(location, LOCATION_FIELDS),
    )
    return location


@transaction.atomic
def update_location(*, location, actor, **values) -> Location:
    """Change a location's fields. Side effects: saves it, audit entry ``location.update``
    with only the changed fields."""
    _check_location_codes(values)
    before, after = _apply(location, values, LOCATION_FIELDS)
    record(
        organisation=location.organisation,
        actor=actor,
        action="location.update",
        target=location,
        before=before,
        after=after,
    )
    return location


def _has_people(**filters) -> bool:
    return Membership.objects.active().filter(**filters).exists()


@transaction.atomic
def delete_location(*, location, actor) -> None:
    """Delete an empty location and its (empty) teams. Raises InUse when anyone still has an
    active membership at the location or in one of its teams. Side effects: deletes rows,
    audit entry ``location.delete`` with the last values."""
    if _has_people(location=location) or _has_people(team__location=location):
        raise InUse
    before = snapshot(location, LOCATION_FIELDS)
    organisation = location.organisation
    record(
        organisation=organisation,
        actor=actor,
        action="location.delete",
        target=location,
        before=before,
    )
    location.delete()


@transaction.atomic
def create_team(*, organisation, actor, location, name, kind) -> Team:
    """Create a team at a location of this organisation. Side effects: Team row, audit entry
    ``team.create``."""
    if location.organisation_id != organisation.id:
        raise ValidationError(_("This location belongs to another organisation."))
    team = Team(organisation=organisation, location=location, name=name, kind=kind)
    team.full_clean()
    team.save()
    record(
        organisation=organisation,
        actor=actor,
        action="team.create",
        target=team,
        after=snapshot(team, TEAM_FIELDS),
    )
    return team


@transaction.atomic
def update_team(*, team, actor, **values) -> Team:
    """Change a team (name, kind, location). Side effects: saves it, audit entry
    ``team.update``."""
    location = values.get("location")
    if location is not None and location.organisation_id != team.organisation_id:
        raise ValidationError(_("This location belongs to another organisation."))
    before, after = _apply(team, values, TEAM_FIELDS)
    record(
        organisation=team.organisation,
        actor=actor,
        action="team.update",
        target=team,
        before=before,
        after=after,
    )
    return team


@transaction.atomic
def delete_team(*, team, actor) -> None:
    """Delete a team without people. Raises InUse otherwise. Side effects: deletes it (and
    ended memberships in it), audit entry ``team.delete``."""
    if _has_people(team=team):
        raise InUse
    record(
        organisation=team.organisation,
        actor=actor,
        action="team.delete",
        target=team,
        before=snapshot(team, TEAM_FIELDS),
    )
    team.delete()


# --- memberships ---------------------------------------------------------------------------


def _normalise_scope(organisation, values: dict) -> dict:
    """Make location/team agree with the scope, and keep them inside the organisation."""
    values = dict(values)
    scope = values.get("scope")
    team, location = values.get("team"), values.get("location")
    for obj in (team, location):
        if obj is not None and obj.organisation_id != organisation.id:
            raise ValidationError(_("This location or team belongs to another organisation."))
    if scope == Scope.ORGANISATION:
        values["location"], values["team"] = None, None
    elif scope == Scope.LOCATION:
        if location is None:
            raise ValidationError(_("Choose a location for this scope."))
        values["team"] = None
    elif scope == Scope.TEAM:
        if team is None:
            raise ValidationError(_("Choose a team for this scope."))
        values["location"] = None
    return values


@transaction.atomic
def create_membership(*, organisation, actor, person, **values) -> Membership:
    """Give ``person`` a role in ``organisation``. Side effects: Membership row, audit entry
    ``membership.create``."""
    values = _normalise_scope(organisation, values)
    membership = Membership(organisation=organisation, person=person, **values)
    membership.full_clean()
    membership.save()
    record(
        organisation=organisation,
        actor=actor,
        action="membership.create",
        target=membership,
        after={"person": person.pk, **snapshot(membership, MEMBERSHIP_FIELDS)},
    )
    return membership


@transaction.atomic
def update_membership(*, membership, actor, **values) -> Membership:
    """Change role, scope, FTE or dates. Side effects: saves it, audit entry
    ``membership.update``."""
    values = _normalise_scope(membership.organisation, values)
    before, after = _apply(membership, values, MEMBERSHIP_FIELDS)
    record(
        organisation=membership.organisation,
        actor=actor,
        action="membership.update",
        target=membership,
        before=before,
        after=after,
    )
    return membership


def _last_day_before(day):
    return day - datetime.timedelta(days=1)


def _end(membership, end_date) -> tuple[dict, dict]:
    """End a membership so that it is no longer active on ``end_date + 1``. A membership that
    would not yet have started is closed as a one-day span ending on ``end_date`` (the
    dates-ordered constraint forbids end < start; nothing is deleted)."""
    before = snapshot(membership, ("start_date", "end_date"))
    membership.end_date = end_date
    if membership.start_date > end_date:
        membership.start_date = end_date
    membership.save(update_fields=["start_date", "end_date"])
    return diff(before, snapshot(membership, ("start_date", "end_date")))


@transaction.atomic
def end_membership(*, membership, actor, on=None) -> Membership:
    """End a membership today: its last active day is yesterday, so access stops at once.
    Side effects: sets end_date, audit entry ``membership.end``."""
    end_date = _last_day_before(on or timezone.localdate())
    before, after = _end(membership, end_date)
    record(
        organisation=membership.organisation,
        actor=actor,
        action="membership.end",
        target=membership,
        before=before,
        after=after,
    )
    return membership


# --- people --------------------------------------------------------------------------------


@transaction.atomic
def deactivate_person(*, organisation, person, actor) -> None:
    """Take a person out of ``organisation`` today.

    Side effects: every running or future membership in THIS organisation gets yesterday as
    its last day (access stops at once); when the person has no active membership anywhere
    else, ``person.is_active`` becomes False. Anonymous contributions and other data are
    untouched and nothing is deleted. Audit entry ``person.deactivate``.
    """
    today = timezone.localdate()
    running = Membership.objects.filter(organisation=organisation, person=person).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    ended = []
    for membership in running.select_for_update():
        _end(membership, _last_day_before(today))
        ended.append(membership.pk)
    elsewhere = Membership.objects.active().filter(person=person).exclude(organisation=organisation)
    before = {"is_active": person.is_active}
    if person.is_active and not elsewhere.exists():
        person.is_active = False
        person.save(update_fields=["is_active"])
    record(
        organisation=organisation,
        actor=actor,
        action="person.deactivate",
        target=person,
        before=before,
        after={"is_active": person.is_active, "ended_memberships": ended},
    )


@transaction.atomic
def reactivate_person(*, organisation, person, actor) -> None:
    """Let a deactivated person log in again. Memberships are not reopened: the beheerder
    adds the role the person has now. Side effects: ``is_active=True``, audit entry
    ``person.reactivate``."""
    before = {"is_active": person.is_active}
    person.is_active = True
    person.save(update_fields=["is_active"])
    record(
        organisation=organisation,
        actor=actor,
        action="person.reactivate",
        target=person,
        before=before,
        after={"is_active": True},
    )


# --- organisation settings -----------------------------------------------------------------


@transaction.atomic
def update_settings(*, organisation, actor, **values) -> Organisation:
    """Change name, anonymity threshold k (3..10) and the roles that must use two-factor
    log-in. Side effects: saves the organisation, audit entry ``settings.update``."""
    before, after = _apply(organisation, values, SETTINGS_FIELDS)
    record(
        organisation=organisation,
        actor=actor,
        action="settings.update",
        target=organisation,
        before=before,
        after=after,
    )
    return organisation


@transaction.atomic
def erase_person(
    *, organisation, person, actor, hand_over_to=None, reason: str = "request"
) -> dict[str, dict[str, int]]:
    """Erase what Lerend holds about ``person`` in ``organisation``: every app's ``erase``
    (named in its contrib.py) removes the person's own records and keeps what they made for
    others without their name. With ``hand_over_to`` (a member of the organisation), every
    app's ``hand_over`` first makes that person the owner of what was made for the team
    (actions, board items, shared knowledge). All or nothing. Anonymous scan responses were
    never linked to the person and stay as they are.

    Side effects: whatever the apps' hand-overs and erasers do; the person's erasure request
    goes; audit entry ``person.erase`` with the counts per app, the choice and the reason
    (``request`` or ``retention``) — the entry names nobody: the person's name is what is
    being erased."""
    handed: dict[str, dict[str, int]] = {}
    if hand_over_to is not None:
        if not Membership.objects.filter(organisation=organisation, person=hand_over_to).exists():
            raise ValidationError(_("The new owner must be a member of the organisation."))
        handed = {
            label: dict(hand_over(person, organisation, hand_over_to))
            for label, hand_over in contrib.hand_overs()
        }
    counts = {label: dict(erase(person, organisation)) for label, erase in contrib.erasers()}
    ErasureRequest.objects.filter(organisation=organisation, person=person).delete()
    AuditEntry.objects.create(
        organisation=organisation,
        actor=actor,
        action="person.erase",
        target_type="",
        after={
            "erased": {label: n for label, n in counts.items() if any(n.values())},
            "handed_over": {label: n for label, n in handed.items() if any(n.values())},
            "team_work": "handed_over" if hand_over_to is not None else "kept_unnamed",
            "reason": reason,
        },
    )
    return counts
