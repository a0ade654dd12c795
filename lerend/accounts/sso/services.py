"""Every write for single sign-on: the connection (audited), sign-in requests, and the one
decision who a verified address is (sign_in). Keyword-only, one transaction each."""

import hashlib
import secrets as pysecrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.organisations.models import Membership, Role, Scope
from lerend.organisations.services import create_membership, record

from . import secrets
from .models import SsoConnection, SsoDomain, SsoRequest
from .selectors import email_domain

User = get_user_model()

REQUEST_SECONDS = 600
CONNECTION_FIELDS = (
    "provider",
    "enabled",
    "required",
    "issuer",
    "client_id",
    "metadata_url",
    "idp_entity_id",
    "jit_team",
)


class Outcome:
    """Why a sign-in ended; each refusal has its own message in views.py."""

    OK = "ok"
    INVALID = "invalid"  # signature, issuer, audience, lifetime or nonce did not hold
    EXPIRED = "expired"  # the request was started too long ago
    USED = "used"  # the answer was already used, or names no request of ours
    UNVERIFIED = "unverified"  # the provider did not vouch for the address
    DOMAIN = "domain"  # the address is not in the organisation's domains
    UNKNOWN = "unknown"  # no account, and no just-in-time creation
    NOT_MEMBER = "not_member"  # an account, but not of this organisation
    OFF = "off"  # the connection is switched off


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def browser_token(session) -> str:
    """A random value kept in this browser's session; requests store its hash."""
    value = session.get("sso_browser")
    if not value:
        value = session["sso_browser"] = pysecrets.token_urlsafe(24)
    return value


# --- the connection ------------------------------------------------------------------------


def _snapshot(connection: SsoConnection) -> dict:
    out = {}
    for name in CONNECTION_FIELDS:
        value = getattr(connection, name)
        out[name] = f"{value} (#{value.pk})" if hasattr(value, "pk") else value
    out["domains"] = sorted(connection.domains.values_list("domain", flat=True))
    return out


def normalise_domains(raw: str) -> list[str]:
    domains = []
    for part in raw.replace(",", " ").replace(";", " ").split():
        domain = part.strip().lower().lstrip("@").rstrip(".")
        if domain and domain not in domains:
            domains.append(domain)
    return domains


@transaction.atomic
def save_connection(
    *, organisation, actor, values: dict, domains: list[str], client_secret: str = ""
) -> SsoConnection:
    """Create or change the organisation's connection.

    ``client_secret`` "" keeps the stored one. Raises ValidationError when a domain belongs
    to another organisation's connection, or a team to another organisation.
    Side effects: saves the connection and its domains; audit entry ``sso.create`` or
    ``sso.update`` (the secret itself is never recorded, only that it changed)."""
    connection = SsoConnection.objects.filter(organisation=organisation).first()
    created = connection is None
    if created:
        connection = SsoConnection(organisation=organisation)
        before = {}
    else:
        before = _snapshot(connection)
    team = values.get("jit_team")
    if team is not None and team.organisation_id != organisation.pk:
        raise ValidationError({"jit_team": _("Choose a team of this organisation.")})
    taken = SsoDomain.objects.filter(domain__in=domains).exclude(
        connection__organisation=organisation
    )
    if taken.exists():
        raise ValidationError(
            {
                "domains": _("%(domains)s is already connected to another organisation.")
                % {"domains": ", ".join(sorted(taken.values_list("domain", flat=True)))}
            }
        )
    for name, value in values.items():
        setattr(connection, name, value)
    if client_secret:
        connection.client_secret_encrypted = secrets.encrypt(client_secret)
    connection.updated_at = timezone.now()
    connection.save()
    connection.domains.exclude(domain__in=domains).delete()
    existing = set(connection.domains.values_list("domain", flat=True))
    SsoDomain.objects.bulk_create(
        SsoDomain(connection=connection, domain=d) for d in domains if d not in existing
    )
    after = _snapshot(connection)
    changed = [k for k in after if before.get(k) != after[k]]
    before_out = {k: before.get(k) for k in changed}
    after_out = {k: after[k] for k in changed}
    if client_secret:
        # Only that it changed: the log shows a new mask, never the secret.
        before_out["client_secret"] = "" if created else "********"
        after_out["client_secret"] = "******** (" + timezone.now().strftime("%Y-%m-%d") + ")"
    audit = {"organisation": organisation, "actor": actor, "target": connection}
    if created:
        record(action="sso.create", after=after_out, **audit)
    elif after_out:
        record(action="sso.update", before=before_out, after=after_out, **audit)
    return connection


