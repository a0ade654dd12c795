"""Settings of the load test's gunicorn (``make load``): production's base settings on the
load test's own database (DATABASE_URL), static files served without a manifest (no
collectstatic needed), mail kept in memory."""

from lerend.settings.base import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
