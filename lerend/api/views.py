"""API keys: a person makes and revokes their own at /account/api-sleutels/; the beheerder
sees every key of the organisation at /o/<slug>/api-sleutels/ and may revoke any of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lerend.accounts.sso import selectors as sso_selectors
from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import require
from lerend.organisations.models import Membership, Organisation
from lerend.organisations.rules import can_manage_organisation

from . import selectors, services
from .forms import TokenForm


def _organisations(request):
    """Where a new key may read: the person's organisations that this session may open (a
    key must not reach further than the sign-in it was made in)."""
    ids = Membership.objects.active().filter(person=request.user).values("organisation_id")
    organisations = Organisation.objects.filter(pk__in=ids).order_by("name")
    return [o for o in organisations if sso_selectors.may_open(request, o.pk)]


# The new key rides in the session from the POST to the one page that shows it, and is
# removed there: a reload neither shows it again nor makes a second key.
NEW_KEY = "api_new_key"


@login_required
@never_cache
def tokens(request):
    """The person's keys and the form for a new one."""
    form = TokenForm(request.POST or None, organisations=_organisations(request))
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw = services.create_token(
                person=request.user,
                organisation=form.organisations[form.cleaned_data["organisation"]],
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            request.session[NEW_KEY] = raw
            return redirect("api_keys:tokens")
    context = {
        "form": form,
        "new_key": request.session.pop(NEW_KEY, None),
        "tokens": selectors.tokens_of(request.user),
    }
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def revoke(request, token_id):
    token = selectors.own_token_or_none(request.user, token_id)
    if token is None:
        raise Http404
    services.revoke_token(token=token, actor=request.user)
    messages.success(request, _("The key “%(name)s” no longer works.") % {"name": token.name})
    return redirect("api_keys:tokens")


@require(can_manage_organisation)
def organisation_tokens(request):
    context = {"tokens": selectors.tokens_in(request.organisation)}
    return render(request, "api/organisation_tokens.html", context)


def _organisation_token(request, token_id):
    token = selectors.tokens_in(request.organisation).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return token


@require(can_manage_organisation, obj=_organisation_token)
@require_POST
def organisation_revoke(request, token):
    services.revoke_token(token=token, actor=request.user)
    messages.success(request, _("The key “%(name)s” no longer works.") % {"name": token.name})
    return redirect("api_org:tokens", request.organisation.slug)