@transaction.atomic
def delete_connection(*, connection: SsoConnection, actor) -> None:
    """Remove the connection: everyone logs in with a password again.
    Side effects: deletes it with its domains and requests; audit entry ``sso.delete``."""
    record(
        organisation=connection.organisation,
        actor=actor,
        action="sso.delete",
        target=connection,
        before=_snapshot(connection),
    )
    connection.delete()


# --- requests in flight --------------------------------------------------------------------


@transaction.atomic
def open_request(
    *, connection, key: str, browser: str, next_url: str, nonce: str = "", code_verifier: str = ""
) -> SsoRequest:
    """Remember a sign-in that is sent to the identity provider. Side effects: one
    SsoRequest row, valid for REQUEST_SECONDS."""
    now = timezone.now()
    return SsoRequest.objects.create(
        connection=connection,
        key=_hash(key),
        browser=_hash(browser),
        nonce=nonce,
        code_verifier=code_verifier,
        next_url=next_url,
        created_at=now,
        expires_at=now + timedelta(seconds=REQUEST_SECONDS),
    )


@transaction.atomic
def consume_request(*, key: str) -> tuple[SsoRequest | None, str]:
    """Take the request an answer names, once. Returns (request, Outcome.OK), or
    (None, USED) when no such request is waiting (never made, or already answered), or
    (request, EXPIRED). Side effects: marks it consumed; of two answers at the same moment
    only one gets it (conditional UPDATE)."""
    hashed = _hash(key or "")
    now = timezone.now()
    if not SsoRequest.objects.filter(key=hashed, consumed_at__isnull=True).update(consumed_at=now):
        return None, Outcome.USED
    request = SsoRequest.objects.select_related("connection__organisation").get(key=hashed)
    if request.expires_at <= now:
        return request, Outcome.EXPIRED
    return request, Outcome.OK


def same_browser(request: SsoRequest, browser: str) -> bool:
    return pysecrets.compare_digest(request.browser, _hash(browser or ""))


@transaction.atomic
def store_outcome(*, sso_request: SsoRequest, outcome: str, user=None) -> None:
    """The assertion consumer's verdict, for the finish page. Side effects: saves it."""
    sso_request.outcome = outcome
    sso_request.user = user
    sso_request.save(update_fields=["outcome", "user"])


@transaction.atomic
def finish_request(*, sso_request: SsoRequest) -> bool:
    """Mark a stored verdict as used for a log-in; False when it was used before."""
    return bool(
        SsoRequest.objects.filter(pk=sso_request.pk, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )
    )


def purge_requests() -> int:
    """Delete requests that ended more than a day ago."""
    deleted, _ = SsoRequest.objects.filter(
        expires_at__lte=timezone.now() - timedelta(days=1)
    ).delete()
    return deleted


# --- who is this? --------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """What a provider vouched for, after its signature and claims were checked."""

    email: str
    verified: bool
    name: str = ""


@transaction.atomic
def sign_in(*, connection: SsoConnection, identity: Identity):
    """Decide who ``identity`` is in the connection's organisation.

    Returns (user, Outcome.OK) or (None, a refusal). The address must be verified and in
    the connection's domains; it matches only an active person with an active membership in
    this organisation; a person of another organisation is never matched or added. An
    unknown address gets an account only when the organisation chose a team for new people.
    Side effects, only for just-in-time creation: a User without a usable password, a
    medewerker Membership in that team, audit entry ``sso.jit_create``."""
    if not connection.enabled:
        return None, Outcome.OFF
    email = identity.email.strip().lower()
    if not identity.verified or "@" not in email:
        return None, Outcome.UNVERIFIED
    if not connection.domains.filter(domain=email_domain(email)).exists():
        return None, Outcome.DOMAIN
    organisation = connection.organisation
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        member = Membership.objects.active().filter(person=user, organisation=organisation)
        if user.is_active and member.exists():
            return user, Outcome.OK
        return None, Outcome.NOT_MEMBER
    team = connection.jit_team
    if team is None or team.organisation_id != organisation.pk:
        return None, Outcome.UNKNOWN
    user = User.objects.create_user(email, name=identity.name or email.split("@")[0])
    membership = create_membership(
        organisation=organisation,
        actor=None,
        person=user,
        role=Role.MEDEWERKER,
        scope=Scope.TEAM,
        team=team,
        start_date=timezone.localdate(),
    )
    record(
        organisation=organisation,
        actor=None,
        action="sso.jit_create",
        target=membership,
        after={"person": user.pk, "email": email, "team": f"{team} (#{team.pk})"},
    )
    return user, Outcome.OK
