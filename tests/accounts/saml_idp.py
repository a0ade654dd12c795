"""A real SAML 2.0 identity provider for the tests: pysaml2's IdP (saml2.server.Server),
in-process, with a fresh RSA key and self-signed certificate, signing its responses and
assertions with xmlsec1. It knows Lerend as a service provider from Lerend's own
metadata, reads the AuthnRequest Lerend sends (HTTP-Redirect) and answers it (HTTP-POST).
"""

import base64
import contextlib
import datetime
import shutil
from unittest import mock
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_REDIRECT, time_util
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server

from lerend.accounts.sso import saml as lerend_saml


def _key_and_cert(folder, name: str) -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_file), str(cert_file)


OTHER_SP = "https://andere-dienst.example.nl/sp"


def _other_sp_metadata() -> str:
    return lerend_saml.sp_metadata().replace(lerend_saml.entity_id(), OTHER_SP)


class SamlIdp:
    def __init__(self, folder, name="idp-a", *, lifetime_minutes=15):
        self.entity_id = f"https://{name}.example.nl/saml/idp"
        key_file, cert_file = _key_and_cert(folder, name)
        config = IdPConfig()
        config.load(
            {
                "entityid": self.entity_id,
                "xmlsec_binary": shutil.which("xmlsec1"),
                "key_file": key_file,
                "cert_file": cert_file,
                # Lerend, and another service that uses the same identity provider.
                "metadata": {"inline": [lerend_saml.sp_metadata(), _other_sp_metadata()]},
                "service": {
                    "idp": {
                        "name": name,
                        "endpoints": {
                            "single_sign_on_service": [
                                (f"https://{name}.example.nl/saml/sso", BINDING_HTTP_REDIRECT)
                            ]
                        },
                        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                        "policy": {
                            "default": {
                                "lifetime": {"minutes": lifetime_minutes},
                                "attribute_restrictions": None,
                                "name_form": NAME_FORMAT_URI,
                            }
                        },
                    }
                },
            }
        )
        self.config = config
        self.server = Server(config=config)

    def metadata(self) -> str:
        return str(entity_descriptor(self.config))

    def read_request(self, redirect_url: str):
        """The AuthnRequest Lerend sent the browser with, and the RelayState."""
        query = parse_qs(urlsplit(redirect_url).query)
        request = self.server.parse_authn_request(
            query["SAMLRequest"][0], BINDING_HTTP_REDIRECT
        ).message
        return request, query.get("RelayState", [""])[0]

    def answer(
        self,
        redirect_url: str,
        email: str,
        *,
        audience=None,
        in_response_to=None,
        reader=None,
        issued_minutes_ago=0,
        **kw,
    ):
        """Sign the person in and answer the request in ``redirect_url``: returns the POST
        data the browser carries to Lerend's assertion consumer.

        ``reader``: the identity provider the request was meant for (when another one answers
        it). ``issued_minutes_ago``: this provider's clock runs that far behind, so its
        assertion was issued (and its lifetime counted) that long ago."""
        request, relay_state = (reader or self).read_request(redirect_url)
        with _clock_behind(issued_minutes_ago):
            response = self._respond(request, email, audience, in_response_to, **kw)
        saml_response = base64.b64encode(str(response).encode()).decode()
        return {"SAMLResponse": saml_response, "RelayState": relay_state}

    def _respond(self, request, email, audience, in_response_to, **kw):
        return self.server.create_authn_response(
            {"mail": [email], "givenName": ["Test"], "sn": ["Persoon"]},
            in_response_to=in_response_to or request.id,
            destination=request.assertion_consumer_service_url,
            sp_entity_id=audience or request.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text="p-" + email),
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
            sign_response=True,
            sign_assertion=True,
            **kw,
        )


@contextlib.contextmanager
def _clock_behind(minutes: int):
    """The identity provider's clock, ``minutes`` behind: pysaml2's IdP side takes its
    times from these functions; Lerend's side is checked after this block, at the real
    time."""
    if not minutes:
        yield
        return
    shift = datetime.timedelta(minutes=minutes)

    def instant(format=time_util.TIME_FORMAT, time_stamp=0):
        return (datetime.datetime.now(datetime.UTC) - shift).strftime(format)

    def in_a_while(format=time_util.TIME_FORMAT, **delta):
        return (time_util.time_in_a_while(**delta) - shift).strftime(format)

    with contextlib.ExitStack() as stack:
        for module in ("saml2.assertion", "saml2.entity", "saml2.s_utils"):
            stack.enter_context(mock.patch(f"{module}.instant", instant))
        stack.enter_context(mock.patch("saml2.assertion.in_a_while", in_a_while))
        yield


class MetadataServer:
    """Serves one document over HTTP on 127.0.0.1, as an identity provider publishes its
    metadata."""

    def __init__(self, body: str):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        data = body.encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                self.send_response(200)
                self.send_header("Content-Type", "application/samlmetadata+xml")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/metadata.xml"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
