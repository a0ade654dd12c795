"""The per-organisation connection to an identity provider, its e-mail domains, and the
sign-in requests in flight. Imported by lerend/accounts/models.py, so they belong to the
accounts app."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Provider(models.TextChoices):
    ENTRA = "entra", _("Microsoft Entra ID (OpenID Connect)")
    GOOGLE = "google", _("Google Workspace (OpenID Connect)")
    SURFCONEXT = "surfconext", _("SURFconext (OpenID Connect)")
    ENTREE = "entree", _("Entree Federatie, Kennisnet (SAML 2.0)")


SAML_PROVIDERS = frozenset({Provider.ENTREE})


class SsoConnection(models.Model):
    """How the people of one organisation sign in with their own account."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="sso_connection"
    )
    provider = models.CharField(_("identity provider"), max_length=20, choices=Provider.choices)
    enabled = models.BooleanField(_("switched on"), default=True)
    required = models.BooleanField(
        _("required for the organisation's people"),
        default=False,
        help_text=_(
            "People whose e-mail address is in one of the domains below can then no longer "
            "log in with a password."
        ),
    )
    # OpenID Connect
    issuer = models.URLField(_("issuer"), max_length=300, blank=True)
    client_id = models.CharField(_("client ID"), max_length=300, blank=True)
    # Encrypted (sso/secrets.py); the form never shows it again after saving.
    client_secret_encrypted = models.TextField(blank=True)
    # SAML 2.0: the identity provider's metadata, fetched from the URL or pasted.
    metadata_url = models.URLField(_("metadata URL"), max_length=500, blank=True)
    metadata_xml = models.TextField(_("metadata (XML)"), blank=True)
    idp_entity_id = models.CharField(
        _("entity ID of the identity provider"), max_length=500, blank=True
    )
    # Just-in-time creation: only when a team is chosen.
    jit_team = models.ForeignKey(
        "organisations.Team",
        verbose_name=_("team for new people"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sign-in connection")
        verbose_name_plural = _("sign-in connections")

    def __str__(self):
        return f"{self.organisation}: {self.get_provider_display()}"

    @property
    def is_saml(self) -> bool:
        return self.provider in SAML_PROVIDERS

    @property
    def has_client_secret(self) -> bool:
        return bool(self.client_secret_encrypted)


class SsoDomain(models.Model):
    """An e-mail domain whose people sign in through this connection. A domain belongs to
    one connection only: it decides where "log in with your organisation account" goes."""

    connection = models.ForeignKey(SsoConnection, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("e-mail domain"), max_length=253, unique=True)

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        ordering = ["domain"]

    def __str__(self):
        return self.domain


class SsoRequest(models.Model):
    """One sign-in in flight, from the redirect to the identity provider until the log-in.

    ``key`` is a hash of the OIDC ``state`` or the SAML AuthnRequest ID; the answer must
    name it, and it is consumed once (a conditional UPDATE), so a replayed answer finds
    nothing. ``browser`` is a hash of a random value in the session that started it: an
    answer completes only in that browser."""

    connection = models.ForeignKey(SsoConnection, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, unique=True)
    browser = models.CharField(max_length=64)
    nonce = models.CharField(max_length=100, blank=True)
    code_verifier = models.CharField(max_length=128, blank=True)
    next_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)
    consumed_at = models.DateTimeField(null=True, blank=True)
    # SAML answers arrive in a cross-site POST without the session cookie: the assertion
    # consumer stores its outcome here, and the finish page (a GET with the cookie) logs in.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    outcome = models.CharField(max_length=30, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in request")
        verbose_name_plural = _("sign-in requests")

    def __str__(self):
        return f"{self.connection_id}:{self.key[:8]}"
