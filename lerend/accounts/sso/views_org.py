"""The beheerder's page for the organisation's sign-in connection (under /o/<slug>/beheer/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import require
from lerend.organisations.rules import can_manage_organisation

from . import oidc, saml, selectors, services
from .forms import ConnectionForm
from .models import SAML_PROVIDERS
from .views import redirect_uri


def _provider_values(form) -> dict:
    """Check what the beheerder gave against the provider itself before saving: the
    discovery document of an OIDC issuer, the metadata of a SAML identity provider."""
    data = form.cleaned_data
    values = {name: data[name] for name in ConnectionForm.Meta.fields}
    values["idp_entity_id"] = ""
    if values["provider"] in SAML_PROVIDERS:
        values["issuer"], values["client_id"] = "", ""
        # A metadata URL is fetched at every save, so a new signing certificate is picked
        # up by saving again; pasted metadata is used as it is.
        xml = values["metadata_xml"].strip()
        try:
            if values["metadata_url"]:
                xml = saml.fetch_metadata(values["metadata_url"])
            values["metadata_xml"] = xml
            values["idp_entity_id"] = saml.read_metadata(xml)
        except oidc.ProviderError:
            raise ValidationError(
                {"metadata_url": _("No valid SAML metadata of one identity provider found.")}
            ) from None
    else:
        values["metadata_url"], values["metadata_xml"] = "", ""
        try:
            oidc.discover(values["issuer"])
        except oidc.ProviderError:
            raise ValidationError(
                {"issuer": _("No OpenID Connect provider found at this issuer (over https).")}
            ) from None
    return values


@sensitive_post_parameters("client_secret")
@require(can_manage_organisation)
def connection_settings(request):
    organisation = request.organisation
    connection = selectors.connection_of(organisation)
    form = ConnectionForm(request.POST or None, instance=connection, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_connection(
                organisation=organisation,
                actor=request.user,
                values=_provider_values(form),
                domains=form.cleaned_data["domains"],
                client_secret=form.cleaned_data["client_secret"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The sign-in settings have been saved."))
            return redirect("sso_admin:settings", organisation.slug)
    context = {
        "form": form,
        "connection": connection,
        "redirect_uri": redirect_uri(),
        "saml_entity_id": saml.entity_id(),
        "saml_acs": saml.acs_url(),
    }
    return render(request, "accounts/sso/settings.html", context)


@require_POST
@require(can_manage_organisation)
def connection_delete(request):
    connection = selectors.connection_of(request.organisation)
    if connection is not None:
        services.delete_connection(connection=connection, actor=request.user)
        messages.success(request, _("Sign-in with the organisation account has been removed."))
    return redirect("sso_admin:settings", request.organisation.slug)
