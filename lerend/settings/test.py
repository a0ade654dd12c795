import os

from .base import *  # noqa: F403

# Argon2 is deliberately slow; tests use a fast hasher (production keeps Argon2).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# One media folder per test process: tests that compare the files stored before and after a
# refused upload must not see another worker's uploads.
MEDIA_ROOT = VAR_DIR / f"test-media-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"  # noqa: F405
if "TEST_DATABASE_URL" in os.environ:
    DATABASES = {"default": database_config(os.environ["TEST_DATABASE_URL"])}  # noqa: F405
else:
    DATABASES = {"default": database_config("sqlite:///" + str(VAR_DIR / "test.sqlite3"))}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
