from django import forms
from django.core.validators import validate_domain_name
from django.utils.translation import gettext_lazy as _

from lerend.organisations.models import Team

from ..forms import NoLabelSuffix
from .models import SAML_PROVIDERS, Provider, SsoConnection
from .services import normalise_domains


class StartForm(NoLabelSuffix, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail at your organisation"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two forms on one page: their fields need distinct ids.
        self.auto_id = "sso_%s"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class ConnectionForm(NoLabelSuffix, forms.ModelForm):
    """The beheerder's settings. The client secret is write-only: shown as "stored", never
    sent back to the browser; left empty, the stored one stays."""

    domains = forms.CharField(
        label=_("E-mail domains"),
        help_text=_("For example: kompas.nl, leerkracht.kompas.nl (separate with commas)."),
    )
    client_secret = forms.CharField(
        label=_("Client secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    allow_jit = forms.BooleanField(
        label=_("Create an account for new people at their first sign-in"),
        required=False,
        help_text=_(
            "Only for addresses in the domains above, as staff member in the team you choose. "
            "Without this, the beheerder invites people first."
        ),
    )

    class Meta:
        model = SsoConnection
        fields = [
            "provider",
            "enabled",
            "required",
            "issuer",
            "client_id",
            "metadata_url",
            "metadata_xml",
            "jit_team",
        ]
        labels = {
            "provider": _("Identity provider"),
            "enabled": _("Sign-in with the organisation account is switched on"),
            "required": _("Required: no log-in with a password for these people"),
            "issuer": _("Issuer (OpenID Connect)"),
            "client_id": _("Client ID (OpenID Connect)"),
            "metadata_url": _("Metadata URL (SAML)"),
            "metadata_xml": _("Or paste the metadata (SAML)"),
            "jit_team": _("Team for new people"),
        }
        help_texts = {
            "issuer": _(
                "Entra ID: https://login.microsoftonline.com/<tenant-ID>/v2.0 · Google: "
                "https://accounts.google.com · SURFconext: https://connect.surfconext.nl"
            ),
            "metadata_url": _("Entree Federatie: the metadata address Kennisnet gave you."),
        }
        widgets = {"metadata_xml": forms.Textarea(attrs={"rows": 4, "spellcheck": "false"})}

    field_order = [
        "provider",
        "domains",
        "issuer",
        "client_id",
        "client_secret",
        "metadata_url",
        "metadata_xml",
        "enabled",
        "required",
        "allow_jit",
        "jit_team",
    ]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["jit_team"].queryset = Team.objects.filter(
            organisation=organisation
        ).select_related("location")
        self.fields["jit_team"].required = False
        self.fields["provider"].choices = Provider.choices
        stored = self.instance.pk is not None and self.instance.has_client_secret
        if stored:
            self.fields["client_secret"].help_text = _(
                "A secret is stored; it is not shown again. Leave empty to keep it."
            )
        if self.instance.pk is not None:
            self.initial["domains"] = ", ".join(
                self.instance.domains.values_list("domain", flat=True)
            )
            self.initial["allow_jit"] = self.instance.jit_team_id is not None

    def clean_domains(self):
        domains = normalise_domains(self.cleaned_data["domains"])
        if not domains:
            raise forms.ValidationError(_("Give at least one e-mail domain."))
        for domain in domains:
            try:
                validate_domain_name(domain)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(domain)s is not a domain name.") % {"domain": domain}
                ) from None
            if "." not in domain:
                raise forms.ValidationError(
                    _("%(domain)s is not a domain name.") % {"domain": domain}
                )
        return domains

    def clean(self):
        data = super().clean()
        provider = data.get("provider")
        required = _("This field is required for this identity provider.")
        if provider in SAML_PROVIDERS:
            if not data.get("metadata_url") and not data.get("metadata_xml", "").strip():
                self.add_error("metadata_url", _("Give the metadata URL or paste the metadata."))
        elif provider:
            for name in ("issuer", "client_id"):
                if not data.get(name):
                    self.add_error(name, required)
            if not data.get("client_secret") and not self.instance.has_client_secret:
                self.add_error("client_secret", required)
        if data.get("allow_jit") and not data.get("jit_team"):
            self.add_error("jit_team", _("Choose the team new people join."))
        if not data.get("allow_jit"):
            data["jit_team"] = None
        return data
