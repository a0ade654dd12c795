"""Invitations (invite, resend, revoke, accept) and the staff import. Same rules as
services.py: keyword-only arguments, one transaction each, an audit entry for every change."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from lerend.kit.tokens import hash_token, new_token

from .. import tasks
from ..imports import build_context, validate_rows
from ..models import Invitation, Membership
from ..services import _jsonable, _normalise_scope, record, snapshot

User = get_user_model()


class InvitationUnavailable(Exception):
    """The invitation is unknown, expired, used or revoked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --- invitations ---------------------------------------------------------------------------


def _new_token() -> tuple[str, str, datetime.datetime]:
    token = new_token()
    expires = timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)
    return token, hash_token(token), expires


def _mail_after_commit(invitation):
    """The mail is sent by the worker (``tasks.send_invitation_mail``), after commit, in the
    language of the person who invites. The link's token is made there, not here: a token
    in the task's arguments would wait in clear in the task table."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    transaction.on_commit(lambda: tasks.send_invitation_mail.enqueue(invitation.pk, language))


INVITATION_FIELDS = ("email", "name", "role", "scope", "location", "team", "fte")


@transaction.atomic
def invite_person(*, organisation, actor, email, name, **values) -> Invitation:
    """Invite someone by e-mail to a role in ``organisation``.

    Side effects: an Invitation with only the sha256 of a random token; after commit a task
    that makes the link's token and mails ``/uitnodiging/<token>/``; audit entry
    ``invitation.create``.
    """
    values = _normalise_scope(organisation, values)
    _token, token_hash, expires = _new_token()
    invitation = Invitation(
        organisation=organisation,
        email=email.strip().lower(),
        name=name,
        token_hash=token_hash,
        invited_by=actor,
        expires_at=expires,
        **values,
    )
    invitation.full_clean()
    invitation.save()
    record(
        organisation=organisation,
        actor=actor,
        action="invitation.create",
        target=invitation,
        after=snapshot(invitation, INVITATION_FIELDS),
    )
    _mail_after_commit(invitation)
    return invitation


@transaction.atomic
def resend_invitation(*, invitation, actor) -> Invitation:
    """Send a fresh link (the old one stops working: only one hash is kept) valid for the
    full period again. Side effects: new token hash and expiry, e-mail after commit, audit
    entry ``invitation.resend``."""
    if invitation.used_at or invitation.revoked_at:
        raise InvitationUnavailable("used" if invitation.used_at else "revoked")
    _token, invitation.token_hash, invitation.expires_at = _new_token()
    invitation.save(update_fields=["token_hash", "expires_at"])
    record(
        organisation=invitation.organisation,
        actor=actor,
        action="invitation.resend",
        target=invitation,
        after={"expires_at": _jsonable(invitation.expires_at)},
    )
    _mail_after_commit(invitation)
    return invitation


@transaction.atomic
def revoke_invitation(*, invitation, actor) -> Invitation:
    """Make an open invitation unusable. Side effects: ``revoked_at``, audit entry
    ``invitation.revoke``."""
    if invitation.revoked_at is None and invitation.used_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record(
            organisation=invitation.organisation,
            actor=actor,
            action="invitation.revoke",
            target=invitation,
            after={"revoked_at": _jsonable(invitation.revoked_at)},
        )
    return invitation


def invitation_state(invitation: Invitation | None) -> str:
    """'ok', 'unknown', 'expired', 'used' or 'revoked'."""
    if invitation is None:
        return "unknown"
    if invitation.revoked_at:
        return "revoked"
    if invitation.used_at:
        return "used"
    if invitation.expires_at <= timezone.now():
        return "expired"
    return "ok"


def find_invitation(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "location", "team")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def accept_invitation(*, token, user=None, name="", password=None):
    """Use an invitation: for ``user`` (an existing account, logged in with the invited
    e-mail) or for a new person (``name`` + ``password``).

    The invitation is claimed with a conditional UPDATE first, so two tabs submitting at
    once give one membership: the loser gets InvitationUnavailable and its transaction
    stores nothing. Side effects: maybe a User (or a password for an imported account
    without one), a Membership unless the same one already runs, ``used_at``, audit entry
    ``invitation.accept``. Returns (person, invitation).
    """
    invitation = find_invitation(token)
    state = invitation_state(invitation)
    if invitation is None or state != "ok":
        raise InvitationUnavailable(state)
    now = timezone.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if claimed != 1:
        raise InvitationUnavailable("used")
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first()
        if user is not None and user.has_usable_password():
            raise InvitationUnavailable("account_exists")
        if user is None:
            user = User(email=invitation.email)
        user.name = name
        user.set_password(password)
        user.is_active = True
        user.save()
    organisation = invitation.organisation
    same = Membership.objects.active().filter(
        organisation=organisation,
        person=user,
        role=invitation.role,
        scope=invitation.scope,
        location=invitation.location,
        team=invitation.team,
    )
    if not same.exists():
        membership = Membership(
            organisation=organisation,
            person=user,
            role=invitation.role,
            scope=invitation.scope,
            location=invitation.location,
            team=invitation.team,
            fte=invitation.fte,
        )
        membership.full_clean()
        membership.save()
    invitation.used_at = now
    record(
        organisation=organisation,
        actor=user,
        action="invitation.accept",
        target=invitation,
        after={"person": user.pk, "used_at": _jsonable(now)},
    )
    return user, invitation


# --- staff import --------------------------------------------------------------------------


class ImportInvalid(Exception):
    """The rows no longer pass validation (the data changed since the preview)."""

    def __init__(self, rows):
        super().__init__("import rows are invalid")
        self.rows = rows


@transaction.atomic
def import_staff(*, organisation, actor, raw_rows: list[dict]) -> dict:
    """Import staff: all rows or none.

    The rows are validated again against the database as it is now (the preview may be
    stale). Side effects: new people get an account with an unusable password and an
    Invitation (its mail is sent after commit, so a rollback sends nothing); people with an
    account get only the membership; audit entry ``import.staff`` with the counts.
    """
    rows = validate_rows(raw_rows, build_context(organisation))
    if not rows or any(row.errors for row in rows):
        raise ImportInvalid(rows)
    created = existing = 0
    mails = []
    for row in rows:
        person = User.objects.filter(email__iexact=row.email).first()
        if person is None:
            person = User(email=row.email, name=row.name)
            person.set_unusable_password()
            person.save()
            _token, token_hash, expires = _new_token()
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=row.email,
                name=row.name,
                role=row.role,
                scope=row.scope,
                location=row.location,
                team=row.team,
                fte=row.fte,
                token_hash=token_hash,
                invited_by=actor,
                expires_at=expires,
            )
            mails.append(invitation)
            created += 1
        else:
            existing += 1
        membership = Membership(
            organisation=organisation,
            person=person,
            role=row.role,
            scope=row.scope,
            location=row.location,
            team=row.team,
            fte=row.fte,
        )
        membership.full_clean()
        membership.save()
    record(
        organisation=organisation,
        actor=actor,
        action="import.staff",
        target=organisation,
        after={"rows": len(rows), "new_people": created, "existing_people": existing},
    )
    for invitation in mails:
        _mail_after_commit(invitation)
    return {"rows": len(rows), "new_people": created, "existing_people": existing}
