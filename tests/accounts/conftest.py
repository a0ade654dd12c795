import time
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlsplit

import pyotp
import pytest
from django.urls import reverse

from lerend.accounts import services
from lerend.organisations.models import Role
from tests.factories import PASSWORD, LocationFactory, OrganisationFactory, TeamFactory, member


def post_login(client, email, password=PASSWORD, ip="127.0.0.1", **data):
    return client.post(
        reverse("accounts:login"), {"email": email, "password": password, **data}, REMOTE_ADDR=ip
    )


def steady_step(margin: float = 2.0) -> None:
    """Wait for the next 30-second step when this one ends within ``margin`` seconds: a test
    that uses the previous step's code must not see the clock move two steps on."""
    left = 30 - time.time() % 30
    if left < margin:
        time.sleep(left + 0.05)


def code_at(secret: str, steps: int = 0) -> str:
    """The app code ``steps`` time-steps from now (-1 the previous, +1 the next one; the
    server accepts one step either side)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def enrol(user) -> tuple[str, list[str]]:
    """Switch two-step log-in on for ``user``; returns the secret and the recovery codes.
    Set-up uses the PREVIOUS step's code, so the current code (``code_at(secret)``) is still
    unused: a code is accepted only once."""
    secret = services.new_totp_secret()
    steady_step()
    codes = services.confirm_two_factor(user=user, secret=secret, code=code_at(secret, -1))
    user.refresh_from_db()
    return secret, codes


# --- single sign-on ------------------------------------------------------------------------


@pytest.fixture
def oidc_provider():
    from .oidc_provider import OidcProvider

    provider = OidcProvider()
    yield provider
    provider.stop()


@pytest.fixture
def other_oidc_provider():
    from .oidc_provider import OidcProvider

    provider = OidcProvider()
    yield provider
    provider.stop()


def connect_oidc(organisation, provider, *, domains, provider_kind="surfconext", **values):
    """Connect ``organisation`` to ``provider`` through the beheerder's service."""
    from lerend.accounts.sso import services as sso

    return sso.save_connection(
        organisation=organisation,
        actor=None,
        values={
            "provider": provider_kind,
            "issuer": provider.issuer,
            "client_id": provider.client_id,
            **values,
        },
        domains=domains,
        client_secret=provider.client_secret,
    )


def start_sso(client, email, **data):
    """Type the address under "Log in with your organisation account"; returns the
    response (the page that sends the browser on, at ``context["url"]``)."""
    return client.post(reverse("accounts:sso:start"), {"email": email, **data})


def follow_back(client, location: str):
    """The browser arriving back at Lerend at ``location`` (an absolute URL of SITE_URL)."""
    parts = urlsplit(location)
    return client.get(parts.path, dict(parse_qsl(parts.query)))


@pytest.fixture
def orgs(db):
    """Organisation A (regenboog.nl, connected) and B (elders.nl), with a person in A,
    one in both, one only in B but with an A-looking address."""
    a = OrganisationFactory(name="Kinderopvang De Regenboog", slug="regenboog")
    b = OrganisationFactory(name="Stichting Elders", slug="elders")
    team = TeamFactory(location=LocationFactory(organisation=a), name="Groep Rups")
    anne = member(a, Role.MEDEWERKER, team=team, person__email="anne@regenboog.nl")
    both = member(a, Role.TEAMLEIDER, team=team, person__email="bram@regenboog.nl")
    member(b, Role.COACH, person=both)
    only_b = member(b, Role.BEHEERDER, person__email="kees@regenboog.nl")
    b_person = member(b, Role.MEDEWERKER, person__email="els@elders.nl")
    return SimpleNamespace(
        a=a, b=b, team=team, anne=anne, both=both, only_b=only_b, b_person=b_person
    )


@pytest.fixture
def saml_idp(tmp_path):
    from .saml_idp import SamlIdp

    return SamlIdp(tmp_path, "idp-a")


@pytest.fixture
def other_saml_idp(tmp_path):
    from .saml_idp import SamlIdp

    return SamlIdp(tmp_path, "idp-b")


def connect_saml(organisation, idp, *, domains, **values):
    from lerend.accounts.sso import saml
    from lerend.accounts.sso import services as sso

    metadata = idp.metadata()
    return sso.save_connection(
        organisation=organisation,
        actor=None,
        values={
            "provider": "entree",
            "metadata_xml": metadata,
            "idp_entity_id": saml.read_metadata(metadata),
            **values,
        },
        domains=domains,
    )
