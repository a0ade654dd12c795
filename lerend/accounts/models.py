from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        # E-mail addresses are compared case-insensitively: people type them as they like.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Memberships tie a person to organisations."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="nl"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # TOTP two-factor: during enrolment the new secret lives in the session; it is stored
    # here together with totp_confirmed_at once the person confirms it with a valid code.
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_confirmed_at = models.DateTimeField(null=True, blank=True)
    # The time-step (unix time // 30) of the last code accepted for this secret. A code is
    # accepted only for a later step, so a code seen over someone's shoulder, or sent twice,
    # cannot be used again while it is still valid.
    totp_last_counter = models.BigIntegerField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def has_two_factor(self) -> bool:
        return bool(self.totp_secret and self.totp_confirmed_at)


class RecoveryCode(models.Model):
    """A one-time code to pass two-step log-in without the phone. Only a hash is stored:
    the codes are random and long enough that a fast hash is safe, and the person sees the
    plain codes exactly once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        constraints = [
            models.UniqueConstraint(fields=["user", "code_hash"], name="recovery_code_unique")
        ]

    def __str__(self):
        return f"{self.user} — {'used' if self.used_at else 'unused'}"


class AttemptCounter(models.Model):
    """How often something was tried in the current window: failed log-ins per address and
    per IP, codes per person, password-reset requests. Only lerend.accounts.throttle reads
    and writes it (atomically, see there); ``key`` is a hash, never an address in clear."""

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    # The window is fixed from its first hit; after this moment the row counts as empty and
    # the next hit starts a new window. The daily purge deletes such rows.
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("attempt counter")
        verbose_name_plural = _("attempt counters")

    def __str__(self):
        return f"{self.key}: {self.count} until {self.expires_at:%Y-%m-%d %H:%M:%S}"


# Single sign-on lives in its own sub-package; importing it here registers its models.
from .sso.models import SsoConnection, SsoDomain, SsoRequest  # noqa: E402, F401


class ReminderOptOut(models.Model):
    """A kind of recurring reminder mail this person chose not to receive (the kinds are
    the apps' ``reminder_kinds``); no row means the reminder is sent. The person manages
    them on their reminders page, reached from every reminder mail without logging in."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_opt_outs"
    )
    kind = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="reminder_opt_out_unique")
        ]

    def __str__(self):
        return f"{self.person} — {self.kind}"
