"""The site's own address, from the ``SITE_URL`` setting (``LEREND_SITE_URL``) — never from
a request's Host header, which a visitor chooses. Links in mails, calendar UIDs and mail
Message-IDs are made from it."""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT = "http://127.0.0.1:8000"


def site_url() -> str:
    """``SITE_URL`` without a trailing slash."""
    return (getattr(settings, "SITE_URL", "") or DEFAULT).rstrip("/")


def site_domain() -> str:
    """The host name of ``SITE_URL`` ("lerend.example.nl"), for UIDs and Message-IDs."""
    return urlsplit(site_url()).hostname or "localhost"


def absolute(path: str) -> str:
    """``path`` (from ``reverse``) as a full link on the site."""
    return site_url() + path
