"""A real OpenID Connect provider for the tests: an HTTP server on 127.0.0.1 (a random
port) serving discovery, JWKS, the authorisation endpoint and the token endpoint, issuing ID
tokens signed with a fresh RSA key through joserfc. It checks what a real provider checks:
the client ID and secret, the redirect URI, PKCE (S256) and that a code is used once.

The person who "logs in" is ``provider.person`` (claims); ``provider.tamper`` changes the
next ID token's claims (audience, expiry, nonce, issuer) and ``provider.signing_key`` signs
with another key — the cases a relying party must refuse."""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from joserfc import jwt
from joserfc.jwk import RSAKey


class OidcProvider:
    def __init__(self, *, client_id="lerend", client_secret="geheim-van-de-idp"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = RSAKey.generate_key(2048, parameters={"kid": secrets.token_hex(4)})
        self.signing_key = self.key
        self.person = {"sub": "p-1", "email": "", "email_verified": True, "name": "Test"}
        self.tamper: dict = {}
        self.codes: dict[str, dict] = {}
        self.token_requests = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.issuer = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def sign_in(self, authorize_url: str) -> str:
        """What the browser does at the provider: open the authorisation URL (the person is
        already signed in there) and get sent back. Returns the Location it sends us to."""
        response = requests.get(authorize_url, allow_redirects=False, timeout=5)
        assert response.status_code == 302, response.text
        return response.headers["Location"]

    # --- the endpoints ---------------------------------------------------------------------

    def authorize(self, query: dict) -> tuple[int, dict, bytes]:
        q = {k: v[0] for k, v in query.items()}
        if q.get("client_id") != self.client_id or q.get("response_type") != "code":
            return 400, {}, b"unknown client or response type"
        if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            return 400, {}, b"PKCE required"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": q["redirect_uri"],
            "challenge": q["code_challenge"],
            "nonce": q.get("nonce"),
            "scope": q.get("scope", ""),
        }
        location = q["redirect_uri"] + "?" + urlencode({"code": code, "state": q["state"]})
        return 302, {"Location": location}, b""

    def token(self, form: dict, authorization: str) -> tuple[int, dict, bytes]:
        self.token_requests += 1
        f = {k: v[0] for k, v in form.items()}
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if authorization != f"Basic {expected}":
            return 401, {}, json.dumps({"error": "invalid_client"}).encode()
        grant = self.codes.pop(f.get("code", ""), None)  # a code works once
        if grant is None or grant["redirect_uri"] != f.get("redirect_uri"):
            return 400, {}, json.dumps({"error": "invalid_grant"}).encode()
        digest = hashlib.sha256(f.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
            return 400, {}, json.dumps({"error": "invalid_grant", "why": "pkce"}).encode()
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            **self.person,
            **self.tamper,
        }
        header = {"alg": "RS256", "kid": self.signing_key.kid}
        id_token = jwt.encode(header, claims, self.signing_key)
        body = {
            "access_token": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _handler(provider: OidcProvider):
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status, headers, body):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data):
            self._send(200, {"Content-Type": "application/json"}, json.dumps(data).encode())

        def do_GET(self):  # noqa: N802 - the http.server API
            parts = urlsplit(self.path)
            if parts.path == "/.well-known/openid-configuration":
                self._json(provider.discovery())
            elif parts.path == "/jwks":
                self._json({"keys": [provider.key.as_dict(private=False)]})
            elif parts.path == "/authorize":
                self._send(*provider.authorize(parse_qs(parts.query)))
            else:
                self._send(404, {}, b"")

        def do_POST(self):  # noqa: N802
            length = int(self.headers.get("Content-Length", 0))
            form = parse_qs(self.rfile.read(length).decode())
            if urlsplit(self.path).path == "/token":
                self._send(*provider.token(form, self.headers.get("Authorization", "")))
            else:
                self._send(404, {}, b"")

        def log_message(self, *args):
            pass

    return Handler
