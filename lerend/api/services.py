"""Making and revoking API keys. Every write is audited in the key's organisation."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.contrib import deleted
from lerend.kit.tokens import hash_token, new_token
from lerend.organisations.access import resolve_access
from lerend.organisations.services import record

from .models import ApiToken

PREFIX = "lerend_"
VALID_DAYS = (30, 90, 365)
MAX_ACTIVE_PER_PERSON = 10


def create_token(*, person, organisation, name: str, days: int) -> tuple[ApiToken, str]:
    """Makes a key for ``person`` in ``organisation``, valid ``days`` days. Returns the key
    row and the key itself — the only moment it exists in clear.

    Side effects: an ApiToken row (digest only) and an audit entry "api_token.create".
    Raises ValidationError when the person is not a member, the validity is not offered or
    the person already has MAX_ACTIVE_PER_PERSON usable keys."""
    if resolve_access(person, organisation) is None:
        raise ValidationError({"organisation": _("You are not a member of this organisation.")})
    if days not in VALID_DAYS:
        raise ValidationError({"days": _("Choose one of the offered periods.")})
    with transaction.atomic():
        if ApiToken.objects.usable().filter(person=person).count() >= MAX_ACTIVE_PER_PERSON:
            raise ValidationError(
                _("You already have %(max)d keys in use. Revoke one you no longer need first.")
                % {"max": MAX_ACTIVE_PER_PERSON}
            )
        raw = PREFIX + new_token()
        token = ApiToken.objects.create(
            person=person,
            organisation=organisation,
            name=name.strip(),
            digest=hash_token(raw),
            hint=raw[: len(PREFIX) + 4],
            expires_on=timezone.localdate() + timedelta(days=days),
        )
        record(
            organisation=organisation,
            actor=person,
            action="api_token.create",
            target=token,
            after={"name": token.name, "expires_on": token.expires_on.isoformat()},
        )
    return token, raw


def revoke_token(*, token: ApiToken, actor) -> None:
    """Ends a key at once (idempotent). Side effects: sets revoked_at; audit entry
    "api_token.revoke" the first time."""
    with transaction.atomic():
        changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if changed:
            record(
                organisation=token.organisation,
                actor=actor,
                action="api_token.revoke",
                target=token,
                before={"name": token.name},
            )


def authenticate(raw: str):
    """The usable key matching ``raw`` with the person's access in its organisation, or None.
    A key whose person no longer has an active membership there does not authenticate.

    Side effect: ``last_used_on`` is set to today (at most one write per key per day)."""
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.usable()
        .filter(digest=hash_token(raw))
        .select_related("person", "organisation")
        .first()
    )
    if token is None:
        return None
    access = resolve_access(token.person, token.organisation)
    if access is None:
        return None
    today = timezone.localdate()
    if token.last_used_on != today:
        ApiToken.objects.filter(pk=token.pk).update(last_used_on=today)
        token.last_used_on = today
    return token, access


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Erasure (see contrib.py). Side effects: deletes the person's keys in ``organisation``;
    their audit entries keep the action without the name (organisations' erasure)."""
    return {"api_keys": deleted(ApiToken.objects.filter(person=person, organisation=organisation))}
