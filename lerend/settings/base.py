"""Settings shared by every environment. Environment files only override."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LEREND_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Before django_tasks_db: its db_worker (with heartbeat and recovery) replaces theirs.
    "lerend.background",
    "django_tasks_db",
    "ninja",  # serves the Swagger UI files of the API docs from our own static files
    "lerend.accounts",
    "lerend.organisations",
    "lerend.frameworks",
    "lerend.scans",
    "lerend.improvement",
    "lerend.learning",
    "lerend.collaboration",
    "lerend.coaching",
    "lerend.monitoring",
    "lerend.knowledge",
    "lerend.networks",
    "lerend.partners",
    "lerend.steering",
    "lerend.api",
    "lerend.web",
    "lerend.demo",
    "lerend.ops",
]

MIDDLEWARE = [
    # First: every log line of the request, and the response, carry its id (docs/operations.md).
    "lerend.ops.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lerend.accounts.middleware.UserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside the locale middleware, so an empty 405/410 gets its page in the right language.
    "lerend.web.errors.ErrorPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lerend.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Before the tenant: a session signed in through one organisation's own account
    # opens only that organisation (docs/sso.md).
    "lerend.accounts.sso.middleware.SessionScopeMiddleware",
    "lerend.organisations.middleware.TenantMiddleware",
]

ROOT_URLCONF = "lerend.urls"
WSGI_APPLICATION = "lerend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lerend.web.context_processors.navigation",
                "lerend.web.context_processors.version",
            ],
        },
    }
]


def database_config(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL + busy timeout: many readers and one writer without "database is locked".
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lerend.sqlite3'}")
DATABASES = {"default": database_config(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

CACHES = {
    # A database cache is shared by every app process behind a load balancer. (Rate limits
    # no longer live here: they count in accounts.AttemptCounter, decision 0005.)
    # MAX_ENTRIES: Django's default of 300 is culled by a third at a time; one closed
    # campaign of a large organisation warms more entries than that (a plan, its per-number
    # decisions, the comparison and the steering series per leader position, decision 0022),
    # so the default threw away what the worker had just worked out.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "lerend_cache",
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CSRF_FAILURE_VIEW = "lerend.web.errors.csrf_failure"
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "lerend_language"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "lerend" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Mail goes through Django's MAILERS (6.1). The console backend by default; SMTP when
# DJANGO_EMAIL_HOST is set.
if os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["DJANGO_EMAIL_HOST"],
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "587")),
                "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
                "use_tls": os.environ.get("DJANGO_EMAIL_USE_TLS", "1") == "1",
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Lerend <noreply@lerend.local>")

# Strict Content-Security-Policy: no inline script or style anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Per account 5 failures in 5 minutes; per IP address 100 in 15 minutes, because a whole
# school often shares one address (accounts/throttle.py, decision 0014-crash-and-abuse).
LOGIN_RATE_LIMIT = {
    "attempts": 5,
    "window_seconds": 300,
    "per_ip_attempts": 100,
    "per_ip_window_seconds": 900,
}
INVITATION_VALID_DAYS = 14
# Requests per API key, counted exactly in accounts.AttemptCounter (api/auth.py, decision 0005).
API_RATE_LIMIT = "120/m"

# Every record carries the request id (lerend.ops.requestid); production writes JSON lines.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lerend.ops.requestid.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": os.environ.get("LEREND_LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
# Health checks at /health/ (lerend.ops.health): free disk and worker silence limits.
LEREND_HEALTH = {
    "min_free_mb": int(os.environ.get("LEREND_HEALTH_MIN_FREE_MB", "500")),
    "worker_silence_seconds": int(os.environ.get("LEREND_HEALTH_WORKER_SILENCE", "300")),
}

# The address people reach Lerend at: links in mails (invitations, reminders) start with it.
SITE_URL = os.environ.get("LEREND_SITE_URL", "http://127.0.0.1:8000")
