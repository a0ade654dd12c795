"""Production: PostgreSQL through DATABASE_URL, secrets from the environment, HTTPS only."""

import os

from .base import *  # noqa: F403
from .error_reporting import init_error_reporting

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LOGGING["root"]["level"] = os.environ.get("LEREND_LOG_LEVEL", "INFO")  # noqa: F405
# One JSON object a line (python-json-logger), with the request id; LEREND_LOG_FORMAT=text
# for a person reading the journal by eye.
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LEREND_LOG_FORMAT", "json")  # noqa: F405
# Behind a load balancer every visitor shares its address; the log-in rate limit must see the
# client's. Set to the header your proxy fills (the last entry is used), or "" for REMOTE_ADDR.
LEREND_CLIENT_IP_HEADER = os.environ.get("LEREND_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")

# Error reports to Sentry or a self-hosted GlitchTip, only when SENTRY_DSN is set.
init_error_reporting()
# The key the organisations' SSO client secrets are encrypted with (docs/sso.md); empty: the
# secret key is used.
LEREND_SSO_SECRET_KEY = os.environ.get("LEREND_SSO_SECRET_KEY", "")
