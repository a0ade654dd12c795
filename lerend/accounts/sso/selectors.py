"""Reads for single sign-on."""

from django.contrib.auth import get_user_model

from lerend.organisations.models import Membership

from .models import SsoConnection

# The organisations this session may open, as a list of ids; absent: all of the person's.
# Set at log-in: a sign-in through an organisation's identity provider opens only that
# organisation; a password log-in never opens one that requires its own sign-in.
SESSION_SCOPE = "lerend_org_scope"


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def connection_for_email(email: str) -> SsoConnection | None:
    """The switched-on connection whose domains include this address's domain."""
    domain = email_domain(email)
    if not domain:
        return None
    return (
        SsoConnection.objects.select_related("organisation")
        .filter(enabled=True, domains__domain=domain)
        .first()
    )


def connection_of(organisation) -> SsoConnection | None:
    return SsoConnection.objects.filter(organisation=organisation).first()


def password_scope(user) -> list[int] | None:
    """The organisations a password log-in may open, or None for all of them.

    An organisation that requires its own sign-in excludes the person when their address is
    in its domains (people with another address, such as an external coach, keep their
    password). Returns [] when that leaves nothing: then a password log-in is refused."""
    connection = connection_for_email(user.email)
    if connection is None or not connection.required:
        return None
    org_ids = set(
        Membership.objects.active().filter(person=user).values_list("organisation_id", flat=True)
    )
    if connection.organisation_id not in org_ids:
        return None
    return sorted(org_ids - {connection.organisation_id})


def password_refused(email: str) -> SsoConnection | None:
    """The connection that takes the place of a password for this address, or None.

    Checked before the password, for every address in a domain whose organisation requires
    its own sign-in, whether it has an account or not (the answer says nothing about that).
    Only a person who also works in another organisation gets their password checked: their
    session then opens only the others (password_scope)."""
    connection = connection_for_email(email)
    if connection is None or not connection.required:
        return None
    others = (
        Membership.objects.active()
        .filter(person__email__iexact=email)
        .exclude(organisation_id=connection.organisation_id)
    )
    if get_user_model().objects.filter(email__iexact=email).exists() and others.exists():
        return None
    return connection


def session_scope(request) -> list[int] | None:
    """The organisation ids this session may open (set at log-in: an SSO sign-in opens only
    its organisation, a password none that requires its own sign-in), or None for all of the
    person's organisations."""
    session = getattr(request, "session", None)
    return None if session is None else session.get(SESSION_SCOPE)


def may_open(request, organisation_id: int) -> bool:
    scope = session_scope(request)
    return scope is None or organisation_id in scope
