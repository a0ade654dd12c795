"""SAML 2.0 (Entree Federatie) on pysaml2: Lerend is one service provider (one entity ID,
one assertion consumer); each organisation's connection holds its identity provider's
metadata. Assertions must be signed by that identity provider, be addressed to Lerend
(audience, destination), be within their lifetime and answer a request we made (pysaml2
checks InResponseTo against the one outstanding request; unsolicited answers are refused)."""

import logging
import shutil

import requests
from django.conf import settings
from django.urls import reverse
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAMEID_FORMAT_PERSISTENT

from .oidc import TIMEOUT, ProviderError, check_url
from .services import Identity

logger = logging.getLogger(__name__)

EMAIL_ATTRIBUTES = ("mail", "email", "emailAddress")
# Clocks of the identity provider and Lerend may differ this much (seconds).
ACCEPTED_TIME_DIFF = 60


def _site() -> str:
    return settings.SITE_URL.rstrip("/")


def entity_id() -> str:
    return _site() + reverse("accounts:sso:saml_metadata")


def acs_url() -> str:
    return _site() + reverse("accounts:sso:saml_acs")


def _config(metadata_xml: str | None) -> SPConfig:
    conf = {
        "entityid": entity_id(),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "accepted_time_diff": ACCEPTED_TIME_DIFF,
        "allow_unknown_attributes": True,
        "service": {
            "sp": {
                "name": "Lerend",
                "endpoints": {"assertion_consumer_service": [(acs_url(), BINDING_HTTP_POST)]},
                "allow_unsolicited": False,
                "authn_requests_signed": False,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "name_id_format": NAMEID_FORMAT_PERSISTENT,
                "name_id_format_allow_create": True,
                "required_attributes": ["mail"],
                "optional_attributes": ["givenName", "sn", "displayName"],
            }
        },
    }
    if metadata_xml:
        conf["metadata"] = {"inline": [metadata_xml]}
    config = SPConfig()
    config.load(conf)
    return config


def sp_metadata() -> str:
    """Lerend's own metadata, to register at Entree Federatie."""
    return str(entity_descriptor(_config(None)))


def read_metadata(xml: str) -> str:
    """The entity ID of the one identity provider in ``xml``.
    Raises ProviderError when the XML holds none or several."""
    try:
        providers = list(_config(xml).metadata.identity_providers())
    except Exception as error:  # pysaml2 raises many kinds for bad XML
        raise ProviderError(f"metadata: {error}") from error
    if len(providers) != 1:
        raise ProviderError(f"metadata: {len(providers)} identity providers, expected 1")
    return providers[0]


def fetch_metadata(url: str) -> str:
    check_url(url)
    try:
        response = requests.get(url, timeout=TIMEOUT, allow_redirects=False)
        response.raise_for_status()
    except requests.RequestException as error:
        raise ProviderError(f"{url}: {error}") from error
    return response.text


def authn_request(connection) -> tuple[str, str]:
    """A new AuthnRequest to the connection's identity provider (HTTP-Redirect binding).
    Returns (request ID, URL to send the browser to). The request ID doubles as RelayState:
    it finds the request again; pysaml2 then checks it against InResponseTo."""
    client = Saml2Client(config=_config(connection.metadata_xml))
    request_id, info = client.prepare_for_authenticate(
        entityid=connection.idp_entity_id, binding=BINDING_HTTP_REDIRECT, relay_state="-"
    )
    location = dict(info["headers"])["Location"]
    return request_id, location.replace("RelayState=-", "RelayState=" + request_id, 1)


def identity(connection, *, saml_response: str, request_id: str) -> Identity:
    """Check a SAMLResponse (HTTP-POST binding) against the connection's identity provider
    and the one request it must answer. Raises ProviderError when anything does not hold."""
    client = Saml2Client(config=_config(connection.metadata_xml))
    try:
        response = client.parse_authn_request_response(
            saml_response, BINDING_HTTP_POST, outstanding={request_id: "/"}
        )
    except Exception as error:  # signature, audience, time, status: each its own class
        logger.info("SAML response refused: %s: %s", type(error).__name__, error)
        raise ProviderError(f"{type(error).__name__}: {error}") from error
    if response is None or response.assertion is None:
        raise ProviderError("no assertion")
    if response.issuer() != connection.idp_entity_id:
        raise ProviderError("another identity provider")
    if response.in_response_to != request_id:
        raise ProviderError("answers another request")
    attributes = response.get_identity()
    email = next((attributes[a][0] for a in EMAIL_ATTRIBUTES if attributes.get(a)), "")
    name = (attributes.get("displayName") or [""])[0] or " ".join(
        (attributes.get(a) or [""])[0] for a in ("givenName", "sn")
    ).strip()
    # A signed statement of the organisation's own identity provider: the address is as
    # verified as SAML gets; sign_in still requires its domain to be the organisation's.
    return Identity(email=str(email), verified=bool(email), name=str(name)[:150])
