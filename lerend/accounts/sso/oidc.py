"""OpenID Connect (Microsoft Entra ID, Google Workspace, SURFconext) on Authlib: the
authorisation-code flow with PKCE, state and nonce; the ID token's signature is checked
with joserfc against the provider's published keys, its claims with Authlib's CodeIDToken
(issuer, audience, expiry, nonce, azp, at_hash)."""

import ipaddress
from urllib.parse import urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from . import secrets
from .models import Provider
from .services import Identity

TIMEOUT = 10
SCOPE = "openid email profile"
LEEWAY_SECONDS = 60
# Asymmetric signatures only: a token signed with the client secret (HS256) or unsigned
# ("none") is never accepted.
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]


class ProviderError(Exception):
    """The provider could not be reached, or what it sent does not hold."""


def check_url(url: str) -> None:
    """https only, except for this machine itself (development and the tests' provider)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    host = (parts.hostname or "").strip("[]")
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if parts.scheme == "http" and loopback:
        return
    raise ProviderError(f"not an https address: {url}")


def _get_json(url: str) -> dict:
    check_url(url)
    try:
        response = requests.get(url, timeout=TIMEOUT, allow_redirects=False)
        response.raise_for_status()
        data = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderError(f"{url}: {error}") from error
    if not isinstance(data, dict):
        raise ProviderError(f"{url}: not a JSON object")
    return data


def discover(issuer: str) -> dict:
    """The provider's discovery document; its issuer must be the one configured."""
    metadata = _get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
    if str(metadata.get("issuer", "")).rstrip("/") != issuer.rstrip("/"):
        raise ProviderError("the discovery document names another issuer")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        check_url(str(metadata.get(name, "")))
    return metadata


def _client(connection, redirect_uri: str, *, with_secret: bool) -> OAuth2Session:
    return OAuth2Session(
        client_id=connection.client_id,
        client_secret=secrets.decrypt(connection.client_secret_encrypted) if with_secret else None,
        scope=SCOPE,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
    )


def authorization_url(connection, redirect_uri: str) -> tuple[str, dict]:
    """Where to send the browser, and what to remember: state, nonce, code verifier."""
    metadata = discover(connection.issuer)
    remember = {
        "state": generate_token(40),
        "nonce": generate_token(40),
        "code_verifier": generate_token(64),
    }
    extra = {}
    if connection.provider == Provider.GOOGLE:
        domain = connection.domains.values_list("domain", flat=True).first()
        if domain:
            extra["hd"] = domain  # Google shows only accounts of the Workspace domain
    with _client(connection, redirect_uri, with_secret=False) as client:
        url, _state = client.create_authorization_url(
            metadata["authorization_endpoint"], **remember, **extra
        )
    return url, remember


def _email_verified(provider: str, claims) -> bool:
    if claims.get("email_verified") is True:
        return True
    if provider == Provider.ENTRA:
        # Entra ID sends email_verified only for some account types; its optional claim
        # xms_edov says the address's domain is verified by the tenant (docs/sso.md).
        return claims.get("xms_edov") in (True, 1, "1", "true", "True")
    if provider == Provider.SURFCONEXT:
        # SURFconext passes on the address the institution releases; it sends no
        # email_verified unless the institution does. The domain check still applies.
        return "email_verified" not in claims
    return False


def identity(connection, *, code: str, nonce: str, code_verifier: str, redirect_uri: str):
    """Exchange the code and check the ID token; returns an Identity.
    Raises ProviderError when anything does not hold."""
    metadata = discover(connection.issuer)
    try:
        with _client(connection, redirect_uri, with_secret=True) as client:
            token = client.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=code_verifier,
                timeout=TIMEOUT,
            )
    except (OAuthError, requests.RequestException, ValueError) as error:
        raise ProviderError(f"token request: {error}") from error
    if "id_token" not in token:
        raise ProviderError("no ID token")
    keys = _get_json(metadata["jwks_uri"])
    try:
        decoded = jwt.decode(
            token["id_token"], KeySet.import_key_set(keys), algorithms=SIGNING_ALGORITHMS
        )
        claims = CodeIDToken(
            decoded.claims,
            decoded.header,
            {
                "iss": {"essential": True, "value": metadata["issuer"]},
                "aud": {"essential": True, "value": connection.client_id},
                "exp": {"essential": True},
            },
            {
                "nonce": nonce,
                "client_id": connection.client_id,
                "access_token": token.get("access_token"),
            },
        )
        claims.validate(leeway=LEEWAY_SECONDS)
    except (JoseError, ValueError) as error:
        raise ProviderError(f"ID token: {error}") from error
    if not nonce or claims.get("nonce") != nonce:
        raise ProviderError("ID token: nonce missing or wrong")
    email = str(claims.get("email") or "")
    verified = _email_verified(connection.provider, claims)
    if connection.provider == Provider.GOOGLE and verified:
        # Only Workspace accounts of the organisation's own domains, never a consumer account.
        verified = bool(claims.get("hd")) and claims["hd"] == email.rsplit("@", 1)[-1].lower()
    name = str(
        claims.get("name")
        or " ".join(filter(None, [claims.get("given_name"), claims.get("family_name")]))
    )
    return Identity(email=email, verified=verified, name=name[:150])
