"""Personal API keys. A key belongs to one person in ONE organisation and acts as that
person there: it reads exactly what the person's roles may read on the pages, no more.

Only a SHA-256 digest of the key is stored (the key is 256 random bits, so a slow hash adds
nothing); the key itself is shown once, when it is made. ``hint`` holds its first characters
so the owner can tell keys apart."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Organisation


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, today=None):
        """Not revoked, not expired, and its person still active."""
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, expires_on__gte=today, person__is_active=True)


class ApiToken(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=80)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(_("valid until"))
    # The day only: enough to see whether a key is still in use, and one write a day at most.
    last_used_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.name

    @property
    def is_usable(self) -> bool:
        return (
            self.revoked_at is None
            and self.expires_on >= timezone.localdate()
            and self.person.is_active
        )
