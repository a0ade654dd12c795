"""Secrets in links and keys. The database keeps only a digest, so a copy of it opens
nothing; the token itself exists in clear only in the link or key handed out."""

import hashlib
import secrets


def new_token(nbytes: int = 32) -> str:
    """A random, URL-safe token of ``nbytes`` random bytes."""
    return secrets.token_urlsafe(nbytes)


def hash_token(token: str) -> str:
    """The sha256 hex digest stored in place of ``token``."""
    return hashlib.sha256(token.encode()).hexdigest()
